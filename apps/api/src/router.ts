import { authRouter } from "./routers/auth/index.ts";
import { peopleRouter } from "./routers/people.ts";
import { portalRouter } from "./routers/portal.ts";
import { systemRouter } from "./routers/system.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  people: peopleRouter,
  portal: portalRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;
