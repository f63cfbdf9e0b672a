import { alertsRouter } from "./routers/alerts.ts";
import { authRouter } from "./routers/auth/index.ts";
import { bookingsRouter } from "./routers/bookings/index.ts";
import { disputesRouter } from "./routers/disputes/index.ts";
import { emailDeliveriesRouter } from "./routers/email-deliveries.ts";
import { emailPreferencesRouter } from "./routers/email-preferences.ts";
import { fieldworkersRouter } from "./routers/fieldworkers/index.ts";
import { healthReportsRouter } from "./routers/health-reports.ts";
import { overviewRouter } from "./routers/overview.ts";
import { paymentSettingsRouter } from "./routers/payment-settings.ts";
import { peopleRouter } from "./routers/people.ts";
import { portalRouter } from "./routers/portal.ts";
import { savedCardsRouter } from "./routers/saved-cards/index.ts";
import { servicesRouter } from "./routers/services/index.ts";
import { systemRouter } from "./routers/system.ts";
import { router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  bookings: bookingsRouter,
  disputes: disputesRouter,
  fieldworkers: fieldworkersRouter,
  savedCards: savedCardsRouter,
  services: servicesRouter,
  paymentSettings: paymentSettingsRouter,
  people: peopleRouter,
  portal: portalRouter,
  system: systemRouter,
  alerts: alertsRouter,
  healthReports: healthReportsRouter,
  overview: overviewRouter,
  emailPreferences: emailPreferencesRouter,
  emailDeliveries: emailDeliveriesRouter,
});

export type AppRouter = typeof appRouter;
