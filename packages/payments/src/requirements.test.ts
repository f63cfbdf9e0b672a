import type Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import {
  describeDisabledReason,
  describeRequirement,
  describeRequirements,
  whatToProvide,
} from "./requirements.ts";
import { createStripeClient } from "./stripe-client.ts";

const stripe = createStripeClient({ secretKey: "sk_test_123", apiBase: inject("stripeApiBase") });

describe("describeRequirement", () => {
  it.each([
    ["individual.verification.document", "Your photo ID", /passport, driving licence or national ID card/],
    [
      "individual.verification.additional_document",
      "Your proof of address",
      /utility bill or bank statement/,
    ],
    ["individual.dob.day", "Your date of birth", /Enter your date of birth in Stripe's onboarding/],
    ["individual.id_number", "Your government ID number", /Enter your government ID number/],
    ["external_account", "Bank account for payouts", /Add the bank account/],
    ["tos_acceptance.date", "Acceptance of Stripe's terms", /Accept the Stripe Services Agreement/],
    ["business_profile.url", "Your business's website", /social media page/],
    ["company.tax_id", "Your business's tax ID", /Enter your business's tax ID/],
    ["company.owners_provided", "Your business's list of owners", /25% or more/],
    ["representative.address.city", "The account representative's home address", /home address/],
    ["owners.first_name", "A business owner's legal name", /legal name/],
    ["person_1AbcDEF.verification.document", "A listed person's photo ID", /passport/],
    ["business_type", "Business type", /individual \(sole trader\) or as a company/],
  ])("%s", (name, label, action) => {
    const plain = describeRequirement(name);
    expect(plain.label.startsWith(label)).toBe(true);
    expect(plain.action).toMatch(action);
    expect(plain.requirements).toEqual([name]);
  });

  it("still says something readable for names it does not know", () => {
    expect(describeRequirement("individual.favourite_colour")).toMatchObject({
      label: "More information: individual favourite colour",
      action: expect.stringContaining("Stripe needs more information (individual favourite colour)"),
    });
    expect(describeRequirement("person_9Xyz.shoe_size").label).toBe("More information: shoe size");
  });

  it("gives every requirement stripe-mock's account has due a specific label", async () => {
    const account = await stripe.accounts.retrieveCurrent();
    const due = account.requirements?.currently_due ?? [];
    expect(due.length).toBeGreaterThan(0);
    for (const item of describeRequirements(due)) expect(item.label).not.toMatch(/^More information/);
  });
});

describe("describeRequirements", () => {
  it("merges names that mean one thing to a person and keeps every name", () => {
    const items = describeRequirements([
      "individual.dob.day",
      "individual.dob.month",
      "individual.dob.year",
      "individual.dob.day",
      "external_account",
    ]);
    expect(items.map((item) => item.label)).toEqual(["Your date of birth", "Bank account for payouts"]);
    expect(items[0]?.requirements).toEqual([
      "individual.dob.day",
      "individual.dob.month",
      "individual.dob.year",
    ]);
    expect(describeRequirements(null)).toEqual([]);
    expect(whatToProvide(items)).toBe(
      "In Stripe's onboarding, provide: your date of birth; bank account for payouts.",
    );
  });
});

describe("describeDisabledReason", () => {
  // `satisfies` makes the compiler list every reason the pinned SDK knows, so a new one fails the type-check.
  const every = {
    "action_required.requested_capabilities": true,
    listed: true,
    other: true,
    platform_paused: true,
    "rejected.fraud": true,
    "rejected.incomplete_verification": true,
    "rejected.listed": true,
    "rejected.other": true,
    "rejected.platform_fraud": true,
    "rejected.platform_other": true,
    "rejected.platform_terms_of_service": true,
    "rejected.terms_of_service": true,
    "requirements.past_due": true,
    "requirements.pending_verification": true,
    under_review: true,
  } satisfies Record<Stripe.Account.Requirements.DisabledReason, true>;

  it.each(Object.keys(every))("%s has a title, an explanation and a fix", (reason) => {
    const plain = describeDisabledReason(reason);
    expect(plain.reason).toBe(reason);
    for (const text of [plain.title, plain.explanation, plain.fix]) expect(text.length).toBeGreaterThan(10);
    expect(plain.explanation).not.toContain(reason);
  });

  it("tells pausing, verifying, business decisions and closures apart", () => {
    expect(describeDisabledReason("requirements.pending_verification").fix).toMatch(/^Nothing to do yet/);
    expect(describeDisabledReason("platform_paused").fix).toMatch(/administrator/);
    expect(describeDisabledReason("rejected.platform_fraud").title).toBe("Turned off by the business");
    expect(describeDisabledReason("rejected.fraud").fix).toMatch(/Contact Stripe support/);
    expect(describeDisabledReason("rejected.something_new").title).toBe("Closed by Stripe (rejected)");
    expect(describeDisabledReason("something_new").title).toBe("Restricted by Stripe");
  });
});
