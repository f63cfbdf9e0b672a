// One valid set of props per template, for tests (rendering, delivery) and to read what each template takes.
import type { EmailName } from "./render.tsx";

export const EXAMPLE_ORIGIN = "https://app.fieldpay.test";

export const EXAMPLE_PROPS: Record<EmailName, Record<string, unknown>> = {
  invitation: { name: "Fern Field", link: `${EXAMPLE_ORIGIN}/invite/${"x".repeat(43)}`, connect: true },
  password_reset: { name: "Casey Customer", link: `${EXAMPLE_ORIGIN}/reset-password/${"y".repeat(43)}` },
  receipt: {
    customerName: "Casey Customer",
    serviceName: "Deep clean",
    amount: 9000,
    currency: "usd",
    lines: [
      { kind: "charge", purpose: "deposit", amount: 3000 },
      { kind: "charge", purpose: "balance", amount: 9000 },
    ],
    link: `${EXAMPLE_ORIGIN}/book/bright/bookings/b1`,
  },
  refund_made: {
    customerName: "Casey Customer",
    serviceName: "Deep clean",
    amount: 2500,
    currency: "usd",
    link: `${EXAMPLE_ORIGIN}/book/bright/bookings/b1`,
  },
  payment_needs_attention: {
    customerName: "Casey Customer",
    amount: 9000,
    currency: "usd",
    why: "Your bank asked you to confirm this payment, so we could not take it without you.",
    link: `${EXAMPLE_ORIGIN}/book/bright/bookings/b1/pay`,
  },
  payout_sent: {
    name: "Sam Rivera",
    amount: 12000,
    currency: "usd",
    arrivalDate: "2026-12-04T00:00:00.000Z",
    link: `${EXAMPLE_ORIGIN}/app/earnings`,
  },
  payout_failed: {
    name: "Sam Rivera",
    amount: 12000,
    currency: "usd",
    reason: "the bank account was closed.",
    fix: "Add a bank account that is open in your Stripe dashboard.",
    link: `${EXAMPLE_ORIGIN}/app/earnings`,
  },
  payout_late: {
    name: "Sam Rivera",
    amount: 12000,
    currency: "usd",
    expectedDate: "2026-12-01T00:00:00.000Z",
    fix: "Banks can take up to 2 more business days; if it has not arrived by then, ask your bank for the trace number.",
    link: `${EXAMPLE_ORIGIN}/app/earnings`,
  },
  onboarding_incomplete: {
    name: "Sam Rivera",
    missing: ["Your date of birth", "A bank account for payouts"],
    link: `${EXAMPLE_ORIGIN}/app/payouts-setup`,
  },
  dispute_opened: {
    amount: 9000,
    currency: "usd",
    reason: "The customer says they did not authorize the payment.",
    customerName: "Casey Customer",
    dueBy: "2026-12-12T23:59:59.000Z",
    link: `${EXAMPLE_ORIGIN}/app/disputes/dp_1`,
  },
  payout_failures: {
    recipientName: "Sam Rivera",
    amount: 12000,
    currency: "usd",
    reason: "the bank account was closed.",
    fix: "Ask Sam to add an open bank account in their Stripe dashboard.",
    link: `${EXAMPLE_ORIGIN}/app/payouts`,
  },
  health_failing: {
    title: "Webhooks are not arriving",
    explanation: "No event from Stripe reached fieldpay in the last 24 hours.",
    fix: "Check the endpoint URL and signing secret in Settings > Payment integration.",
    link: `${EXAMPLE_ORIGIN}/app/health`,
  },
};
