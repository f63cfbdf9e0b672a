// A demo fieldworker's past: paid bookings and what the worker would have stored from Stripe's webhooks about
// them (the payment, the business's application fee, the transfer, the fieldworker's payouts), so the earnings
// and payouts pages have something to show at once. Every Stripe id is an obvious fake (stripe-mock echoes the ids
// it is asked about).
import type { Db } from "@fieldpay/db/client";
import { applyApplicationFeeSnapshot } from "@fieldpay/db/repositories/application-fees";
import { insertBooking } from "@fieldpay/db/repositories/bookings";
import type { FieldworkerAccount } from "@fieldpay/db/repositories/fieldworker-accounts";
import { listFieldworkerPayments } from "@fieldpay/db/repositories/fieldworker-earnings";
import { applyPayoutSnapshot } from "@fieldpay/db/repositories/payouts";
import { listServices, type Service } from "@fieldpay/db/repositories/services";
import { applyTransferSnapshot } from "@fieldpay/db/repositories/transfers";
import type { PaymentSettingsRow, User } from "@fieldpay/db/schema";
import { splitCharge } from "@fieldpay/payments/fees";
import { resolveCommission } from "../connect/commission.ts";
import { DAY_MS, daysBefore } from "./seed-shared.ts";

export interface DemoJob {
  /** The name of one of the business's services. */
  service: string;
  /** When the customer booked and paid; the job itself was two days later (still in the past). */
  paidDaysAgo: number;
}

interface HistoryInput {
  settings: PaymentSettingsRow;
  customer: User;
  fieldworker: User;
  account: FieldworkerAccount;
  /** Makes this fieldworker's Stripe ids: pi_<prefix>Job1, po_<prefix>Paid, … */
  idPrefix: string;
  jobs: readonly DemoJob[];
  now: Date;
}

const startOfUtcDay = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);

/** Once per fieldworker: an account that already has payments (seeded, or made in the portal) is left alone. */
export async function ensurePaidJobs(db: Db, input: HistoryInput): Promise<void> {
  const accountId = input.account.stripe_account_id;
  if (!accountId) throw new Error(`${input.fieldworker.email} has no connected account to be paid into`);
  const tenantId = input.settings.tenant_id;
  if ((await listFieldworkerPayments(db, tenantId, accountId, 1)).length > 0) return;
  const services = await listServices(db, tenantId, { activeOnly: false });
  const oldestFirst = [...input.jobs].sort((a, b) => b.paidDaysAgo - a.paidDaysAgo);
  await db.transaction().execute(async (trx) => {
    const nets: number[] = [];
    for (const [index, job] of oldestFirst.entries()) {
      const service = services.find((s) => s.name === job.service) ?? services[0];
      if (!service) throw new Error("the business has no service to book");
      const paidAt = daysBefore(input.now, job.paidDaysAgo);
      nets.push(
        await paidJob(trx, input, { accountId, service, paidAt, id: `${input.idPrefix}Job${index + 1}` }),
      );
    }
    await payouts(trx, input, accountId, oldestFirst, nets);
  });
}

