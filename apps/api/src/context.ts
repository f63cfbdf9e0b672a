import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@fieldpay/db/client";
import type { Role } from "@fieldpay/db/schema";
import type { SecretBox } from "@fieldpay/db/secret-box";
import type { Logger } from "pino";
import { clientAddress, type TrustedProxies } from "./auth/client-address.ts";
import { clearedSessionCookie, parseCookies, SESSION_COOKIE, sessionCookie } from "./auth/cookies.ts";
import { validateSessionToken } from "./auth/session.ts";
import type { StrategyCache } from "./business-stripe/strategy-cache.ts";

/** What the api is built from; made once at start-up (main.ts) or per test. */
export interface ApiDeps {
  db: Db;
  stripeApiBase: string | undefined;
  /** Origins whose pages may call mutations (CSRF). */
  allowedOrigins: readonly string[];
  /** Whether cookies get the Secure attribute (https deployments). */
  secureCookies: boolean;
  /** Reverse proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES); unset: the peer is the client. */
  trustedProxies?: TrustedProxies;
  /** Seals and opens Stripe secrets at rest. */
  secretBox: SecretBox;
  /** Where Stripe reaches the worker, for the webhook URLs shown to admins. */
  webhookBaseUrl: string;
  /** Each business's built Stripe strategy, reused while its settings row is unchanged (payments/strategy-cache.ts). */
  strategies: StrategyCache;
  /** The api's logger (@fieldpay/payments/log); in a request's context, a child carrying the request id. */
  log: Logger;
}

export interface Auth {
  sessionId: string;
  user: { id: string; role: Role; email: string; name: string };
  tenant: { id: string; slug: string; name: string };
}

export interface RequestMeta {
  ip: string;
  origin: string | null;
  secFetchSite: string | null;
}

/** Where procedures put the session cookie; HTTP writes headers, tests read what was set. */
export interface SessionCookies {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context extends ApiDeps {
  auth: Auth | null;
  /** Null for in-process calls (tests, scripts): no browser, so no CSRF to check. */
  request: RequestMeta | null;
  cookies: SessionCookies;
}

export function createInnerContext(
  deps: ApiDeps,
  extra: { auth?: Auth | null; request?: RequestMeta | null; cookies?: SessionCookies } = {},
): Context {
  return {
    ...deps,
    auth: extra.auth ?? null,
    request: extra.request ?? null,
    cookies: extra.cookies ?? { set: () => {}, clear: () => {} },
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

export async function createHttpContext(
  deps: ApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Context> {
  const cookies: SessionCookies = {
    set: (token, expiresAt) =>
      res.appendHeader("set-cookie", sessionCookie(token, expiresAt, deps.secureCookies)),
    clear: () => res.appendHeader("set-cookie", clearedSessionCookie(deps.secureCookies)),
  };
  const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
  let auth: Auth | null = null;
  if (token) {
    const valid = await validateSessionToken(deps.db, token);
    if (valid) {
      auth = { sessionId: valid.session.id, user: valid.user, tenant: valid.tenant };
      if (valid.renewedUntil) cookies.set(token, valid.renewedUntil);
    } else {
      cookies.clear();
    }
  }
  const request = {
    ip: clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], deps.trustedProxies),
    origin: header(req, "origin"),
    secFetchSite: header(req, "sec-fetch-site"),
  };
  return createInnerContext(deps, { auth, request, cookies });
}
