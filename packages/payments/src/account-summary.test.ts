import type Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import { summariseConnectedAccount } from "./account-summary.ts";
import { createStripeClient } from "./stripe-client.ts";

const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: inject("stripeApiBase") });

function account(
  overrides: Partial<Stripe.Account>,
  req: Partial<Stripe.Account.Requirements> = {},
): Stripe.Account {
  return {
    id: "acct_worker1",
    object: "account",
    type: "express",
    email: null,
    charges_enabled: true,
    payouts_enabled: true,
    details_submitted: true,
    ...overrides,
    requirements: {
      alternatives: [],
      current_deadline: null,
      currently_due: [],
      disabled_reason: null,
      errors: [],
      eventually_due: [],
      past_due: [],
      pending_verification: [],
      ...req,
    },
  };
}

describe("summariseConnectedAccount", () => {
  it("stripe-mock's account has not finished onboarding and needs a bank account", async () => {
    const summary = summariseConnectedAccount(await stripe.accounts.retrieve("acct_123"));
    expect(summary).toMatchObject({
      accountId: "acct_123",
      status: "onboarding_incomplete",
      payoutsEnabled: false,
    });
    expect(summary.headline).toBe("Stripe setup is not finished");
    expect(summary.due.map((item) => item.label)).toContain("Bank account for payouts");
    expect(summary.reason?.title).toBe("Information overdue");
  });

  it("active, and active with something due by a deadline", () => {
    expect(summariseConnectedAccount(account({}))).toMatchObject({ status: "active", due: [], reason: null });
    const deadline = Date.parse("2026-12-15T00:00:00Z") / 1000;
    const due = summariseConnectedAccount(
      account({}, { currently_due: ["individual.id_number"], current_deadline: deadline }),
    );
    expect(due).toMatchObject({ status: "active", deadline: "2026-12-15T00:00:00.000Z" });
    expect(due.headline).toBe("Ready for payments and payouts (Stripe needs more details by 2026-12-15)");
  });

  it("pending verification once everything is sent, restricted when something is overdue", () => {
    const verifying = summariseConnectedAccount(
      account(
        { charges_enabled: false, payouts_enabled: false },
        { pending_verification: ["individual.verification.document"] },
      ),
    );
    expect(verifying.status).toBe("pending_verification");
    expect(verifying.verifying.map((item) => item.label)).toEqual(["Your photo ID"]);
    const overdue = summariseConnectedAccount(
      account(
        { charges_enabled: false, payouts_enabled: false },
        { past_due: ["external_account"], disabled_reason: "requirements.past_due" },
      ),
    );
    expect(overdue).toMatchObject({
      status: "restricted",
      headline: "Payments or payouts are paused by Stripe",
    });
  });

  it("a rejected account is restricted even before onboarding ends, and errors come in plain words", () => {
    const rejected = summariseConnectedAccount(
      account(
        { details_submitted: false, charges_enabled: false },
        {
          disabled_reason: "rejected.fraud",
          errors: [
            {
              code: "verification_document_expired",
              reason: "The document has expired.",
              requirement: "individual.verification.document",
            },
          ],
        },
      ),
    );
    expect(rejected.status).toBe("restricted");
    expect(rejected.problems).toEqual([{ label: "Your photo ID", reason: "The document has expired." }]);
  });
});
