// The fieldworker's way to being paid, in three steps: a password (done once they are signed in), their Stripe
// account set up on Stripe's pages, and Stripe ready to pay them (card payments and payouts on).
import type { AccountStatusView } from "./types.ts";

export type Step = { label: string; done: boolean; detail: string };

/** The steps before the fieldworker has an account: the invitation's page. */
export const BEFORE_ACCOUNT: readonly Step[] = [
  { label: "Choose a password", done: false, detail: "On this page." },
  { label: "Set up Stripe", done: false, detail: "On Stripe's secure pages, right after." },
  { label: "Ready to be paid", done: false, detail: "Once Stripe has checked your details." },
];

export function setupSteps(account: AccountStatusView): Step[] {
  const detailsGiven = account.connected && account.status !== "onboarding_incomplete";
  const ready = account.status === "active" && account.chargesEnabled && account.payoutsEnabled;
  return [
    { label: "Password set", done: true, detail: "You can sign in." },
    {
      label: "Stripe account set up",
      done: detailsGiven,
      detail: detailsGiven ? "Stripe has your details." : "Give Stripe your details on its secure pages.",
    },
    {
      label: "Ready to be paid",
      done: ready,
      detail: ready
        ? "Stripe can pay your share of each job to your bank."
        : "Stripe turns on payments and payouts once it has checked your details.",
    },
  ];
}

export function SetupProgress({ account }: { account: AccountStatusView }) {
  return <ProgressSteps steps={setupSteps(account)} />;
}

export function ProgressSteps({ steps }: { steps: readonly Step[] }) {
  const current = steps.findIndex((s) => !s.done);
  return (
    <ol className="setup-progress" aria-label="Your progress">
      {steps.map((step, i) => (
        <li
          key={step.label}
          className={step.done ? "step-done" : i === current ? "step-current" : "step-todo"}
          aria-current={i === current ? "step" : undefined}
        >
          <span className="step-mark" aria-hidden="true">
            {step.done ? "✓" : i + 1}
          </span>
          <span>
            <strong>{step.label}</strong>
            <span className="visually-hidden">{step.done ? " (done)" : " (to do)"}</span>
            <span className="block muted">{step.detail}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
