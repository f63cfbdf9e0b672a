import { initTRPC } from "@trpc/server";
import type { Context } from "./context.ts";

// isDev false: tRPC then never puts stack traces into responses.
const t = initTRPC.context<Context>().create({ isDev: false });

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