/** One booking paid in full by a destination charge; returns what reached the fieldworker. */
async function paidJob(
  db: Db,
  input: HistoryInput,
  job: { accountId: string; service: Service; paidAt: Date; id: string },
): Promise<number> {
  const { settings } = input;
  const { service } = job;
  const tenantId = settings.tenant_id;
  const booking = await insertBooking(db, {
    tenant_id: tenantId,
    customer_id: input.customer.id,
    service_id: service.id,
    fieldworker_id: input.fieldworker.id,
    starts_at: new Date(job.paidAt.getTime() + 2 * DAY_MS),
    amount: service.price_amount,
    currency: service.currency,
    status: "paid",
    created_at: job.paidAt,
    updated_at: job.paidAt,
  });
  // The rule and the split the api would have charged with (see booking/connect-terms.ts and pay-booking.ts).
  const rule = resolveCommission({ settings, fieldworker: input.account, booking });
  const split = splitCharge({ charge: { amount: booking.amount, currency: booking.currency }, rule });
  if (!split.ok) throw new Error(`the demo commission does not apply: ${split.error.message}`);
  const fee = split.applicationFee.amount;
  const net = split.fieldworkerNet.amount;
  const money = { amount: booking.amount, currency: booking.currency };
  // Written whole rather than through openPaymentAttempt, which stamps the attempt with now(): these are past.
  await db
    .insertInto("payments")
    .values({
      tenant_id: tenantId,
      booking_id: booking.id,
      attempt: 1,
      payment_intent_id: `pi_${job.id}`,
      status: "succeeded",
      ...money,
      charge_type: "destination",
      on_account: null,
      fieldworker_account_id: job.accountId,
      application_fee_amount: fee,
      fieldworker_net_amount: net,
      stripe_event_at: job.paidAt,
      created_at: job.paidAt,
      updated_at: job.paidAt,
    })
    .execute();
  await feeAndTransfer(db, { tenantId, ...job, ...money, fee });
  return net;
}

/**
 * What the worker stores from the platform's transfer.created and application_fee.created. A destination charge
 * with application_fee_amount moves the whole amount to the connected account, then Stripe takes the fee back
 * from it (charged there as py_…): the fieldworker keeps amount - fee.
 */
async function feeAndTransfer(
  db: Db,
  charge: {
    tenantId: string;
    id: string;
    accountId: string;
    paidAt: Date;
    amount: number;
    currency: string;
    fee: number;
  },
) {
  const stamps = {
    tenantId: charge.tenantId,
    currency: charge.currency,
    createdAt: charge.paidAt,
    eventAt: charge.paidAt,
  };
  await applyTransferSnapshot(db, {
    ...stamps,
    id: `tr_${charge.id}`,
    destination: charge.accountId,
    amount: charge.amount,
    amountReversed: 0,
    sourceCharge: `ch_${charge.id}`,
  });
  await applyApplicationFeeSnapshot(db, {
    ...stamps,
    id: `fee_${charge.id}`,
    account: charge.accountId,
    amount: charge.fee,
    amountRefunded: 0,
    charge: `py_${charge.id}`,
  });
}

/** Everything but the newest job was paid out and has arrived; the newest job's share is on its way. */
async function payouts(
  db: Db,
  input: HistoryInput,
  accountId: string,
  oldestFirst: readonly DemoJob[],
  nets: readonly number[],
) {
  const common = {
    tenantId: input.settings.tenant_id,
    accountId,
    fieldworkerId: input.fieldworker.id,
    currency: input.settings.currency,
    failureCode: null,
    failureMessage: null,
  };
  const earlier = oldestFirst.slice(0, -1);
  const lastEarlier = earlier.at(-1);
  if (lastEarlier) {
    const createdAt = daysBefore(input.now, lastEarlier.paidDaysAgo - 2);
    const arrivalDate = startOfUtcDay(new Date(createdAt.getTime() + 2 * DAY_MS));
    await applyPayoutSnapshot(db, {
      ...common,
      id: `po_${input.idPrefix}Paid`,
      amount: nets.slice(0, -1).reduce((sum, net) => sum + net, 0),
      status: "paid",
      arrivalDate,
      createdAt,
      eventAt: arrivalDate,
    });
  }
  const newest = nets.at(-1);
  if (newest === undefined) return;
  const createdAt = daysBefore(input.now, 1);
  await applyPayoutSnapshot(db, {
    ...common,
    id: `po_${input.idPrefix}InTransit`,
    amount: newest,
    status: "in_transit",
    // Still expected, so it is upcoming rather than late.
    arrivalDate: startOfUtcDay(new Date(input.now.getTime() + 2 * DAY_MS)),
    createdAt,
    eventAt: createdAt,
  });
}
