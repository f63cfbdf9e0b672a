// Test helpers for the api: real database, real stripe-mock, createCaller in process and real HTTP.
import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Db } from "@fieldpay/db/client";
import { createSecretBox } from "@fieldpay/db/secret-box";
import { quietLog } from "@fieldpay/payments/testing/log-capture";
import { TRPCError } from "@trpc/server";
import { inject } from "vitest";
import { signUpBusiness, signUpCustomer } from "../auth/accounts.ts";
import { validateSessionToken } from "../auth/session.ts";
import { createStrategyCache } from "../business-stripe/strategy-cache.ts";
import { type ApiDeps, type Auth, createInnerContext, type RequestMeta } from "../context.ts";
import { appRouter } from "../router.ts";
import { createApiServer } from "../server.ts";
import { createCallerFactory } from "../trpc.ts";

export const TEST_ORIGIN = "http://localhost:5173";
const TEST_ENCRYPTION_KEY = randomBytes(32);
const createCaller = createCallerFactory(appRouter);

export function testDeps(db: Db): ApiDeps {
  return {
    db,
    stripeApiBase: inject("stripeApiBase"),
    allowedOrigins: [TEST_ORIGIN],
    secureCookies: false,
    secretBox: createSecretBox({ 1: TEST_ENCRYPTION_KEY }, 1),
    webhookBaseUrl: "https://hooks.fieldpay.test",
    strategies: createStrategyCache(),
    // Tests that read the log put a captureLog() here.
    log: quietLog("api"),
  };
}

/** A caller as a signed-in user (or anonymous); `cookies.token` holds the last session token a procedure set. */
export function callerFor(deps: ApiDeps, auth: Auth | null = null, request: RequestMeta | null = null) {
  const cookies = { token: null as string | null, cleared: false };
  const ctx = createInnerContext(deps, {
    auth,
    request,
    cookies: {
      set: (token) => {
        cookies.token = token;
      },
      clear: () => {
        cookies.cleared = true;
      },
    },
  });
  return { caller: createCaller(ctx), cookies };
}

export async function authFromToken(db: Db, token: string): Promise<Auth> {
  const valid = await validateSessionToken(db, token);
  if (!valid) throw new Error("the token did not validate");
  return { sessionId: valid.session.id, user: valid.user, tenant: valid.tenant };
}

/** A new business with its admin signed in. Each call makes a distinct tenant. */
export async function newBusiness(db: Db, label = "biz") {
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const email = `admin@${slug}.test`;
  const session = await signUpBusiness(db, {
    businessName: `Business ${slug}`,
    slug,
    name: "Ada Admin",
    email,
    password: "correct horse battery",
  });
  const auth = await authFromToken(db, session.token);
  return { slug, email, password: "correct horse battery", token: session.token, auth };
}

export async function newCustomer(
  db: Db,
  tenantSlug: string,
  email = `cust-${randomUUID().slice(0, 8)}@example.com`,
) {
  const session = await signUpCustomer(db, {
    tenantSlug,
    name: "Casey Customer",
    email,
    password: "customer password 1",
  });
  return {
    email,
    password: "customer password 1",
    token: session.token,
    auth: await authFromToken(db, session.token),
  };
}

export async function listen(deps: ApiDeps) {
  const server = createApiServer(deps);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The TRPCError a call fails with (and a failed test when it does not fail). */
export async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}
