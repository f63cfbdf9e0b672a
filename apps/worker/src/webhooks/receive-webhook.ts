// POST /webhooks/stripe/:tenantId[/connect]: verify with that business's signing secret(s), check the mode and
// the route, then store the event (stored is queued: see event-processor.ts) and answer at once.
import type { IncomingMessage } from "node:http";
import { storeWebhookEvent } from "@fieldpay/db/repositories/webhook-events";
import { checkLivemode, type EndpointKind, routeEvent, verifyWebhook } from "@fieldpay/payments/webhooks";
import type { WorkerDeps } from "../deps.ts";
import { loadEndpointUncached } from "./endpoint-cache.ts";
import { MAX_WEBHOOK_BYTES, readBody } from "./read-body.ts";

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const refuse = (status: number, error: string, message: string): WebhookResponse => ({
  status,
  body: { error, message },
});

const UNKNOWN_TENANT = refuse(
  404,
  "unknown_business",
  "No business with payment settings has this id. Copy the endpoint URL again from Settings > Financial Settings > Payment integration.",
);

export async function receiveWebhook(
  deps: Pick<WorkerDeps, "db" | "secretBox" | "now" | "storeEvent" | "loadEndpoint">,
  req: IncomingMessage,
  target: { tenantId: string; endpoint: EndpointKind },
): Promise<WebhookResponse> {
  const read = await readBody(req);
  if (!read.ok) {
    return read.reason === "too_large"
      ? refuse(
          413,
          "too_large",
          `The body is larger than ${MAX_WEBHOOK_BYTES / 1024} KiB; Stripe events never are.`,
        )
      : refuse(400, "aborted", "The request body did not arrive completely.");
  }
  if (!UUID.test(target.tenantId)) return UNKNOWN_TENANT;
  const load = deps.loadEndpoint ?? loadEndpointUncached(deps.db, deps.secretBox);
  let keys = await load(target.tenantId, target.endpoint);
  if (!keys) return UNKNOWN_TENANT;
  const verify = (secrets: string[]) =>
    verifyWebhook({
      payload: read.body,
      signatureHeader: req.headers["stripe-signature"],
      secrets,
      now: deps.now(),
    });
  let verified = verify(keys.secrets);
  if (!verified.ok && verified.reason === "bad_signature" && !keys.fresh) {
    // The secret may have been rotated since it was kept: one more try with what the database has now.
    keys = await load(target.tenantId, target.endpoint, { fresh: true });
    if (!keys) return UNKNOWN_TENANT;
    verified = verify(keys.secrets);
  }
  if (!verified.ok) return refuse(400, verified.reason, verified.message);
  const { settings } = keys;
  const { event } = verified;
  const mode = checkLivemode(event, settings.key_mode);
  if (!mode.ok) return refuse(400, mode.reason, mode.message);
  const route = routeEvent(event, target.endpoint);
  if (!route.ok) return refuse(400, route.reason, route.message);
  if (typeof event.created !== "number" || typeof event.data?.object !== "object") {
    return refuse(
      400,
      "malformed_payload",
      "The body is signed correctly but is not a complete Stripe event.",
    );
  }

  const store = deps.storeEvent ?? ((e) => storeWebhookEvent(deps.db, e));
  const stored = await store({
    id: event.id,
    tenantId: settings.tenant_id,
    endpoint: target.endpoint,
    type: event.type,
    account: route.accountId,
    livemode: event.livemode,
    createdAt: new Date(event.created * 1000),
    // The verified bytes as Stripe sent them: PostgreSQL parses them once more, nothing re-serialises them.
    payload: read.body.toString("utf8"),
  });
  return { status: 200, body: { received: true, duplicate: !stored } };
}
