import { failure, type Outcome, stripeCall } from "./errors.ts";
import { checkCredentialFormat, maskSecret } from "./keys.ts";
import type { CredentialsReport, ValidateCredentialsInput } from "./strategy.ts";
import { createStripeClient, type StripeClientConfig } from "./stripe-client.ts";

export type ConnectionSettings = Omit<StripeClientConfig, "secretKey">;

/**
 * Checks keys an admin entered before they are saved: the format first (nothing is sent when that fails), then
 * Stripe itself, with the new secret key: the account (who it is, whether it can take charges and pay out) and
 * the balance (whose `livemode` tells us the mode Stripe sees the key in; the account object has none).
 *
 * The publishable key is only checked for shape and mode. Stripe's public API offers no call that proves a
 * publishable key belongs to the same account as a secret key, so a pk from another account passes here and
 * only fails later, when Stripe.js confirms a payment in the browser.
 */
export async function validateCredentials(
  input: ValidateCredentialsInput,
  connection: ConnectionSettings,
): Promise<Outcome<{ report: CredentialsReport }>> {
  const format = checkCredentialFormat(input);
  if (!format.ok) {
    return failure("invalid_credentials", { message: format.message, fix: format.fix, field: format.field });
  }
  const stripe = createStripeClient({ ...connection, secretKey: format.secretKey });
  const fetched = await stripeCall(async () => {
    const [account, balance] = await Promise.all([
      stripe.accounts.retrieveCurrent(),
      stripe.balance.retrieve(),
    ]);
    return { account, balance };
  });
  if (!fetched.ok) {
    return fetched.error.code === "authentication_failed"
      ? { ok: false, error: { ...fetched.error, field: "secretKey" } }
      : fetched;
  }
  const { account, balance } = fetched;
  if (balance.livemode !== (format.mode === "live")) {
    return failure("livemode_mismatch", {
      message: `The key looks like a ${format.mode} key but Stripe reports ${balance.livemode ? "live" : "test"} mode.`,
      field: "secretKey",
    });
  }
  const report: CredentialsReport = {
    account: {
      id: account.id,
      country: account.country ?? null,
      defaultCurrency: account.default_currency ?? null,
      chargesEnabled: account.charges_enabled,
      payoutsEnabled: account.payouts_enabled,
      detailsSubmitted: account.details_submitted,
    },
    mode: format.mode,
    secretKind: format.secretKind,
    maskedSecretKey: maskSecret(format.secretKey),
    warnings: [],
  };
  report.warnings = accountWarnings(report);
  return { ok: true, report };
}

function accountWarnings(report: CredentialsReport): string[] {
  const warnings: string[] = [];
  if (report.mode === "test") warnings.push("These are test keys: no real card will be charged.");
  if (!report.account.detailsSubmitted) {
    warnings.push(
      "The Stripe account's business details are not submitted yet: finish activating the account in the Stripe dashboard.",
    );
  }
  if (!report.account.chargesEnabled) {
    warnings.push(
      "Stripe has not enabled card payments on this account yet: make sure the account is fully set up, verified and not restricted.",
    );
  }
  if (!report.account.payoutsEnabled) {
    warnings.push(
      "Stripe cannot pay out to a bank yet: add and verify a bank account in the Stripe dashboard.",
    );
  }
  if (report.secretKind === "restricted") {
    warnings.push(
      "This is a restricted key: it must be allowed to write Customers, SetupIntents, PaymentIntents, PaymentMethods and Refunds (and Connect accounts for Stripe Connect).",
    );
  }
  return warnings;
}
