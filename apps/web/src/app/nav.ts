// What each role sees in the app's navigation. Later features add their pages here.
export interface NavItem {
  href: string;
  label: string;
}

export const OUTBOX_HREF = "/app/outbox";

export const navByRole: Record<"admin" | "fieldworker", NavItem[]> = {
  admin: [
    { href: "/app", label: "Overview" },
    { href: "/app/customers", label: "Customers" },
    { href: "/app/bookings", label: "Bookings" },
    { href: "/app/disputes", label: "Disputes" },
    { href: "/app/services", label: "Services" },
    { href: "/app/fieldworkers", label: "Fieldworkers" },
    { href: OUTBOX_HREF, label: "Outbox (dev)" },
    { href: "/app/settings/payments", label: "Payment integration" },
    { href: "/app/payouts", label: "Payouts & alerts" },
    { href: "/app/health", label: "Health" },
    { href: "/app/account", label: "Account" },
  ],
  fieldworker: [
    { href: "/app", label: "Overview" },
    { href: "/app/jobs", label: "Jobs" },
    { href: "/app/stripe", label: "My Stripe account" },
    { href: "/app/earnings", label: "Earnings and payouts" },
    { href: "/app/account", label: "Account" },
  ],
};
