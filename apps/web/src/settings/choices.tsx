// The words come from the product guide's "Choosing Between Stripe and Stripe Connect" and its FAQ.
import type { AppRouter } from "@fieldpay/api/router";
import type { inferRouterInputs } from "@trpc/server";
import type { Choice } from "./choice-group.tsx";

// The values are typed as the api accepts them (its lists come from packages/payments): one it no longer
// accepts fails the type-check here.
type SettingsInput = inferRouterInputs<AppRouter>["paymentSettings"]["update"];

export const modeChoices: Choice<SettingsInput["mode"]>[] = [
  {
    value: "direct",
    title: "Stripe: direct service payments",
    description: (
      <>
        Customers pay your business directly for a service you provide, with no third party involved. For
        example, a local cleaning company whose clients book and pay for cleaning sessions, or a therapist
        paid after each session.
      </>
    ),
  },
  {
    value: "connect",
    title: "Stripe Connect: multi-party service transactions",
    description: (
      <>
        Each payment is split between your business (your commission) and the fieldworker who did the job,
        whose share reaches their bank account, typically within 1-3 business days. For example, an on-demand
        platform connecting customers to local handymen or landscapers.
      </>
    ),
  },
];

export const accountTypeChoices: Choice<SettingsInput["connectAccountType"]>[] = [
  {
    value: "express",
    title: "Express (recommended)",
    description:
      "Stripe hosts onboarding and gives each fieldworker a light Stripe dashboard for payouts. Payments are charged on your account and their share is transferred to them.",
  },
  {
    value: "standard",
    title: "Standard",
    description:
      "Fieldworkers connect or create a full Stripe account of their own and manage it in their own dashboard. Payments are charged on their account; your commission comes to you as an application fee.",
  },
  {
    value: "custom",
    title: "Custom",
    description:
      "Fieldworkers never see Stripe: onboarding still runs on Stripe-hosted pages, but you are responsible for supporting them and for their payouts.",
  },
];
