import { createBrowserRouter, Navigate } from "react-router";
import { AccountPage } from "./app/account-page.tsx";
import { AppLayout } from "./app/app-layout.tsx";
import { CustomersPage } from "./app/customers-page.tsx";
import { OverviewPage } from "./app/overview-page.tsx";
import { SignInPage } from "./auth/sign-in-page.tsx";
import { SignUpPage } from "./auth/sign-up-page.tsx";
import { BookingDetailPage } from "./bookings/booking-detail-page.tsx";
import { BookingsPage } from "./bookings/bookings-page.tsx";
import { ServicesPage } from "./bookings/services-page.tsx";
import { AcceptInvitationPage } from "./connect/accept-invitation-page.tsx";
import { FieldworkerDetailPage } from "./connect/fieldworker-detail-page.tsx";
import { FieldworkersPage } from "./connect/fieldworkers-page.tsx";
import { MyEarningsPage } from "./connect/my-earnings-page.tsx";
import { MyStripePage } from "./connect/my-stripe-page.tsx";
import { OutboxPage } from "./connect/outbox-page.tsx";
import { StripeRefreshPage, StripeReturnPage } from "./connect/stripe-return-pages.tsx";
import { HealthPage } from "./ops/health-page.tsx";
import { PayoutAlertsPage } from "./ops/payout-alerts-page.tsx";
import { StatusPage } from "./pages/status-page.tsx";
import { CustomerSignInPage, CustomerSignUpPage } from "./portal/customer-auth-pages.tsx";
import { MyBookingsPage } from "./portal/my-bookings-page.tsx";
import { PayPage } from "./portal/pay-page.tsx";
import { PortalHomePage } from "./portal/portal-home-page.tsx";
import { PortalLayout } from "./portal/portal-layout.tsx";
import { ReceiptPage } from "./portal/receipt-page.tsx";
import { SavedCardsPage } from "./portal/saved-cards-page.tsx";
import { PaymentSettingsPage } from "./settings/payment-settings-page.tsx";

export function createRoutes() {
  return createBrowserRouter([
    { path: "/", element: <Navigate to="/app" replace /> },
    { path: "/status", element: <StatusPage /> },
    { path: "/sign-in", element: <SignInPage /> },
    { path: "/sign-up", element: <SignUpPage /> },
    { path: "/invite/:token", element: <AcceptInvitationPage /> },
    {
      path: "/app",
      element: <AppLayout />,
      children: [
        { index: true, element: <OverviewPage /> },
        { path: "customers", element: <CustomersPage /> },
        { path: "bookings", element: <BookingsPage /> },
        { path: "bookings/:bookingId", element: <BookingDetailPage /> },
        { path: "services", element: <ServicesPage /> },
        { path: "settings/payments", element: <PaymentSettingsPage /> },
        { path: "health", element: <HealthPage /> },
        { path: "payouts", element: <PayoutAlertsPage /> },
        { path: "account", element: <AccountPage /> },
        { path: "fieldworkers", element: <FieldworkersPage /> },
        { path: "fieldworkers/:fieldworkerId", element: <FieldworkerDetailPage /> },
        { path: "outbox", element: <OutboxPage /> },
        { path: "stripe", element: <MyStripePage /> },
        { path: "stripe/refresh", element: <StripeRefreshPage /> },
        { path: "stripe/return", element: <StripeReturnPage /> },
        { path: "earnings", element: <MyEarningsPage /> },
      ],
    },
    {
      path: "/book/:tenantSlug",
      element: <PortalLayout />,
      children: [
        { index: true, element: <PortalHomePage /> },
        { path: "sign-in", element: <CustomerSignInPage /> },
        { path: "sign-up", element: <CustomerSignUpPage /> },
        { path: "bookings", element: <MyBookingsPage /> },
        { path: "bookings/:bookingId", element: <ReceiptPage /> },
        { path: "bookings/:bookingId/pay", element: <PayPage /> },
        { path: "cards", element: <SavedCardsPage /> },
      ],
    },
    {
      path: "*",
      element: (
        <p className="page">
          This page does not exist. <a href="/app">Go to fieldpay</a>
        </p>
      ),
    },
  ]);
}
