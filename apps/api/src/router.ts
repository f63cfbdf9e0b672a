import { authRouter } from "./routers/auth/index.ts";
import { paymentSettingsRouter } from "./routers/payment-settings.ts";
import { peopleRouter } from "./routers/people.ts";
import { portalRouter } from "./routers/portal.ts";
import { systemRouter } from "./routers/system.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  paymentSettings: paymentSettingsRouter,
  people: peopleRouter,
  portal: portalRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
