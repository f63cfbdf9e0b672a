import Stripe from "stripe";
import { dayWords } from "./day-words.ts";
import type { KeyMode } from "./keys.ts";
import {
  describeDisabledReason,
  describeRequirements,
  type PlainRequirement,
  whatToProvide,
} from "./requirements.ts";

export type CheckStatus = "pass" | "warn" | "fail";

export interface HealthCheck {
  id: string;
  title: string;
  status: CheckStatus;
  explanation: string;
  fix: string;
}

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };
const WAIT = "Wait for Stripe: verification usually takes from a few minutes to 2 business days.";
const SET_UP = "Ensure your Stripe account is fully set up, verified, and not restricted.";
export const KEYS_PAGE = "Settings > Financial Settings > Payment integration";

export interface CheckFinding {
  status: CheckStatus;
  text: string;
  fix?: string;
}

/**
 * One check from its findings (false entries are skipped): the worst status wins, the explanation lists every finding, the fix joins the
 * distinct fixes of the ones that are not passing (after `prefix`).
 */
export function buildCheck(
  id: string,
  title: string,
  candidates: readonly (CheckFinding | false)[],
  passText: string,
  prefix = "",
): HealthCheck {
  const findings = candidates.filter((f) => f !== false);
  const status = findings.reduce<CheckStatus>(
    (acc, f) => (RANK[f.status] > RANK[acc] ? f.status : acc),
    "pass",
  );
  const fixes = [...new Set(findings.filter((f) => f.status !== "pass" && f.fix).map((f) => f.fix))];
  const explanation = [status === "pass" ? passText : "", ...findings.map((f) => f.text)]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    title,
    status,
    explanation,
    fix: status === "pass" ? "Nothing to do." : [prefix, ...fixes].join(" ").trim(),
  };
}

function isoDay(unixSeconds: number): string {
  return dayWords(new Date(unixSeconds * 1000));
}

function labels(items: readonly PlainRequirement[]): string {
  return items.map((item) => item.label).join("; ");
}

export type ReadinessAccount = Pick<
  Stripe.Account,
  "charges_enabled" | "payouts_enabled" | "details_submitted" | "requirements"
>;

const FINISH = "Finish Stripe onboarding (the Stripe setup link in fieldpay).";

/** Can this account take card payments and be paid out, and does Stripe want anything from it (and by when)? */
export function checkAccountReadiness(account: ReadinessAccount): HealthCheck {
  const req = account.requirements;
  const reason = req?.disabled_reason ? describeDisabledReason(req.disabled_reason) : null;
  const pastDue = describeRequirements(req?.past_due);
  const due = describeRequirements(req?.currently_due?.filter((name) => !req.past_due?.includes(name)));
  const checking = describeRequirements(req?.pending_verification);
  const later = describeRequirements(
    req?.eventually_due?.filter((name) => !req.currently_due?.includes(name)),
  );
  const by = req?.current_deadline ? ` by ${isoDay(req.current_deadline)}` : "";
  const findings: (CheckFinding | false)[] = [
    reason !== null && { status: "fail", text: `${reason.title}: ${reason.explanation}`, fix: reason.fix },
    !account.details_submitted && { status: "fail", text: "Stripe onboarding is not finished.", fix: FINISH },
    !account.charges_enabled && { status: "fail", text: "Card payments are turned off on this account." },
    !account.payouts_enabled && { status: "fail", text: "Payouts to the bank are turned off." },
    pastDue.length > 0 && {
      status: "fail",
      text: `Overdue: ${labels(pastDue)}.`,
      fix: whatToProvide(pastDue),
    },
    due.length > 0 && { status: "warn", text: `Stripe needs${by}: ${labels(due)}.`, fix: whatToProvide(due) },
    checking.length > 0 && {
      status: "warn",
      text: `Stripe is still verifying: ${labels(checking)}.`,
      fix: WAIT,
    },
    later.length > 0 && { status: "pass", text: `Stripe will ask later for: ${labels(later)}.` },
  ];
  const passText = "Card payments and payouts are on and Stripe needs nothing right now.";
  return buildCheck("account_readiness", "Stripe account set up and verified", findings, passText, SET_UP);
}

export type CapabilityName = keyof Stripe.Account.Capabilities;

const CAPABILITY_NAMES: Partial<Record<CapabilityName, string>> = {
  card_payments: "Card payments",
  transfers: "Receiving transfers from the business",
};

/** Each required capability must be active; pending means Stripe is still reviewing it. */
export function checkCapabilities(
  account: Pick<Stripe.Account, "capabilities">,
  required: readonly CapabilityName[] = ["card_payments"],
): HealthCheck {
  const findings = required.map((name): CheckFinding => {
    const state = account.capabilities?.[name];
    const label = CAPABILITY_NAMES[name] ?? name.replaceAll("_", " ");
    if (state === "active") return { status: "pass", text: "" };
    if (state === "pending") {
      return {
        status: "warn",
        text: `${label}: Stripe is still reviewing this.`,
        fix: WAIT,
      };
    }
    return {
      status: "fail",
      text: `${label}: ${state === undefined ? "not requested" : "inactive"}.`,
      fix: "Finish Stripe onboarding; Stripe turns capabilities on once the account is verified.",
    };
  });
  return buildCheck("capabilities", "Stripe capabilities", findings, "Everything needed is active.", SET_UP);
}

