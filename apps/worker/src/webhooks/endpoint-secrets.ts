// The signing secrets of one business's endpoint: the current one and, while it is being rotated, the previous.
import type { PaymentSettingsRow } from "@fieldpay/db/schema";
import type { SecretBox } from "@fieldpay/db/secret-box";
import type { EndpointKind } from "@fieldpay/payments/webhooks";

export function endpointSecrets(
  box: SecretBox,
  settings: PaymentSettingsRow,
  endpoint: EndpointKind,
): string[] {
  const [current, previous] =
    endpoint === "connect"
      ? [settings.connect_webhook_secret_sealed, settings.connect_webhook_secret_previous_sealed]
      : [settings.webhook_secret_sealed, settings.webhook_secret_previous_sealed];
  const kind = endpoint === "connect" ? "connect_webhook_secret" : "webhook_secret";
  const secrets: string[] = [];
  if (current) secrets.push(box.open(current, settings.tenant_id, kind));
  if (previous) secrets.push(box.open(previous, settings.tenant_id, `${kind}_previous`));
  return secrets;
}
