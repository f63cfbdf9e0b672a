import Stripe from "stripe";
import type { KeyMode } from "./keys.ts";

export type WebhookFailureReason =
  | "missing_signature"
  | "bad_signature"
  | "stale_timestamp"
  | "future_timestamp"
  | "malformed_payload"
  | "no_secret";

export type WebhookVerification =
  | {
      ok: true;
      event: Stripe.Event;
      /** Which of `secrets` matched: during rotation, once only the new one matches the old can be dropped. */
      secretIndex: number;
    }
  | { ok: false; reason: WebhookFailureReason; message: string };

export interface VerifyWebhookInput {
  /** The raw request body exactly as received: a re-serialised JSON object never verifies. */
  payload: Buffer | string;
  /** The Stripe-Signature header; Node types unknown headers as string | string[]. */
  signatureHeader: string | readonly string[] | null | undefined;
  /** The endpoint's signing secrets: one, or two while a secret is being rotated. */
  secrets: readonly string[];
  toleranceSeconds?: number;
  now?: Date;
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

// Fixed texts only: nothing from the request or the secret can leak into a log line or a 400 body.
function failure(reason: WebhookFailureReason, toleranceSeconds: number): WebhookVerification {
  const messages: Record<WebhookFailureReason, string> = {
    missing_signature:
      "The request has no Stripe-Signature header, so it cannot be shown to come from Stripe.",
    bad_signature:
      "The Stripe-Signature header does not match this body for the configured signing secret. Check that the " +
      "signing secret saved in fieldpay is the one Stripe shows for this endpoint and that the body is unchanged.",
    stale_timestamp: `The signature is more than ${toleranceSeconds} seconds old, so it is refused as a possible replay.`,
    future_timestamp: `The signature is dated more than ${toleranceSeconds} seconds in the future; check the server clock.`,
    malformed_payload:
      "The body is signed correctly but is not a Stripe event (a JSON object with id and type).",
    no_secret: "No webhook signing secret is configured for this endpoint, so nothing can be verified.",
  };
  return { ok: false, reason, message: messages[reason] };
}

function singleHeader(header: VerifyWebhookInput["signatureHeader"]): string | null {
  const value = typeof header === "string" ? header : header?.length === 1 ? header[0] : undefined;
  return value && value.trim() !== "" ? value : null;
}

/** The signed timestamp, read the way the SDK reads it (the last `t=` wins). */
function signedAt(header: string): number {
  const stamps = header
    .split(",")
    .map((part) => part.split("="))
    .filter(([key]) => key?.trim() === "t");
  const last = stamps.at(-1)?.[1];
  return last === undefined ? Number.NaN : Number.parseInt(last, 10);
}

function isEvent(value: unknown): value is Stripe.Event {
  if (typeof value !== "object" || value === null) return false;
  return (
    "object" in value &&
    value.object === "event" &&
    "id" in value &&
    typeof value.id === "string" &&
    "type" in value &&
    typeof value.type === "string"
  );
}

type Attempt = { kind: "event"; event: unknown } | { kind: "stale" | "bad" | "malformed" };

function attempt(
  payload: Buffer | string,
  header: string,
  secret: string,
  tolerance: number,
  nowMs: number,
): Attempt {
  try {
    return {
      kind: "event",
      event: Stripe.webhooks.constructEvent(payload, header, secret, tolerance, undefined, nowMs),
    };
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
      // Signature checks only throw StripeSignatureVerificationError; anything else comes from parsing a body
      // that was signed correctly (not JSON, or a v2 thin event).
      return { kind: "malformed" };
    }
    const signature = Stripe.webhooks.signature;
    if (!signature) return { kind: "bad" };
    try {
      // Tolerance 0 makes the SDK check the signature alone: if that passes, the first failure was the age.
      signature.verifyHeader(payload, header, secret, 0);
      return { kind: "stale" };
    } catch {
      return { kind: "bad" };
    }
  }
}

/**
 * Verifies a Stripe webhook with the SDK's constructEvent against each configured secret, refusing signatures
 * older or (unlike the SDK) further in the future than the tolerance.
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookVerification {
  const tolerance = input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance <= 0) {
    // The SDK reads 0 as "skip the age check", which would turn replay protection off without anyone noticing.
    throw new RangeError("toleranceSeconds must be a positive number");
  }
  const nowMs = (input.now ?? new Date()).getTime();
  const header = singleHeader(input.signatureHeader);
  if (header === null) return failure("missing_signature", tolerance);
  const secrets = input.secrets
    .map((secret, index) => ({ secret, index }))
    .filter((s) => s.secret.trim() !== "");
  if (secrets.length === 0) return failure("no_secret", tolerance);
  if (input.payload.length === 0) return failure("malformed_payload", tolerance);

  let sawStale = false;
  for (const { secret, index } of secrets) {
    const result = attempt(input.payload, header, secret, tolerance, nowMs);
    if (result.kind === "stale") sawStale = true;
    if (result.kind === "malformed") return failure("malformed_payload", tolerance);
    if (result.kind !== "event") continue;
    const timestamp = signedAt(header);
    if (!Number.isFinite(timestamp)) return failure("bad_signature", tolerance);
    if (timestamp - nowMs / 1000 > tolerance) return failure("future_timestamp", tolerance);
    if (!isEvent(result.event)) return failure("malformed_payload", tolerance);
    return { ok: true, event: result.event, secretIndex: index };
  }
  return failure(sawStale ? "stale_timestamp" : "bad_signature", tolerance);
}

export type LivemodeCheck = { ok: true } | { ok: false; reason: "livemode_mismatch"; message: string };

/** Refuses a live event on a tenant with test keys and the other way round (a mixed-up endpoint or secret). */
export function checkLivemode(event: Pick<Stripe.Event, "livemode">, keyMode: KeyMode): LivemodeCheck {
  const eventMode: KeyMode = event.livemode ? "live" : "test";
  if (eventMode === keyMode) return { ok: true };
  return {
    ok: false,
    reason: "livemode_mismatch",
    message:
      `This is a ${eventMode}-mode event but the business uses ${keyMode}-mode Stripe keys. The webhook endpoint ` +
      `in Stripe and the keys saved in fieldpay must come from the same mode.`,
  };
}

/** The connected account a Connect event happened on, or null for the platform's own events. */
export function connectedAccountOf(event: Pick<Stripe.Event, "account">): string | null {
  return event.account ?? null;
}

export type EndpointKind = "account" | "connect";

export type EventRoute =
  | { ok: true; accountId: string | null }
  | { ok: false; reason: "missing_account" | "unexpected_account"; message: string };

/**
 * Which account an event belongs to, given the endpoint it arrived on: Connect endpoints only receive events
 * of connected accounts (with `event.account`), account endpoints only the business's own.
 */
export function routeEvent(event: Pick<Stripe.Event, "account">, endpoint: EndpointKind): EventRoute {
  const accountId = connectedAccountOf(event);
  if (endpoint === "connect" && accountId === null) {
    return {
      ok: false,
      reason: "missing_account",
      message: "An event without a connected account arrived on the Connect endpoint.",
    };
  }
  if (endpoint === "account" && accountId !== null) {
    return {
      ok: false,
      reason: "unexpected_account",
      message:
        "An event of a connected account arrived on the account endpoint; Connect events go to /connect.",
    };
  }
  return { ok: true, accountId };
}

/** The Stripe-Signature header Stripe sends with this payload: for the dev relay and tests, never for verifying. */
export function signWebhookPayload(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
