import Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import {
  buildCheck,
  type CheckFinding,
  checkAccountReadiness,
  checkCapabilities,
  checkConnectEnabled,
  checkKeyMode,
  classifyConnectError,
  probeConnect,
  type ReadinessAccount,
} from "./health.ts";
import { createStripeClient } from "./stripe-client.ts";

const apiBase = inject("stripeApiBase");
const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase });
const GUIDE = "Ensure your Stripe account is fully set up, verified, and not restricted.";

function requirements(overrides: Partial<Stripe.Account.Requirements> = {}): Stripe.Account.Requirements {
  return {
    alternatives: [],
    current_deadline: null,
    currently_due: [],
    disabled_reason: null,
    errors: [],
    eventually_due: [],
    past_due: [],
    pending_verification: [],
    ...overrides,
  };
}

const ready: ReadinessAccount = {
  charges_enabled: true,
  payouts_enabled: true,
  details_submitted: true,
  requirements: requirements(),
};

describe("checkAccountReadiness", () => {
  it("fails stripe-mock's account (not onboarded, paused) and says what is missing in plain words", async () => {
    const account = await stripe.accounts.retrieveCurrent();
    const check = checkAccountReadiness(account);
    expect(check).toMatchObject({ id: "account_readiness", status: "fail" });
    expect(check.explanation).toContain("Information overdue");
    expect(check.explanation).toContain("Card payments are turned off");
    expect(check.explanation).toContain("Bank account for payouts");
    expect(check.explanation).not.toContain("external_account");
    expect(check.fix.startsWith(GUIDE)).toBe(true);
    expect(check.fix).toContain("provide: your business's description of the services offered;");
    expect(check.fix).toContain("acceptance of Stripe's terms");
  });

  it("passes a ready account and mentions what Stripe will ask later", () => {
    expect(checkAccountReadiness(ready)).toMatchObject({ status: "pass", fix: "Nothing to do." });
    const later = checkAccountReadiness({
      ...ready,
      requirements: requirements({ eventually_due: ["company.tax_id"] }),
    });
    expect(later.status).toBe("pass");
    expect(later.explanation).toContain("Your business's tax ID");
  });

  it("warns about information due with its deadline, and about pending verification", () => {
    const deadline = Date.parse("2026-12-15T00:00:00Z") / 1000;
    const due = checkAccountReadiness({
      ...ready,
      requirements: requirements({
        currently_due: ["individual.dob.day", "individual.dob.year"],
        current_deadline: deadline,
      }),
    });
    expect(due.status).toBe("warn");
    expect(due.explanation).toBe("Stripe needs by 15 Dec 2026: Your date of birth.");
    const verifying = checkAccountReadiness({
      ...ready,
      requirements: requirements({ pending_verification: ["individual.verification.document"] }),
    });
    expect(verifying).toMatchObject({
      status: "warn",
      explanation: "Stripe is still verifying: Your photo ID.",
    });
  });

  it("fails on payouts off, or on a rejection, with the reason's own fix", () => {
    expect(checkAccountReadiness({ ...ready, payouts_enabled: false }).status).toBe("fail");
    const rejected = checkAccountReadiness({
      ...ready,
      charges_enabled: false,
      requirements: requirements({ disabled_reason: "rejected.fraud" }),
    });
    expect(rejected.explanation).toContain("suspected fraud");
    expect(rejected.fix).toContain("Contact Stripe support");
  });
});

describe("checkCapabilities", () => {
  it("passes stripe-mock's account, whose card_payments and transfers are active", async () => {
    const account = await stripe.accounts.retrieveCurrent();
    expect(checkCapabilities(account, ["card_payments", "transfers"]).status).toBe("pass");
  });

  it("fails an inactive capability as Stripe lists it, warns on pending, fails a missing one", async () => {
    const listed = await stripe.accounts.listCapabilities("acct_123");
    const cardPayments = listed.data.find((capability) => capability.id === "card_payments");
    expect(cardPayments?.status).toBe("inactive");
    const inactive = checkCapabilities({ capabilities: { card_payments: cardPayments?.status } });
    expect(inactive).toMatchObject({ status: "fail", explanation: "Card payments: inactive." });
    const pending = checkCapabilities({ capabilities: { card_payments: "active", transfers: "pending" } }, [
      "card_payments",
      "transfers",
    ]);
    expect(pending.status).toBe("warn");
    expect(pending.explanation).toContain("Receiving transfers from the business");
    expect(checkCapabilities({ capabilities: {} }, ["transfers"]).explanation).toContain("not requested");
  });
});

