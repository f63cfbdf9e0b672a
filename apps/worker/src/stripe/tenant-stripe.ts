// One business's rate-limited Stripe access for a job, with its secret key opened from its settings row.
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { SecretBox } from "@fieldpay/db/secret-box";
import { rateLimitedStripe, type TenantStripe } from "@fieldpay/payments/rate-limited-stripe";

export type { TenantStripe } from "@fieldpay/payments/rate-limited-stripe";

export function tenantStripe(
  settings: PaymentSettingsRow,
  box: SecretBox,
  apiBase: string | undefined,
): TenantStripe {
  const secretKey = box.open(settings.secret_key_sealed, settings.tenant_id, "stripe_secret_key");
  return rateLimitedStripe({ secretKey, keyMode: settings.key_mode, apiBase });
}
