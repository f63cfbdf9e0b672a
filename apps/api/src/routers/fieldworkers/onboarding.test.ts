// Stripe-hosted onboarding against stripe-mock (through a recording proxy): the parameters sent for each account
// type, fresh links, the return that asks Stripe first, dashboard links, and status in plain words.
import { applyAccountSnapshot } from "@fieldpay/db/repositories/fieldworker-accounts";
import { insertUser } from "@fieldpay/db/repositories/users";
import type { ConnectAccountType } from "@fieldpay/db/schema";
import { describe, expect, it } from "vitest";
import { createSession } from "../../auth/session.ts";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { authFromToken, callerFor, newBusiness, rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

/** A Connect business of the given account type and one signed-in fieldworker. */
async function platform(type: ConnectAccountType, mode: "connect" | "direct" = "connect") {
  const biz = await newBusiness(t.db, `onb-${type}`);
  const tenantId = biz.auth.tenant.id;
  await setUpPayments(deps, tenantId, { mode, accountType: type, commissionBps: 1000, fixed: 30 });
  const user = await insertUser(t.db, {
    tenant_id: tenantId,
    role: "fieldworker",
    email: `fw-${tenantId.slice(0, 8)}@example.com`,
    name: "Wes Worker",
    password_hash: null,
  });
  const session = await createSession(t.db, { id: user.id, tenantId });
  const worker = callerFor(deps, await authFromToken(t.db, session.token)).caller;
  const admin = callerFor(deps, biz.auth).caller;
  return { tenantId, user, worker, admin };
}

const CONTROLLER_DASHBOARD = { standard: "full", express: "express", custom: "none" } as const;

describe("starting onboarding", () => {
  it.each(["standard", "express", "custom"] as const)(
    "creates one %s account per fieldworker and a fresh single-use link each time",
    async (type) => {
      const p = await platform(type);
      const first = await p.worker.fieldworkers.startOnboarding();
      const second = await p.worker.fieldworkers.startOnboarding();
      expect(first.url).toMatch(/^https:\/\//);

      const [create, ...more] = stripe().proxy.sent("POST", "/v1/accounts");
      expect(more).toEqual([]);
      expect(create?.form).toMatchObject({
        "controller[stripe_dashboard][type]": CONTROLLER_DASHBOARD[type],
        "metadata[tenant_id]": p.tenantId,
        "metadata[fieldworker_id]": p.user.id,
        email: p.user.email,
      });
      const requested = type === "standard" ? undefined : "true";
      expect(create?.form["capabilities[transfers][requested]"]).toBe(requested);
      expect(create?.form["capabilities[card_payments][requested]"]).toBe(requested);
      expect(create?.headers["idempotency-key"]).toBe(`fieldpay:account:create:${p.tenantId}:${p.user.id}`);

      const row = await t.db
        .selectFrom("fieldworker_accounts")
        .selectAll()
        .where("user_id", "=", p.user.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ account_type: type, status: "onboarding_incomplete", link_attempt: 2 });
      const links = stripe().proxy.sent("POST", "/v1/account_links");
      expect(links.map((l) => l.form)).toEqual(
        [1, 2].map(() => ({
          account: row.stripe_account_id,
          type: "account_onboarding",
          refresh_url: "http://localhost:5173/app/stripe/refresh",
          return_url: "http://localhost:5173/app/stripe/return",
        })),
      );
      expect(links.map((l) => l.headers["idempotency-key"])).toEqual([
        `fieldpay:account_link:create:${row.stripe_account_id}:1`,
        `fieldpay:account_link:create:${row.stripe_account_id}:2`,
      ]);
      expect(second.url).toMatch(/^https:\/\//);
    },
  );

  it("says plainly when the business does not use Connect, and sends nothing to Stripe", async () => {
    const p = await platform("express", "direct");
    const error = await rejection(p.worker.fieldworkers.startOnboarding());
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "This business does not pay fieldworkers through Stripe Connect yet.",
    });
    expect(stripe().proxy.requests).toEqual([]);
  });
});

