// The dev outbox: emails the worker delivered through the outbox transport (no SMTP_URL), as the recipient
// would have received them. The rows are the outbox's own (emails.ts); this reads what the dev page shows.
import type { Db } from "../client.ts";

/** Newest first: every email of the business, delivered or not yet, with what it said once rendered. */
export async function listOutboxEmails(db: Db, tenantId: string, limit = 50) {
  return db
    .selectFrom("emails")
    .select([
      "id",
      "to_address",
      "subject",
      "body",
      "html",
      "status",
      "transport",
      "last_answer",
      "created_at",
      "delivered_at",
    ])
    .where("tenant_id", "=", tenantId)
    .where("status", "!=", "suppressed")
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}
