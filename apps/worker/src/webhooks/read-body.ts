import type { IncomingMessage } from "node:http";

/** Stripe events are a few KiB; anything far larger is not one of them and is refused before it is buffered. */
export const MAX_WEBHOOK_BYTES = 512 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: "too_large" | "aborted" };

/** The raw body, byte for byte (signatures are over the exact bytes), or a refusal once it passes `limit`. */
export async function readBody(req: IncomingMessage, limit = MAX_WEBHOOK_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too_large" };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      size += buffer.length;
      if (size > limit) return { ok: false, reason: "too_large" };
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, reason: "aborted" };
  }
  return { ok: true, body: Buffer.concat(chunks) };
}
