// "A customer disputed a payment": one email to each admin of the business, queued in the transaction of the event
// that first told us about the dispute (the outbox delivers it), once per dispute and admin.
import type { Db } from "@fieldpay/db/client";
import type { DisputeRow } from "@fieldpay/db/repositories/disputes";
import { disputeReasonWords } from "@fieldpay/payments/dispute-reasons";
import { queueForAdmins } from "../mail/admin-emails.ts";
import { appLink } from "../mail/app-link.ts";

export async function queueDisputeOpenedEmails(
  trx: Db,
  dispute: DisputeRow,
  webOrigin: string,
): Promise<number> {
  const customer = await trx
    .selectFrom("bookings")
    .innerJoin("users", "users.id", "bookings.customer_id")
    .select("users.name")
    .where("bookings.tenant_id", "=", dispute.tenant_id)
    .where("bookings.id", "=", dispute.booking_id)
    .executeTakeFirst();
  const props = {
    bookingId: dispute.booking_id,
    amount: dispute.amount,
    currency: dispute.currency,
    reason: disputeReasonWords(dispute.reason).meaning,
    customerName: customer?.name ?? null,
    dueBy: dispute.evidence_due_by ? new Date(dispute.evidence_due_by).toISOString() : null,
    link: appLink(webOrigin, `/app/disputes/${encodeURIComponent(dispute.id)}`),
  };
  return queueForAdmins(trx, {
    tenantId: dispute.tenant_id,
    template: "dispute_opened",
    props,
    dedupeKey: `dispute_opened:${dispute.id}`,
  });
}
