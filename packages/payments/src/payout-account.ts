// Everything the payout analysis needs about one account, fetched within the business's rate limit: the account
// (schedule, payouts_enabled, requirements), its recent payouts, its balance and recent balance transactions.
import { analysePayouts, type PayoutFinding } from "./payouts.ts";
import type { TenantStripe } from "./rate-limited-stripe.ts";

export interface WatchedAccount {
  accountId: string;
  /** Null for the business's own account. */
  fieldworkerId: string | null;
  name: string;
}

/** How far back payouts and balance transactions are read: late and failed payouts older than this are history. */
const LOOKBACK_DAYS = 60;
const MAX_PAYOUTS = 500;
const MAX_BALANCE_TRANSACTIONS = 1000;

export async function examineAccount(
  access: TenantStripe,
  watched: WatchedAccount,
  now: Date,
): Promise<PayoutFinding[]> {
  const { stripe, call, listAll } = access;
  const own = watched.fieldworkerId === null;
  const options = own ? undefined : { stripeAccount: watched.accountId };
  const since = Math.floor(now.getTime() / 1000) - LOOKBACK_DAYS * 86_400;
  const account = own
    ? await call(() => stripe.accounts.retrieveCurrent())
    : await call(() => stripe.accounts.retrieve(watched.accountId));
  const payouts = await listAll(
    (after) =>
      stripe.payouts.list(
        { limit: 100, created: { gte: since }, ...(after && { starting_after: after }) },
        options,
      ),
    MAX_PAYOUTS,
  );
  const balance = await call(() => stripe.balance.retrieve({}, options));
  const transactions = await listAll(
    (after) =>
      stripe.balanceTransactions.list(
        { limit: 100, created: { gte: since }, ...(after && { starting_after: after }) },
        options,
      ),
    MAX_BALANCE_TRANSACTIONS,
  );
  return analysePayouts({
    // Our id, not whatever Stripe echoes: alerts are keyed and attributed by it.
    account: { ...account, id: watched.accountId },
    payouts: payouts.items,
    balance,
    balanceTransactions: transactions.items,
    now,
  });
}
