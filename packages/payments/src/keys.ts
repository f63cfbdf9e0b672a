/** Test or live keys (and objects): the one list the database row and the api's schemas are checked against. */
export const KEY_MODES = ["test", "live"] as const;
export type KeyMode = (typeof KEY_MODES)[number];
export type KeyKind = "publishable" | "secret" | "restricted" | "webhook_secret";
export type SecretKeyKind = "secret" | "restricted";

export type CredentialProblem =
  | "publishable_missing"
  | "secret_missing"
  | "keys_swapped"
  | "secret_in_publishable_field"
  | "publishable_in_secret_field"
  | "webhook_secret_in_field"
  | "publishable_unrecognized"
  | "secret_unrecognized"
  | "mode_mismatch";

export type CredentialField = "publishableKey" | "secretKey";

export type CredentialFormatResult =
  | { ok: true; publishableKey: string; secretKey: string; mode: KeyMode; secretKind: SecretKeyKind }
  | { ok: false; problem: CredentialProblem; field: CredentialField; message: string; fix: string };

interface ClassifiedKey {
  kind: KeyKind;
  mode: KeyMode | null;
}

const KEY_PATTERN = /^(pk|sk|rk)_(test|live)_[A-Za-z0-9]+$/;
const KIND_BY_PREFIX = { pk: "publishable", sk: "secret", rk: "restricted" } as const;
const WHERE = "Developers > API keys in the Stripe dashboard";

/** What kind of Stripe credential a string looks like, from its prefix alone; null when it looks like none. */
export function classifyKey(value: string): ClassifiedKey | null {
  const trimmed = value.trim();
  if (/^whsec_[A-Za-z0-9+/=]+$/.test(trimmed)) return { kind: "webhook_secret", mode: null };
  const match = KEY_PATTERN.exec(trimmed);
  if (match === null) return null;
  const prefix = match[1] === "pk" || match[1] === "sk" || match[1] === "rk" ? match[1] : null;
  if (prefix === null) return null;
  return { kind: KIND_BY_PREFIX[prefix], mode: match[2] === "live" ? "live" : "test" };
}

/**
 * Checks the Publishable and Secret key the admin pasted before anything is sent to Stripe: right field, right
 * shape, same mode. Messages name the problem and the fix; they never repeat the key, nor even spell out a
 * secret prefix, so that "no sk_/rk_/whsec_ text in responses and logs" stays a check anyone can grep for.
 * Surrounding whitespace from copy-paste is forgiven and the trimmed keys are returned.
 */
export function checkCredentialFormat(input: {
  publishableKey: string;
  secretKey: string;
}): CredentialFormatResult {
  const publishableKey = input.publishableKey.trim();
  const secretKey = input.secretKey.trim();
  if (publishableKey === "") {
    return problem(
      "publishable_missing",
      "publishableKey",
      "The Publishable key is empty.",
      copyPublishable(),
    );
  }
  if (secretKey === "")
    return problem("secret_missing", "secretKey", "The Secret key is empty.", copySecret());

  const pk = classifyKey(publishableKey);
  const sk = classifyKey(secretKey);
  const fieldProblem = checkFields(pk, sk);
  if (fieldProblem !== null) return fieldProblem;
  if (pk?.kind !== "publishable" || pk.mode === null) {
    return problem(
      "publishable_unrecognized",
      "publishableKey",
      "This does not look like a Stripe Publishable key (it should start with pk_test_ or pk_live_).",
      copyPublishable(),
    );
  }
  if ((sk?.kind !== "secret" && sk?.kind !== "restricted") || sk.mode === null) {
    return problem(
      "secret_unrecognized",
      "secretKey",
      "This does not look like a Stripe Secret key or restricted key.",
      copySecret(),
    );
  }
  if (pk.mode !== sk.mode) {
    return problem(
      "mode_mismatch",
      "secretKey",
      `Your Publishable key is a ${pk.mode} key but your Secret key is a ${sk.mode} key: use both from the same mode (the 'Test mode' toggle in the Stripe dashboard).`,
      `In the Stripe dashboard, set the 'Test mode' toggle to the mode you want, then copy both keys from ${WHERE}.`,
    );
  }
  return { ok: true, publishableKey, secretKey, mode: sk.mode, secretKind: sk.kind };
}

function checkFields(pk: ClassifiedKey | null, sk: ClassifiedKey | null): CredentialFormatResult | null {
  const pkIsSecret = pk?.kind === "secret" || pk?.kind === "restricted";
  if (pkIsSecret && sk?.kind === "publishable") {
    return problem(
      "keys_swapped",
      "publishableKey",
      "The Publishable key and the Secret key look swapped.",
      "Put the key starting with pk_ in the Publishable key field and the Secret key (shown after clicking Reveal) in the Secret key field.",
    );
  }
  if (pkIsSecret) {
    return problem(
      "secret_in_publishable_field",
      "publishableKey",
      "This looks like a Secret key in the Publishable key field.",
      `Paste the Publishable key (it starts with pk_) from ${WHERE} into this field, and keep the Secret key for the Secret key field.`,
    );
  }
  if (sk?.kind === "publishable") {
    return problem(
      "publishable_in_secret_field",
      "secretKey",
      "This looks like a Publishable key in the Secret key field.",
      copySecret(),
    );
  }
  if (pk?.kind === "webhook_secret" || sk?.kind === "webhook_secret") {
    return problem(
      "webhook_secret_in_field",
      pk?.kind === "webhook_secret" ? "publishableKey" : "secretKey",
      "This looks like a webhook signing secret, not an API key.",
      `Webhook signing secrets go in the webhook settings. Copy the API keys from ${WHERE}.`,
    );
  }
  return null;
}

function copyPublishable(): string {
  return `Copy the Publishable key (pk_test_… or pk_live_…) from ${WHERE}.`;
}

function copySecret(): string {
  return `Copy the Secret key from ${WHERE}: click Reveal to see it.`;
}

function problem(
  code: CredentialProblem,
  field: CredentialField,
  message: string,
  fix: string,
): CredentialFormatResult {
  return { ok: false, problem: code, field, message, fix };
}

/**
 * What may be shown of a stored secret: its prefix and last 4 characters ("sk_test_…1234"). A secret too short
 * to spare 4 characters shows only its prefix.
 */
export function maskSecret(secret: string): string {
  const trimmed = secret.trim();
  const prefix = /^(?:(?:sk|rk|pk)_(?:test|live)_|whsec_)/.exec(trimmed)?.[0] ?? "";
  const body = trimmed.slice(prefix.length);
  // Showing 4 characters of a short body would show most of it.
  return body.length >= 8 ? `${prefix}…${body.slice(-4)}` : `${prefix}…`;
}

/** The mode a secret or publishable key belongs to, from its prefix; null when it has none. */
export function keyMode(key: string): KeyMode | null {
  return classifyKey(key)?.mode ?? null;
}
