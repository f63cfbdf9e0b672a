// The checks that need the business's Stripe account itself: can we use the key at all, and what Stripe says about
// the account (readiness, capabilities, payout schedule, Connect).

import type Stripe from "stripe";
import { type PaymentError, toPaymentError } from "./errors.ts";
import {
  buildCheck,
  checkAccountReadiness,
  checkCapabilities,
  checkConnectEnabled,
  type HealthCheck,
  KEYS_PAGE,
  probeConnect,
} from "./health.ts";
import { checkPayoutSchedule } from "./payout-schedule.ts";
import type { TenantStripe } from "./rate-limited-stripe.ts";

const KEYS_ID = "keys_valid";
const KEYS_TITLE = "Stripe accepts the saved keys";

export function unreadableKeyCheck(): HealthCheck {
  return buildCheck(
    KEYS_ID,
    KEYS_TITLE,
    [
      {
        status: "fail",
        text: "The saved Secret key could not be read on this server (the encryption key changed).",
        fix: `Enter the Secret key again under ${KEYS_PAGE}.`,
      },
    ],
    "",
  );
}

function keyRefused(error: PaymentError): HealthCheck {
  // Stripe being down or busy is not the business's fault: a warning, and the checks below are skipped.
  const status = error.retryable ? "warn" : "fail";
  const skipped = " The checks that need Stripe were skipped.";
  return buildCheck(
    KEYS_ID,
    KEYS_TITLE,
    [{ status, text: `${error.message}${skipped}`, fix: error.fix }],
    "",
  );
}

export async function stripeChecks(
  access: TenantStripe,
  input: { usesConnect: boolean },
): Promise<{ checks: HealthCheck[]; account: Stripe.Account | null }> {
  let account: Stripe.Account;
  try {
    account = await access.call(() => access.stripe.accounts.retrieveCurrent());
  } catch (error) {
    return { checks: [keyRefused(toPaymentError(error))], account: null };
  }
  const keys = buildCheck(
    KEYS_ID,
    KEYS_TITLE,
    [],
    `Stripe accepted the Secret key for account ${account.id}.`,
  );
  const probe = input.usesConnect
    ? await access.call(() => probeConnect(access.stripe))
    : { ok: true as const };
  return {
    account,
    checks: [
      keys,
      checkAccountReadiness(account),
      checkCapabilities(account),
      checkConnectEnabled({ usesConnect: input.usesConnect, probe }),
      checkPayoutSchedule(account),
    ],
  };
}
