import type { ComponentType } from "react";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { ErrorPage, InLayoutErrorPage } from "./pages/error-page.tsx";
import { AppNotFoundPage, NotFoundPage, PortalNotFoundPage } from "./pages/not-found-page.tsx";

// Every page is its own chunk, loaded when its route is first visited: a customer opening the booking portal
// downloads none of the admin app, and Stripe's React libraries come only with the payment pages.
const page =
  <M,>(load: () => Promise<M>, pick: (module: M) => ComponentType) =>
  async () => ({ Component: pick(await load()) });

/**
 * A layout's pages, under an error boundary that keeps the layout standing when one of them breaks, and with the
 * layout's own "page not found" for addresses it has no page for. (The error pages are not lazy: they must show
 * even when a page's code fails to download.)
 */
const inLayout = (pages: RouteObject[], notFound: ComponentType): RouteObject[] => [
  { errorElement: <InLayoutErrorPage />, children: [...pages, { path: "*", Component: notFound }] },
];

export function createRoutes() {
  return createBrowserRouter([{ errorElement: <ErrorPage />, children: routes() }]);
}

function routes(): RouteObject[] {
  return [
    { path: "/", element: <Navigate to="/app" replace /> },
    {
      path: "/status",
      lazy: page(
        () => import("./pages/status-page.tsx"),
        (m) => m.StatusPage,
      ),
    },
    {
      path: "/sign-in",
      lazy: page(
        () => import("./auth/sign-in-page.tsx"),
        (m) => m.SignInPage,
      ),
    },
    {
      path: "/sign-up",
      lazy: page(
        () => import("./auth/sign-up-page.tsx"),
        (m) => m.SignUpPage,
      ),
    },
    {
      path: "/forgot-password",
      lazy: page(
        () => import("./auth/forgot-password-page.tsx"),
        (m) => m.ForgotPasswordPage,
      ),
    },
    {
      path: "/reset-password/:token",
      lazy: page(
        () => import("./auth/reset-password-page.tsx"),
        (m) => m.ResetPasswordPage,
      ),
    },
    {
      path: "/invite/:token",
      lazy: page(
        () => import("./connect/accept-invitation-page.tsx"),
        (m) => m.AcceptInvitationPage,
      ),
    },
    {
      path: "/app",
      lazy: page(
        () => import("./app/app-layout.tsx"),
        (m) => m.AppLayout,
      ),
      children: inLayout(
        [
          {
            index: true,
            lazy: page(
              () => import("./app/overview-page.tsx"),
              (m) => m.OverviewPage,
            ),
          },
          {
            path: "customers",
            lazy: page(
              () => import("./app/customers-page.tsx"),
              (m) => m.CustomersPage,
            ),
          },
          {
            path: "bookings",
            lazy: page(
              () => import("./bookings/bookings-page.tsx"),
              (m) => m.BookingsPage,
            ),
          },
          {
            path: "bookings/:bookingId",
            lazy: page(
              () => import("./bookings/booking-detail-page.tsx"),
              (m) => m.BookingDetailPage,
            ),
          },
          {
            path: "services",
            lazy: page(
              () => import("./bookings/services-page.tsx"),
              (m) => m.ServicesPage,
            ),
          },
          {
            path: "settings/payments",
            lazy: page(
              () => import("./settings/payment-settings-page.tsx"),
              (m) => m.PaymentSettingsPage,
            ),
          },
          {
            path: "health",
            lazy: page(
              () => import("./ops/health-page.tsx"),
              (m) => m.HealthPage,
            ),
          },
          {
            path: "disputes",
            lazy: page(
              () => import("./disputes/disputes-page.tsx"),
              (m) => m.DisputesPage,
            ),
          },
          {
            path: "disputes/:disputeId",
            lazy: page(
              () => import("./disputes/dispute-page.tsx"),
              (m) => m.DisputePage,
            ),
          },
          {
            path: "payouts",
            lazy: page(
              () => import("./ops/payout-alerts-page.tsx"),
              (m) => m.PayoutAlertsPage,
            ),
          },
          {
            path: "account",
            lazy: page(
              () => import("./app/account-page.tsx"),
              (m) => m.AccountPage,
            ),
          },
          {
            path: "fieldworkers",
            lazy: page(
              () => import("./connect/fieldworkers-page.tsx"),
              (m) => m.FieldworkersPage,
            ),
          },
          {
            path: "fieldworkers/:fieldworkerId",
            lazy: page(
              () => import("./connect/fieldworker-detail-page.tsx"),
              (m) => m.FieldworkerDetailPage,
            ),
          },
          {
            path: "outbox",
            lazy: page(
              () => import("./connect/outbox-page.tsx"),
              (m) => m.OutboxPage,
            ),
          },
          {
            path: "stripe",
            lazy: page(
              () => import("./connect/my-stripe-page.tsx"),
              (m) => m.MyStripePage,
            ),
          },
          {
            path: "stripe/refresh",
            lazy: page(
              () => import("./connect/stripe-return-pages.tsx"),
              (m) => m.StripeRefreshPage,
            ),
          },
          {
            path: "stripe/return",
            lazy: page(
              () => import("./connect/stripe-return-pages.tsx"),
              (m) => m.StripeReturnPage,
            ),
          },
          {
            path: "jobs",
            lazy: page(
              () => import("./bookings/my-jobs-page.tsx"),
              (m) => m.MyJobsPage,
            ),
          },
          {
            path: "earnings",
            lazy: page(
              () => import("./connect/my-earnings-page.tsx"),
              (m) => m.MyEarningsPage,
            ),
          },
        ],
        AppNotFoundPage,
      ),
    },
    {
      path: "/book/:tenantSlug",
      lazy: page(
        () => import("./portal/portal-layout.tsx"),
        (m) => m.PortalLayout,
      ),
      children: inLayout(
        [
          {
            index: true,
            lazy: page(
              () => import("./portal/portal-home-page.tsx"),
              (m) => m.PortalHomePage,
            ),
          },
          {
            path: "sign-in",
            lazy: page(
              () => import("./portal/customer-auth-pages.tsx"),
              (m) => m.CustomerSignInPage,
            ),
          },
          {
            path: "sign-up",
            lazy: page(
              () => import("./portal/customer-auth-pages.tsx"),
              (m) => m.CustomerSignUpPage,
            ),
          },
          {
            path: "forgot-password",
            lazy: page(
              () => import("./portal/customer-auth-pages.tsx"),
              (m) => m.CustomerForgotPasswordPage,
            ),
          },
          {
            path: "bookings",
            lazy: page(
              () => import("./portal/my-bookings-page.tsx"),
              (m) => m.MyBookingsPage,
            ),
          },
          {
            path: "bookings/:bookingId",
            lazy: page(
              () => import("./portal/receipt-page.tsx"),
              (m) => m.ReceiptPage,
            ),
          },
          {
            path: "bookings/:bookingId/pay",
            lazy: page(
              () => import("./portal/pay-page.tsx"),
              (m) => m.PayPage,
            ),
          },
          {
            path: "cards",
            lazy: page(
              () => import("./portal/saved-cards-page.tsx"),
              (m) => m.SavedCardsPage,
            ),
          },
        ],
        PortalNotFoundPage,
      ),
    },
    { path: "*", Component: NotFoundPage },
  ];
}
