// Whether a fieldworker's connected account can take a booking's money right now, checked before any charge:
// a customer told "not now" beats a charge Stripe refuses (or a destination transfer that cannot land).
import type { Db } from "@fieldpay/db/client";
import {
  type FieldworkerAccount,
  findFieldworkerAccount,
  raiseFieldworkerAlert,
  resolveAlert,
} from "@fieldpay/db/repositories/fieldworker-accounts";
import { findUser } from "@fieldpay/db/repositories/users";
import type { ConnectAccountType } from "@fieldpay/db/schema";

export type UnpayableReason =
  | "not_a_fieldworker"
  | "not_connected"
  | "onboarding_incomplete"
  | "deauthorized"
  | "charges_disabled"
  | "transfers_inactive";

export type PayableResult =
  | {
      ok: true;
      account: { stripeAccountId: string; accountType: ConnectAccountType | null; row: FieldworkerAccount };
    }
  | {
      ok: false;
      reason: UnpayableReason;
      /** For the customer: nothing about the fieldworker's paperwork, only what happens now. */
      customerMessage: string;
      customerFix: string;
    };

type AccountProblem = Exclude<UnpayableReason, "not_a_fieldworker">;

export const unpayableAlertKind = "fieldworker_unpayable";

export const unpayableAlertKey = (fieldworkerId: string) => `fieldworker_unpayable:${fieldworkerId}`;

const CUSTOMER_MESSAGE = "This booking cannot be paid online right now.";
const CUSTOMER_FIX =
  "Nothing was charged. The business has been told and will sort it out; try again later or contact them.";

// What the admin reads in the alert, per reason: what is wrong and the one thing that fixes it.
const ADMIN: Record<AccountProblem, { explanation: string; fix: string }> = {
  not_connected: {
    explanation: "They have not connected a Stripe account yet, so there is nowhere to send their share.",
    fix: "Ask them to sign in to fieldpay and open My Stripe account > Set up payouts (or resend their invitation).",
  },
  onboarding_incomplete: {
    explanation: "They started Stripe's onboarding but have not finished it.",
    fix: "Ask them to sign in to fieldpay and open My Stripe account > Continue onboarding.",
  },
  deauthorized: {
    explanation: "They disconnected their Stripe account from your business.",
    fix: "Ask them to connect their Stripe account again from My Stripe account, or assign another fieldworker.",
  },
  charges_disabled: {
    explanation:
      "Stripe has not enabled card payments on their account (it needs more information or is under review).",
    fix: "Open the fieldworker in Fieldworkers to see what Stripe still needs, and ask them to provide it; assign another fieldworker meanwhile.",
  },
  transfers_inactive: {
    explanation: "Stripe has not enabled transfers to their account, so their share could not reach them.",
    fix: "Open the fieldworker in Fieldworkers to see what Stripe still needs, and ask them to provide it; assign another fieldworker meanwhile.",
  },
};

function unpayableReason(account: FieldworkerAccount | undefined): AccountProblem | null {
  if (!account?.stripe_account_id) return "not_connected";
  if (account.status === "deauthorized") return "deauthorized";
  if (!account.details_submitted && !account.charges_enabled) return "onboarding_incomplete";
  if (!account.charges_enabled) return "charges_disabled";
  // Express/Custom money arrives by destination transfer; Standard accounts are charged directly.
  const transfers = account.capabilities.transfers;
  if (account.account_type !== "standard" && transfers !== undefined && transfers !== "active") {
    return "transfers_inactive";
  }
  return null;
}

/**
 * Checks before charging. When the fieldworker cannot be paid, the admin gets one open alert (refreshed on each
 * later attempt, never duplicated); when they can again, that alert is resolved.
 */
export async function assertCanReceivePayments(
  db: Db,
  tenantId: string,
  fieldworkerId: string,
): Promise<PayableResult> {
  const user = await findUser(db, tenantId, fieldworkerId);
  if (user?.role !== "fieldworker") {
    return {
      ok: false,
      reason: "not_a_fieldworker",
      customerMessage: CUSTOMER_MESSAGE,
      customerFix: CUSTOMER_FIX,
    };
  }
  const account = await findFieldworkerAccount(db, tenantId, fieldworkerId);
  const reason = unpayableReason(account);
  const key = unpayableAlertKey(fieldworkerId);
  if (reason === null && account?.stripe_account_id) {
    await resolveAlert(db, tenantId, key);
    return {
      ok: true,
      account: {
        stripeAccountId: account.stripe_account_id,
        accountType: account.account_type,
        row: account,
      },
    };
  }
  const problem = reason ?? "not_connected";
  const why = ADMIN[problem];
  await raiseFieldworkerAlert(db, {
    tenantId,
    key,
    kind: unpayableAlertKind,
    fieldworkerId,
    accountId: account?.stripe_account_id ?? null,
    title: `A customer could not pay ${user.name} for a booking`,
    explanation: why.explanation,
    fix: why.fix,
  });
  return {
    ok: false,
    reason: problem,
    customerMessage: CUSTOMER_MESSAGE,
    customerFix: CUSTOMER_FIX,
  };
}
