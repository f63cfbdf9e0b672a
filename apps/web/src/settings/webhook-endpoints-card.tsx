import { TextField } from "@fieldpay/ui/text-field";
import type { FieldProps } from "../lib/errors.ts";

interface Endpoint {
  url: string;
  events: string[];
}

/** The exact URLs to paste into Stripe, the events to select, and the signing secret fields beside them. */
export function WebhookEndpointsCard(props: {
  account: Endpoint;
  connect: Endpoint;
  showConnect: boolean;
  accountHint: string | null;
  connectHint: string | null;
  /** The form's field props (ids, labels, messages) from formErrors. */
  field: (name: "webhookSecret" | "connectWebhookSecret") => FieldProps;
}) {
  const secretHint = (hint: string | null) =>
    hint
      ? `Saved: ${hint}. Leave blank to keep it.`
      : "From Stripe: the endpoint's Signing secret (click Reveal).";
  return (
    <section className="card" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p>
        In your Stripe dashboard open <strong>Developers &gt; Webhooks</strong>, add an endpoint with this URL
        and select the events below. Stripe then tells fieldpay when payments succeed, fail or are refunded.
      </p>
      <EndpointUrl label="Endpoint URL for your account" endpoint={props.account} />
      <TextField
        {...props.field("webhookSecret")}
        type="password"
        autoComplete="off"
        hint={secretHint(props.accountHint)}
      />
      {props.showConnect && (
        <>
          <EndpointUrl
            label='Endpoint URL for connected accounts (choose "Events on Connected accounts")'
            endpoint={props.connect}
          />
          <TextField
            {...props.field("connectWebhookSecret")}
            type="password"
            autoComplete="off"
            hint={secretHint(props.connectHint)}
          />
        </>
      )}
    </section>
  );
}

function EndpointUrl({ label, endpoint }: { label: string; endpoint: Endpoint }) {
  return (
    <div className="endpoint">
      <p className="field-label">{label}</p>
      <code className="endpoint-url">{endpoint.url}</code>
      <details>
        <summary>Events to select ({endpoint.events.length})</summary>
        <p className="endpoint-events">{endpoint.events.join(", ")}</p>
      </details>
    </div>
  );
}