export type ConnectProbe =
  | { ok: true }
  | {
      ok: false;
      problem: "connect_not_enabled" | "key_rejected" | "unreachable" | "other";
      statusCode?: number;
    };

/** Sorts a Stripe error from the Connect probe; raw messages stay out because they can quote part of the key. */
export function classifyConnectError(error: unknown): ConnectProbe {
  const E = Stripe.errors;
  const statusCode = error instanceof E.StripeError ? error.statusCode : undefined;
  const code = statusCode === undefined ? {} : { statusCode };
  if (error instanceof E.StripeAuthenticationError) return { ok: false, problem: "key_rejected", ...code };
  if (error instanceof E.StripeConnectionError) return { ok: false, problem: "unreachable", ...code };
  const aboutConnect = error instanceof E.StripeError && /connect/i.test(error.message);
  if (
    (error instanceof E.StripePermissionError || error instanceof E.StripeInvalidRequestError) &&
    aboutConnect
  ) {
    return { ok: false, problem: "connect_not_enabled", ...code };
  }
  return { ok: false, problem: "other", ...code };
}

/** Lists one connected account: only Connect platforms may, so this tells whether Connect is turned on. */
export async function probeConnect(stripe: Stripe): Promise<ConnectProbe> {
  try {
    await stripe.accounts.list({ limit: 1 });
    return { ok: true };
  } catch (error) {
    return classifyConnectError(error);
  }
}

/** Connect must be turned on in Stripe when the business pays fieldworkers through it. */
export function checkConnectEnabled(input: { usesConnect: boolean; probe: ConnectProbe }): HealthCheck {
  const id = "connect_enabled";
  if (!input.usesConnect) {
    // Not "Stripe Connect turned on: Passed": nothing is turned on, and nothing needs to be.
    const direct = "Payments taken directly (Stripe Connect not needed)";
    return buildCheck(id, direct, [], "This business takes payments directly, so Connect is not needed.");
  }
  const title = "Stripe Connect turned on";
  const { probe } = input;
  if (probe.ok) return buildCheck(id, title, [], "Stripe accepts Connect requests with these keys.");
  const findings: Record<typeof probe.problem, CheckFinding> = {
    connect_not_enabled: {
      status: "fail",
      text: "Stripe refuses Connect requests: Connect is not set up on this Stripe account.",
      fix: "In the Stripe dashboard, open Connect settings and complete the platform setup, then run this check again.",
    },
    key_rejected: {
      status: "fail",
      text: "Stripe rejected the Secret key.",
      fix: `Copy the Secret key from Stripe (Developers > API keys) and save it again under ${KEYS_PAGE}.`,
    },
    unreachable: {
      status: "warn",
      text: "Stripe could not be reached, so Connect could not be checked.",
      fix: "Run this check again in a few minutes; if it keeps failing, check the server's internet access.",
    },
    other: {
      status: "warn",
      text: `Stripe answered the Connect check with an unexpected error${probe.statusCode ? ` (HTTP ${probe.statusCode})` : ""}.`,
      fix: "Run this check again; if it keeps failing, check the Stripe dashboard for account notices.",
    },
  };
  return buildCheck(id, title, [findings[probe.problem]], "");
}

export interface KeyModeInput {
  secretKeyMode: KeyMode;
  publishableKeyMode: KeyMode;
  /** livemode of the latest webhook event received, if any. */
  lastEventLivemode?: boolean | null;
  /** True for a business taking real payments: test keys then deserve a warning. */
  expectLive?: boolean;
}

/** Both keys and the incoming events must all be test or all be live. */
export function checkKeyMode(input: KeyModeInput): HealthCheck {
  const { secretKeyMode: mode, publishableKeyMode } = input;
  const sameMode = `Copy both keys from the same mode in Stripe (Developers > API keys) and save them under ${KEYS_PAGE}.`;
  const eventMode = input.lastEventLivemode == null ? null : input.lastEventLivemode ? "live" : "test";
  const findings: (CheckFinding | false)[] = [
    mode !== publishableKeyMode && {
      status: "fail",
      text: `The Secret key is a ${mode} key but the Publishable key is a ${publishableKeyMode} key; card forms will fail.`,
      fix: sameMode,
    },
    eventMode !== null &&
      eventMode !== mode && {
        status: "fail",
        text: `Stripe sends ${eventMode}-mode events but the keys are ${mode} keys.`,
        fix: `Create the webhook endpoint in ${mode} mode in Stripe and save its signing secret under ${KEYS_PAGE}.`,
      },
    input.expectLive === true &&
      mode === "test" && {
        status: "warn",
        text: "Test keys are saved: no real payments are taken.",
        fix: sameMode,
      },
  ];
  return buildCheck("key_mode", "Stripe keys in one mode", findings, `Keys are ${mode}-mode keys.`);
}
