// One check per fieldworker, from the account state webhooks keep current (account.updated, capability.updated,
// deauthorizations): who can be paid, who cannot and what each one has to do.
import type { FieldworkerAccountStatus } from "@fieldpay/db/schema";
import { buildCheck, type CheckFinding, type HealthCheck } from "@fieldpay/payments/health";
import { describeDisabledReason, describeRequirements, whatToProvide } from "@fieldpay/payments/requirements";

export interface StoredFieldworker {
  user_id: string;
  name: string;
  status: FieldworkerAccountStatus;
  requirements: Record<string, unknown>;
}

const WAIT = "Wait for Stripe: verification usually takes from a few minutes to 2 business days.";

function names(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function finding(f: StoredFieldworker): CheckFinding {
  const req = f.requirements;
  const due = describeRequirements([...names(req.past_due), ...names(req.currently_due)]);
  const needs = due.length > 0 ? ` Stripe needs: ${due.map((d) => d.label).join("; ")}.` : "";
  const provide = due.length > 0 ? ` ${whatToProvide(due)}` : "";
  const ask = `Ask ${f.name} to open the Stripe setup link in fieldpay and finish onboarding.`;
  switch (f.status) {
    case "active":
      return { status: "pass", text: "" };
    case "not_connected":
      return {
        status: "warn",
        text: "No Stripe account is connected yet, so this fieldworker cannot be paid through Connect.",
        fix: `Ask ${f.name} to accept the invitation and connect or create a Stripe account.`,
      };
    case "onboarding_incomplete":
      return { status: "warn", text: `Stripe setup is not finished.${needs}`, fix: `${ask}${provide}` };
    case "pending_verification":
      return { status: "warn", text: "Stripe is verifying the details.", fix: WAIT };
    case "deauthorized":
      return {
        status: "fail",
        text: "The fieldworker disconnected their Stripe account from the business; they cannot be paid.",
        fix: `Invite ${f.name} again so they can reconnect their Stripe account.`,
      };
    case "restricted": {
      const code = typeof req.disabled_reason === "string" ? req.disabled_reason : null;
      const reason = code ? describeDisabledReason(code) : null;
      const why = reason ? ` ${reason.title}: ${reason.explanation}` : "";
      return {
        status: "fail",
        text: `Stripe has paused payments or payouts on this account.${why}${needs}`,
        fix: [ask, reason?.fix, provide.trim()].filter(Boolean).join(" "),
      };
    }
  }
}

export function fieldworkerChecks(fieldworkers: readonly StoredFieldworker[]): HealthCheck[] {
  if (fieldworkers.length === 0) {
    return [
      buildCheck(
        "fieldworkers",
        "Fieldworkers connected",
        [
          {
            status: "warn",
            text: "No fieldworker has been invited to connect a Stripe account yet, so nobody can receive a share.",
            fix: "Invite your fieldworkers so each can connect or create a Stripe account.",
          },
        ],
        "",
      ),
    ];
  }
  return fieldworkers.map((f) =>
    buildCheck(
      `fieldworker:${f.user_id}`,
      `Fieldworker: ${f.name}`,
      [finding(f)],
      "Ready for payments and payouts.",
    ),
  );
}
