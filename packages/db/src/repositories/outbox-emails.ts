// Emails as sent by the outbox transport (dev and tests): what the recipient would have received.
import type { Selectable } from "kysely";
import type { Db } from "../client.ts";
import type { OutboxEmailsTable } from "../schema.ts";

export type OutboxEmail = Selectable<OutboxEmailsTable>;

export async function insertOutboxEmail(
  db: Db,
  email: { tenantId: string; to: string; subject: string; body: string },
): Promise<OutboxEmail> {
  return db
    .insertInto("outbox_emails")
    .values({ tenant_id: email.tenantId, to_address: email.to, subject: email.subject, body: email.body })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Newest first. */
export async function listOutboxEmails(db: Db, tenantId: string, limit = 50): Promise<OutboxEmail[]> {
  return db
    .selectFrom("outbox_emails")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}
