// What never goes into an email, whatever its props say: Stripe secrets and full card numbers are blanked in
// every string before rendering; links may only lead into fieldpay's own web app.

const SECRET = /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]+|\bwhsec_[A-Za-z0-9]+/g;
// 13 to 19 digits, optionally grouped by spaces or dashes: a card number (PAN). Amounts never get this long.
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;

export function scrubText(value: string): string {
  return value.replace(SECRET, "[hidden]").replace(CARD, "[card number hidden]");
}

export function scrubProps(value: unknown): unknown {
  if (typeof value === "string") return scrubText(value);
  if (Array.isArray(value)) return value.map(scrubProps);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubProps(v)]));
  }
  return value;
}

export class UnsafeEmailError extends Error {
  override name = "UnsafeEmailError";
}

/** Every `link` in the props leads into the web app at `webOrigin` (never to another site). */
export function assertOwnLinks(props: unknown, webOrigin: string): void {
  if (props === null || typeof props !== "object") return;
  for (const [key, value] of Object.entries(props)) {
    if (key === "link" && (typeof value !== "string" || !sameOrigin(value, webOrigin))) {
      throw new UnsafeEmailError(`the email's link does not lead to ${webOrigin}`);
    }
    if (typeof value === "object") assertOwnLinks(value, webOrigin);
  }
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin;
  } catch {
    return false;
  }
}
