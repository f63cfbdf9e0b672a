import type { ApiDeps } from "../context.ts";

/** An absolute address in the web app (for emails and Stripe's return/refresh URLs): the first trusted origin. */
export function appUrl(deps: Pick<ApiDeps, "allowedOrigins">, path: string): string {
  const origin = deps.allowedOrigins[0] ?? "http://localhost:5173";
  return new URL(path, origin).toString();
}
