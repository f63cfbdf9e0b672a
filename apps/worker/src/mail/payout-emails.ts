// Payout emails, queued in the transaction of the payout event: the fieldworker hears that a payout is on its way
// or failed (with the fix), and each admin hears about a failed payout once (they may turn that category off).
// Dedupe keys are the payout's id: a replayed, duplicated or later event about the same payout writes nothing more.
import type { Db } from "@fieldpay/db/client";
import { queueEmail } from "@fieldpay/db/repositories/emails";
import { findUser } from "@fieldpay/db/repositories/users";
import { payoutFailureWords } from "@fieldpay/payments/payouts";
import { queueForAdmins } from "./admin-emails.ts";
import { appLink } from "./app-link.ts";

export interface PayoutEmailInput {
  tenantId: string;
  /** The fieldworker whose connected account paid out; null for the business's own payout. */
  fieldworkerId: string | null;
  payout: {
    id: string;
    amount: number;
    currency: string;
    status: string;
    arrivalDate: Date | null;
    failureCode: string | null;
    failureMessage: string | null;
  };
  webOrigin: string;
}

/** Returns how many emails were queued now. */
export async function queuePayoutEmails(trx: Db, input: PayoutEmailInput): Promise<number> {
  const { payout } = input;
  const money = { amount: payout.amount, currency: payout.currency };
  const fieldworker = input.fieldworkerId
    ? await findUser(trx, input.tenantId, input.fieldworkerId)
    : undefined;
  let queued = 0;
  if (fieldworker && (payout.status === "in_transit" || payout.status === "paid") && payout.arrivalDate) {
    const email = await queueEmail(trx, {
      tenantId: input.tenantId,
      to: fieldworker.email,
      userId: fieldworker.id,
      template: "payout_sent",
      props: {
        name: fieldworker.name,
        ...money,
        arrivalDate: payout.arrivalDate.toISOString(),
        link: appLink(input.webOrigin, "/app/earnings"),
      },
      dedupeKey: `payout_sent:${payout.id}`,
    });
    if (email.queued) queued += 1;
  }
  if (payout.status !== "failed") return queued;
  const words = payoutFailureWords({
    failure_code: payout.failureCode,
    failure_message: payout.failureMessage,
  });
  if (fieldworker) {
    const email = await queueEmail(trx, {
      tenantId: input.tenantId,
      to: fieldworker.email,
      userId: fieldworker.id,
      template: "payout_failed",
      props: {
        name: fieldworker.name,
        ...money,
        reason: words.why,
        fix: words.fix,
        link: appLink(input.webOrigin, "/app/earnings"),
      },
      dedupeKey: `payout_failed:${payout.id}`,
    });
    if (email.queued) queued += 1;
  }
  queued += await queueForAdmins(trx, {
    tenantId: input.tenantId,
    template: "payout_failures",
    props: {
      recipientName: fieldworker?.name ?? "your business's bank account",
      ...money,
      reason: words.why,
      fix: words.fix,
      link: appLink(input.webOrigin, "/app/payouts"),
    },
    dedupeKey: `payout_failures:${payout.id}`,
  });
  return queued;
}

/**
 * "Your payout is late", to the fieldworker, once per payout. Queued by the payout check right after it stored
 * the alert (its own transaction): a check that stopped between the two queues it at its next run.
 */
export async function queuePayoutLateEmail(
  trx: Db,
  input: {
    tenantId: string;
    fieldworkerId: string;
    payoutId: string;
    money: { amount: number; currency: string };
    expectedDate: Date;
    webOrigin: string;
  },
): Promise<boolean> {
  const fieldworker = await findUser(trx, input.tenantId, input.fieldworkerId);
  if (!fieldworker) return false;
  const email = await queueEmail(trx, {
    tenantId: input.tenantId,
    to: fieldworker.email,
    userId: fieldworker.id,
    template: "payout_late",
    props: {
      name: fieldworker.name,
      ...input.money,
      expectedDate: input.expectedDate.toISOString(),
      fix: "Banks sometimes take a few more business days. If it has still not arrived in 2 business days, ask your bank to look for the payment from Stripe.",
      link: appLink(input.webOrigin, "/app/earnings"),
    },
    dedupeKey: `payout_late:${input.payoutId}`,
  });
  return email.queued;
}