describe("coming back from Stripe", () => {
  it("asks Stripe before saying anything: stripe-mock's unfinished account is shown as unfinished, in plain words", async () => {
    const p = await platform("express");
    await p.worker.fieldworkers.startOnboarding();
    stripe().proxy.reset();
    const status = await p.worker.fieldworkers.completeOnboarding();
    expect(
      stripe()
        .proxy.sent("GET")
        .map((r) => r.path),
    ).toEqual([expect.stringMatching(/^\/v1\/accounts\/acct_/)]);
    expect(status).toMatchObject({ status: "onboarding_incomplete", connected: true, chargesEnabled: false });
    expect(status.due.map((d) => d.label)).toEqual(
      expect.arrayContaining(["Bank account for payouts", "Acceptance of Stripe's terms"]),
    );
    expect(JSON.stringify(status)).not.toMatch(/external_account|tos_acceptance/);
  });

  it("shows an account Stripe enabled as active, and an older webhook cannot undo the fresh read", async () => {
    const p = await platform("express");
    await p.worker.fieldworkers.startOnboarding();
    stripe().proxy.intercept({
      method: "GET",
      path: /^\/v1\/accounts\/acct_/,
      patch: (body) => ({
        ...body,
        charges_enabled: true,
        payouts_enabled: true,
        details_submitted: true,
        requirements: {
          currently_due: [],
          past_due: [],
          eventually_due: [],
          pending_verification: [],
          errors: [],
        },
      }),
    });
    const status = await p.worker.fieldworkers.completeOnboarding();
    expect(status).toMatchObject({ status: "active", chargesEnabled: true, payoutsEnabled: true, due: [] });
    const row = await t.db
      .selectFrom("fieldworker_accounts")
      .selectAll()
      .where("user_id", "=", p.user.id)
      .executeTakeFirstOrThrow();
    const stale = await applyAccountSnapshot(t.db, {
      tenantId: p.tenantId,
      stripeAccountId: row.stripe_account_id ?? "",
      snapshot: {
        status: "onboarding_incomplete",
        chargesEnabled: false,
        payoutsEnabled: false,
        detailsSubmitted: false,
        requirements: {},
        capabilities: {},
      },
      eventAt: new Date(Date.now() - 60_000),
    });
    expect(stale).toBe(false);
    expect((await p.admin.fieldworkers.list())[0]).toMatchObject({ status: "active", chargesEnabled: true });
  });

  it("turns what Stripe still needs (as an account.updated would store it) into plain words with the fix", async () => {
    const p = await platform("express");
    await p.worker.fieldworkers.startOnboarding();
    const row = await t.db
      .selectFrom("fieldworker_accounts")
      .select("stripe_account_id")
      .where("user_id", "=", p.user.id)
      .executeTakeFirstOrThrow();
    await applyAccountSnapshot(t.db, {
      tenantId: p.tenantId,
      stripeAccountId: row.stripe_account_id ?? "",
      snapshot: {
        status: "restricted",
        chargesEnabled: false,
        payoutsEnabled: false,
        detailsSubmitted: true,
        requirements: {
          currently_due: ["individual.dob.day", "individual.dob.month"],
          past_due: ["individual.verification.document"],
          disabled_reason: "requirements.past_due",
        },
        capabilities: { transfers: "inactive" },
      },
      eventAt: new Date(),
    });
    const status = await p.worker.fieldworkers.myAccount();
    expect(status.status).toBe("restricted");
    expect(status.due.map((d) => d.label)).toEqual(["Your photo ID", "Your date of birth"]);
    expect(status.reason).toMatchObject({ title: "Information overdue" });
    const seen = await p.admin.fieldworkers.get({ fieldworkerId: p.user.id, period: "month" });
    expect(seen.account).toEqual(status);
  });
});

describe("the Stripe dashboard", () => {
  it("Express: a login link from Stripe (after Stripe confirms the type)", async () => {
    const p = await platform("express");
    await p.worker.fieldworkers.startOnboarding();
    stripe().proxy.intercept({
      method: "GET",
      path: /^\/v1\/accounts\/acct_/,
      patch: (body) => ({
        ...body,
        controller: { type: "application", stripe_dashboard: { type: "express" } },
      }),
    });
    const link = await p.worker.fieldworkers.dashboardLink();
    expect(link).toMatchObject({ kind: "express", url: expect.stringMatching(/^https:\/\//) });
    const [sent] = stripe().proxy.sent("POST", /\/login_links$/);
    expect(sent?.headers["idempotency-key"]).toMatch(/^fieldpay:login_link:create:acct_[^:]+:\d+$/);
  });

  it("Standard: their own dashboard, nothing sent; Custom: explained, nothing sent", async () => {
    const standard = await platform("standard");
    await standard.worker.fieldworkers.startOnboarding();
    stripe().proxy.reset();
    expect(await standard.worker.fieldworkers.dashboardLink()).toEqual({
      kind: "standard",
      url: "https://dashboard.stripe.com/",
    });
    const custom = await platform("custom");
    await custom.worker.fieldworkers.startOnboarding();
    stripe().proxy.reset();
    const error = await rejection(custom.worker.fieldworkers.dashboardLink());
    expect(error.message).toBe(
      "Your Stripe account is managed by the business, so it has no Stripe dashboard of its own.",
    );
    expect(stripe().proxy.requests).toEqual([]);
  });
});
