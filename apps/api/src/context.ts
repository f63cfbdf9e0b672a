import type { IncomingMessage, ServerResponse } from "node:http";
import type { Db } from "@fieldpay/db/client";

/** What every procedure may use, independent of HTTP; tests build it directly around a test database. */
export interface InnerContext {
  db: Db;
  stripeApiBase: string | undefined;
}

export interface HttpContext extends InnerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

export type Context = InnerContext & Partial<Pick<HttpContext, "req" | "res">>;

export function createInnerContext(deps: InnerContext): InnerContext {
  return { db: deps.db, stripeApiBase: deps.stripeApiBase };
}

export function createHttpContext(
  deps: InnerContext,
  req: IncomingMessage,
  res: ServerResponse,
): HttpContext {
  return { ...createInnerContext(deps), req, res };
}
