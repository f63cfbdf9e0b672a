import type { Role } from "@fieldpay/db/schema";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { isTrustedMutation } from "./auth/csrf.ts";
import type { Auth, Context } from "./context.ts";
import { DomainError, type DomainErrorCode } from "./errors.ts";
import { applyReadableZodMessages, fieldErrorsOf, zodMessage } from "./input-errors.ts";

applyReadableZodMessages();

const trpcCode = {
  invalid_credentials: "UNAUTHORIZED",
  unauthenticated: "UNAUTHORIZED",
  rate_limited: "TOO_MANY_REQUESTS",
  conflict: "CONFLICT",
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  invalid_input: "BAD_REQUEST",
  unavailable: "SERVICE_UNAVAILABLE",
} as const satisfies Record<DomainErrorCode, TRPCError["code"]>;

const GENERIC_FAILURE =
  "Something went wrong on our side. Try again; if it keeps happening, contact support.";

// tRPC's own answers to a request it could not read or route quote what was sent (`Unexpected token 's',
// "sk_test_AA"... is not valid JSON`, `No procedure found on path "…"`): a secret pasted into the wrong place would
// come straight back. These fixed texts replace them; errors of our own (domain, input validation) keep theirs.
const UNREADABLE = "The request could not be read.";
const REQUEST_FAILURES: Partial<Record<TRPCError["code"], string>> = {
  PARSE_ERROR: UNREADABLE,
  BAD_REQUEST: UNREADABLE,
  UNSUPPORTED_MEDIA_TYPE: UNREADABLE,
  NOT_FOUND: "There is no such operation.",
  METHOD_NOT_SUPPORTED: "This operation cannot be asked for this way.",
};

function publicMessage(error: TRPCError, message: string): string {
  if (error.code === "INTERNAL_SERVER_ERROR") return GENERIC_FAILURE;
  if (error.cause instanceof DomainError || error.cause instanceof ZodError) return message;
  return REQUEST_FAILURES[error.code] ?? message;
}

// isDev false: never a stack trace in a response. Internal errors get a generic message; the log has the detail.
const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const message = publicMessage(error, shape.message);
    const fix = cause instanceof DomainError ? (cause.fix ?? null) : null;
    const fieldErrors = fieldErrorsOf(cause);
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fix, fieldErrors },
    };
  },
});

/** Maps domain errors and input validation errors to tRPC errors with readable messages, in one place. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError)
    throw new TRPCError({ code: trpcCode[cause.code], message: cause.message, cause });
  if (cause instanceof ZodError)
    throw new TRPCError({ code: "BAD_REQUEST", message: zodMessage(cause), cause });
  return result;
});

const csrf = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && ctx.request && !isTrustedMutation(ctx.request, ctx.allowedOrigins)) {
    throw new TRPCError({
      code: "FORBIDDEN",
      message:
        "This request did not come from a fieldpay page, so it was refused (cross-site request protection).",
    });
  }
  return next();
});

const requireAuth = t.middleware(({ ctx, next }) => {
  if (!ctx.auth) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return next({ ctx: { ...ctx, auth: ctx.auth satisfies Auth } });
});

export const router = t.router;
export const publicProcedure = t.procedure.use(domainErrors).use(csrf);
export const authedProcedure = publicProcedure.use(requireAuth);
export const roleProcedure = (...roles: Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.auth.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your account does not have access to this." });
    }
    return next();
  });
export const createCallerFactory = t.createCallerFactory;
