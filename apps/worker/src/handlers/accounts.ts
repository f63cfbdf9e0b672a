// Connected accounts of fieldworkers: what Stripe says about them, routed by `event.account`.
import { applyCapabilityUpdate } from "@fieldpay/db/repositories/charge-events";
import {
  type AccountSnapshot,
  applyAccountSnapshot,
  findFieldworkerByStripeAccount,
  markAccountDeauthorized,
} from "@fieldpay/db/repositories/fieldworker-accounts";
import { summariseConnectedAccount } from "@fieldpay/payments/account-summary";
import type Stripe from "stripe";
import { queueOnboardingIncompleteEmail } from "../mail/onboarding-emails.ts";
import type { EventContext } from "./types.ts";

export function accountSnapshot(account: Stripe.Account): AccountSnapshot {
  const requirements = account.requirements ?? {};
  return {
    status: summariseConnectedAccount(account).status,
    chargesEnabled: account.charges_enabled,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    requirements: { ...requirements },
    capabilities: Object.fromEntries(
      Object.entries(account.capabilities ?? {}).flatMap(([name, status]) =>
        typeof status === "string" ? [[name, status]] : [],
      ),
    ),
  };
}

export async function accountUpdated(ctx: EventContext<Stripe.AccountUpdatedEvent>): Promise<string> {
  const account = ctx.event.data.object;
  if (ctx.endpoint === "account") {
    // The business's own account: health reports read it live from Stripe, nothing is mirrored.
    return "business account updated (read live by health reports)";
  }
  const stripeAccountId = ctx.event.account ?? account.id;
  const applied = await applyAccountSnapshot(ctx.trx, {
    tenantId: ctx.tenantId,
    stripeAccountId,
    snapshot: accountSnapshot(account),
    eventAt: ctx.eventAt,
  });
  if (!applied) return "ignored: unknown account or a newer event was applied";
  const email = { tenantId: ctx.tenantId, stripeAccountId, account, webOrigin: ctx.webOrigin };
  if (await queueOnboardingIncompleteEmail(ctx.trx, email)) {
    return "fieldworker account updated; they are emailed what Stripe still needs";
  }
  return "fieldworker account updated";
}

export async function accountDeauthorized(
  ctx: EventContext<Stripe.AccountApplicationDeauthorizedEvent>,
): Promise<string> {
  const stripeAccountId = ctx.event.account;
  if (!stripeAccountId) return "ignored: no connected account on the event";
  const fieldworker = await findFieldworkerByStripeAccount(ctx.trx, ctx.tenantId, stripeAccountId);
  if (!fieldworker) return "ignored: unknown connected account";
  await markAccountDeauthorized(ctx.trx, ctx.tenantId, stripeAccountId, ctx.eventAt);
  return "fieldworker account disconnected from the business";
}

export async function capabilityUpdated(ctx: EventContext<Stripe.CapabilityUpdatedEvent>): Promise<string> {
  const capability = ctx.event.data.object;
  const stripeAccountId =
    ctx.event.account ??
    (typeof capability.account === "string" ? capability.account : capability.account.id);
  const applied = await applyCapabilityUpdate(ctx.trx, {
    tenantId: ctx.tenantId,
    stripeAccountId,
    capability: capability.id,
    status: capability.status,
    eventAt: ctx.eventAt,
  });
  return applied
    ? `capability ${capability.id} is ${capability.status}`
    : "ignored: unknown account or older event";
}
