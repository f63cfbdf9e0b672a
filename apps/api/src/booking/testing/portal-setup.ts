// A business ready to take portal payments in tests: settings written straight to the database (the keys are
// obvious fakes; stripe-mock accepts any), and api deps that talk to Stripe through a recording proxy.
import type { Db } from "@fieldpay/db/client";
import { savePaymentSettings } from "@fieldpay/db/repositories/payment-settings";
import type { ConnectAccountType, PaymentMode } from "@fieldpay/db/schema";
import { testPaymentSettings } from "@fieldpay/db/testing/payment-settings";
import type { ApiDeps } from "../../context.ts";

export const FAKE_SECRET_KEY = "sk_test_fieldpayFake1234";
export const FAKE_PUBLISHABLE_KEY = "pk_test_fieldpayFake5678";

export async function setUpPayments(
  deps: ApiDeps,
  tenantId: string,
  options: {
    mode: PaymentMode;
    accountType?: ConnectAccountType;
    commissionBps?: number;
    fixed?: number;
    /** Another obvious fake, to tell which key a request was sent with. */
    secretKey?: string;
  },
) {
  await savePaymentSettings(
    deps.db,
    testPaymentSettings({
      tenant_id: tenantId,
      mode: options.mode,
      publishable_key: FAKE_PUBLISHABLE_KEY,
      secret_key_sealed: deps.secretBox.seal(
        options.secretKey ?? FAKE_SECRET_KEY,
        tenantId,
        "stripe_secret_key",
      ),
      connect_account_type: options.accountType ?? "express",
      commission_bps: options.commissionBps ?? 0,
      commission_fixed: options.fixed ?? 0,
    }),
  );
}

/** A fieldworker whose connected account can (or cannot) take charges. */
export async function connectedFieldworker(
  db: Db,
  tenantId: string,
  fieldworkerId: string,
  account: { id: string; type: ConnectAccountType; chargesEnabled?: boolean },
) {
  const enabled = account.chargesEnabled ?? true;
  await db
    .insertInto("fieldworker_accounts")
    .values({
      user_id: fieldworkerId,
      tenant_id: tenantId,
      stripe_account_id: account.id,
      account_type: account.type,
      status: enabled ? "active" : "restricted",
      charges_enabled: enabled,
      payouts_enabled: enabled,
      details_submitted: true,
      requirements: {},
      capabilities: enabled ? { card_payments: "active", transfers: "active" } : {},
    })
    .execute();
}
