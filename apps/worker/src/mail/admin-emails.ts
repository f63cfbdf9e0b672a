// An email to every admin of the business, one row each (dedupe key + admin), in the caller's transaction. An
// admin who turned the category off gets a "suppressed" row instead (queueEmail), so turning it back on never
// sends old news.
import type { Db } from "@fieldpay/db/client";
import { type EmailTemplate, queueEmail } from "@fieldpay/db/repositories/emails";
import { listUsersByRole } from "@fieldpay/db/repositories/users";

/** Returns how many emails were queued now (not those queued before under the same key, nor suppressed). */
export async function queueForAdmins(
  trx: Db,
  input: { tenantId: string; template: EmailTemplate; props: Record<string, unknown>; dedupeKey: string },
): Promise<number> {
  const admins = await listUsersByRole(trx, input.tenantId, "admin");
  let queued = 0;
  for (const admin of admins) {
    const email = await queueEmail(trx, {
      tenantId: input.tenantId,
      to: admin.email,
      userId: admin.id,
      template: input.template,
      props: input.props,
      dedupeKey: `${input.dedupeKey}:${admin.id}`,
    });
    if (email.queued) queued += 1;
  }
  return queued;
}
