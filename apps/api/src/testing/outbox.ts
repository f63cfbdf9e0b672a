// For api tests without a worker: the queued emails rendered and marked delivered to the dev outbox, as the
// worker's deliver_email would (its tests cover delivery itself), so a test reads what the recipient would get.
import type { Db } from "@fieldpay/db/client";
import { emailBusiness, recordDelivered } from "@fieldpay/db/repositories/email-delivery";
import { type EmailName, renderEmail } from "@fieldpay/ui/emails/render";

export async function renderQueuedEmails(db: Db, webOrigin = "http://localhost:5173"): Promise<void> {
  const queued = await db.selectFrom("emails").selectAll().where("status", "=", "queued").execute();
  for (const email of queued) {
    const business = await emailBusiness(db, email.tenant_id);
    const out = await renderEmail(email.template as EmailName, email.props, { business, webOrigin });
    await recordDelivered(db, email.id, {
      transport: "outbox",
      answer: null,
      rendered: { subject: out.subject, body: out.text, html: out.html },
      at: new Date(),
    });
  }
}

/** What was sent to an address, oldest first, once rendered. */
export async function emailsTo(db: Db, address: string) {
  await renderQueuedEmails(db);
  return db
    .selectFrom("emails")
    .select(["subject", "body", "status", "template"])
    .where("to_address", "=", address)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}
