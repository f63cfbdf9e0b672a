import type { AppRouter } from "@fieldpay/api/router";
import type { inferRouterOutputs } from "@trpc/server";

type Out = inferRouterOutputs<AppRouter>["fieldworkers"];
export type AccountStatusView = Out["myAccount"];
export type Earnings = Out["myEarnings"];
export type FieldworkerRow = Out["list"][number];
export type Period = "week" | "month";