describe("Connect check", () => {
  it("passes against stripe-mock, which answers as a Connect platform", async () => {
    const probe = await probeConnect(stripe);
    expect(probe).toEqual({ ok: true });
    expect(checkConnectEnabled({ usesConnect: true, probe }).status).toBe("pass");
  });

  it("fails when Stripe rejects the key, without repeating Stripe's message", async () => {
    const probe = await probeConnect(createStripeClient({ secretKey: "bad", apiBase, maxNetworkRetries: 0 }));
    expect(probe).toEqual({ ok: false, problem: "key_rejected", statusCode: 401 });
    const check = checkConnectEnabled({ usesConnect: true, probe });
    expect(check.status).toBe("fail");
    expect(check.fix).toContain("Developers > API keys");
    expect(`${check.explanation} ${check.fix}`).not.toContain("Authorization");
  });

  it("only warns when Stripe cannot be reached", async () => {
    const offline = createStripeClient({
      secretKey: "sk_test_123",
      apiBase: "http://127.0.0.1:1",
      maxNetworkRetries: 0,
    });
    const probe = await probeConnect(offline);
    expect(probe).toMatchObject({ ok: false, problem: "unreachable" });
    expect(checkConnectEnabled({ usesConnect: true, probe }).status).toBe("warn");
  });

  it("recognises Stripe's refusals of non-Connect platforms, and not other permission errors", () => {
    const notPlatform = new Stripe.errors.StripePermissionError({
      message: "Only Stripe Connect platforms can work with other accounts.",
      type: "invalid_request_error",
    });
    const probe = classifyConnectError(notPlatform);
    expect(probe).toMatchObject({ ok: false, problem: "connect_not_enabled" });
    const check = checkConnectEnabled({ usesConnect: true, probe });
    expect(check).toMatchObject({ status: "fail" });
    expect(check.fix).toContain("Connect settings");
    const restrictedKey = new Stripe.errors.StripePermissionError({
      message: "The provided key does not have the required permissions for this endpoint.",
      type: "invalid_request_error",
    });
    expect(classifyConnectError(restrictedKey)).toMatchObject({ problem: "other" });
    expect(classifyConnectError(new Error("boom"))).toEqual({ ok: false, problem: "other" });
  });

  it("is not needed by a business that takes payments directly", () => {
    const check = checkConnectEnabled({
      usesConnect: false,
      probe: { ok: false, problem: "connect_not_enabled" },
    });
    expect(check.status).toBe("pass");
  });
});

describe("checkKeyMode", () => {
  it("passes matching keys and events", () => {
    expect(
      checkKeyMode({ secretKeyMode: "live", publishableKeyMode: "live", lastEventLivemode: true }).status,
    ).toBe("pass");
  });

  it("fails mixed keys and events from the other mode", () => {
    const mixed = checkKeyMode({ secretKeyMode: "test", publishableKeyMode: "live" });
    expect(mixed.status).toBe("fail");
    expect(mixed.fix).toContain("same mode");
    const events = checkKeyMode({
      secretKeyMode: "test",
      publishableKeyMode: "test",
      lastEventLivemode: true,
    });
    expect(events).toMatchObject({
      status: "fail",
      explanation: "Stripe sends live-mode events but the keys are test keys.",
    });
  });

  it("warns about test keys only when real payments are expected", () => {
    expect(checkKeyMode({ secretKeyMode: "test", publishableKeyMode: "test" }).status).toBe("pass");
    expect(checkKeyMode({ secretKeyMode: "test", publishableKeyMode: "test", expectLive: true }).status).toBe(
      "warn",
    );
  });
});

describe("buildCheck", () => {
  it("takes the worst status and joins distinct fixes after the prefix", () => {
    const findings: (CheckFinding | false)[] = [
      { status: "warn", text: "A.", fix: "Do x." },
      false,
      { status: "fail", text: "B.", fix: "Do x." },
      { status: "pass", text: "C.", fix: "Ignored." },
    ];
    expect(buildCheck("id", "Title", findings, "All good.", "First.")).toEqual({
      id: "id",
      title: "Title",
      status: "fail",
      explanation: "A. B. C.",
      fix: "First. Do x.",
    });
  });
});
