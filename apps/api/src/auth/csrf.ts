import type { RequestMeta } from "../context.ts";

/**
 * A state-changing request must come from our own pages: its Origin is one we serve, or (browsers that omit
 * Origin) Sec-Fetch-Site says same-origin. Anything else, including no header at all, is refused.
 */
export function isTrustedMutation(request: RequestMeta, allowedOrigins: readonly string[]): boolean {
  if (request.origin) return allowedOrigins.includes(request.origin);
  return request.secFetchSite === "same-origin";
}
