// "Finish setting up payouts": the fieldworker hears, in the transaction of the account.updated event, when
// Stripe needs something more from an account whose onboarding they had finished (or that is past due), listed
// in plain words. Once per set of missing items: the same account event again, or another with the same needs,
// writes nothing more. A fieldworker still in the middle of Stripe's onboarding is not emailed at every step.
import type { Db } from "@fieldpay/db/client";
import { queueEmail } from "@fieldpay/db/repositories/emails";
import { summariseConnectedAccount } from "@fieldpay/payments/account-summary";
import type Stripe from "stripe";
import { appLink } from "./app-link.ts";

export async function queueOnboardingIncompleteEmail(
  trx: Db,
  input: { tenantId: string; stripeAccountId: string; account: Stripe.Account; webOrigin: string },
): Promise<boolean> {
  const summary = summariseConnectedAccount(input.account);
  const pastDue = input.account.requirements?.past_due?.length ?? 0;
  if (summary.due.length === 0 || !(input.account.details_submitted || pastDue > 0)) return false;
  const fieldworker = await trx
    .selectFrom("fieldworker_accounts")
    .innerJoin("users", "users.id", "fieldworker_accounts.user_id")
    .select(["users.id", "users.email", "users.name"])
    .where("fieldworker_accounts.tenant_id", "=", input.tenantId)
    .where("fieldworker_accounts.stripe_account_id", "=", input.stripeAccountId)
    .where("fieldworker_accounts.status", "!=", "deauthorized")
    .executeTakeFirst();
  if (!fieldworker) return false;
  const needs = summary.due.flatMap((d) => d.requirements).sort();
  const email = await queueEmail(trx, {
    tenantId: input.tenantId,
    to: fieldworker.email,
    userId: fieldworker.id,
    template: "onboarding_incomplete",
    props: {
      name: fieldworker.name,
      missing: summary.due.slice(0, 20).map((d) => d.label),
      link: appLink(input.webOrigin, "/app/stripe"),
    },
    dedupeKey: `onboarding_incomplete:${input.stripeAccountId}:${needs.join(",")}`,
  });
  return email.queued;
}
