// Health reports against stripe-mock through a recording proxy. stripe-mock's account has card payments off and
// onboarding unfinished (the failing path); the proxy turns it into a ready account, and stored state (events
// received, a fieldworker made active by webhooks) makes the other checks pass.
import { randomBytes } from "node:crypto";
import { listHealthReports } from "@fieldpay/db/repositories/health-reports";
import { createSecretBox } from "@fieldpay/db/secret-box";
import type { HealthCheck } from "@fieldpay/payments/health";
import { useRecordingProxy } from "@fieldpay/payments/testing/use-recording-proxy";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  seedBusiness,
  seedFieldworker,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";
import { gatherChecks, runHealthReport } from "./health-report.ts";

const proxy = useRecordingProxy();
let kit: WorkerTestKit;
let fixtureAccount: string;

beforeAll(async () => {
  kit = await workerTestKit({ stripeApiBase: proxy().url });
  const res = await fetch(`${inject("stripeApiBase")}/v1/account`, {
    headers: { authorization: "Bearer sk_test_fieldpayFake1234" },
  });
  fixtureAccount = ((await res.json()) as { id: string }).id;
});
afterAll(async () => {
  await kit.t.drop();
});

const statuses = (checks: readonly HealthCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c.status]));
const find = (checks: readonly HealthCheck[], id: string) => checks.find((c) => c.id === id);

async function received(tenantId: string, endpoint: "account" | "connect") {
  await kit.t.db
    .insertInto("webhook_events")
    .values({
      id: `evt_${randomBytes(8).toString("hex")}`,
      tenant_id: tenantId,
      endpoint,
      type: "payout.paid",
      account: endpoint === "connect" ? "acct_fw" : null,
      livemode: false,
      stripe_created_at: new Date(),
      payload: "{}",
      processed_at: new Date(),
    })
    .execute();
}

describe("health report checks", () => {
  it("fail with stripe-mock's unfinished account, explaining each problem and its fix", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      stripeAccountId: fixtureAccount,
    });
    await seedFieldworker(kit.t.db, tenantId, {
      name: "Olu Onboarding",
      requirements: { currently_due: ["individual.dob.day", "external_account"], past_due: [] },
    });
    await seedFieldworker(kit.t.db, tenantId, { name: "Dee Disconnected", status: "deauthorized" });
    await seedFieldworker(kit.t.db, tenantId, {
      name: "Rae Restricted",
      status: "restricted",
      requirements: {
        disabled_reason: "requirements.past_due",
        past_due: ["individual.verification.document"],
      },
    });
    const report = await runHealthReport(kit.deps, { tenantId, trigger: "settings_changed" });
    expect(report).toMatchObject({ status: "fail", trigger: "settings_changed" });
    const checks = report.checks as HealthCheck[];
    expect(statuses(checks)).toMatchObject({
      keys_valid: "pass",
      key_mode: "pass",
      account_readiness: "fail",
      connect_enabled: "pass",
      payout_schedule: "pass",
      webhooks_account: "warn",
      webhooks_connect: "warn",
    });
    expect(find(checks, "account_readiness")).toMatchObject({
      explanation: expect.stringMatching(/Card payments are turned off/),
      fix: expect.stringMatching(
        /^Ensure your Stripe account is fully set up, verified, and not restricted\./,
      ),
    });
    const worker = checks.find((c) => c.title === "Fieldworker: Olu Onboarding");
    expect(worker).toMatchObject({ status: "warn", explanation: expect.stringMatching(/date of birth/) });
    expect(worker?.fix).toMatch(/Ask Olu Onboarding to open the Stripe setup link/);
    expect(checks.find((c) => c.title === "Fieldworker: Dee Disconnected")).toMatchObject({
      status: "fail",
      fix: "Invite Dee Disconnected again so they can reconnect their Stripe account.",
    });
    expect(checks.find((c) => c.title === "Fieldworker: Rae Restricted")).toMatchObject({
      status: "fail",
      explanation: expect.stringMatching(/paused payments or payouts.*photo ID/),
    });
    expect(find(checks, "webhooks_account")?.fix).toContain(
      `https://hooks.fieldpay.test/webhooks/stripe/${tenantId}`,
    );
    expect(proxy().sent("POST")).toEqual([]);
  });

  it("pass once the account is ready, notifications arrive and every fieldworker is active", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      stripeAccountId: fixtureAccount,
    });
    await seedFieldworker(kit.t.db, tenantId, { status: "active" });
    await received(tenantId, "account");
    await received(tenantId, "connect");
    proxy().intercept({
      path: "/v1/account",
      patch: (body) => ({
        ...body,
        charges_enabled: true,
        payouts_enabled: true,
        details_submitted: true,
        requirements: {
          currently_due: [],
          eventually_due: [],
          past_due: [],
          pending_verification: [],
          disabled_reason: null,
        },
      }),
    });
    const report = await runHealthReport(kit.deps, { tenantId, trigger: "manual" });
    const checks = report.checks as HealthCheck[];
    expect(checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(report.status).toBe("pass");
    expect(checks.every((c) => c.fix === "Nothing to do.")).toBe(true);
  });

  it("name a notification that keeps failing to apply, warn first and fail after a day", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      stripeAccountId: fixtureAccount,
    });
    const failing = (id: string, hoursAgo: number) =>
      kit.t.db
        .insertInto("webhook_events")
        .values({
          id,
          tenant_id: tenantId,
          endpoint: "account",
          type: "payout.paid",
          account: null,
          livemode: false,
          stripe_created_at: new Date(),
          payload: "{}",
          received_at: new Date(Date.now() - hoursAgo * 3_600_000),
          attempts: 3,
          last_error: "payout currency not allowed",
          next_attempt_at: new Date(Date.now() + 3_600_000),
        })
        .execute();
    await failing("evt_young_failure", 2);
    const young = find(await gatherChecks(kit.deps, tenantId), "webhooks_applied");
    expect(young).toMatchObject({
      status: "warn",
      explanation: expect.stringContaining("evt_young_failure"),
    });
    expect(young?.explanation).toContain("payout currency not allowed");
    await failing("evt_old_failure", 30);
    const old = find(await gatherChecks(kit.deps, tenantId), "webhooks_applied");
    expect(old).toMatchObject({ status: "fail", explanation: expect.stringContaining("2 notification(s)") });
    expect(old?.fix).toContain("evt_old_failure");
  });

  it("leave Connect and fieldworkers out for a business taking payments directly", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      mode: "direct",
      stripeAccountId: fixtureAccount,
    });
    const checks = await gatherChecks(kit.deps, tenantId);
    expect(find(checks, "connect_enabled")?.explanation).toMatch(/takes payments directly/);
    expect(checks.some((c) => c.id.startsWith("fieldworker") || c.id === "webhooks_connect")).toBe(false);
    expect(proxy().sent("GET", "/v1/accounts")).toEqual([]);
  });

  it("fail when no keys are saved, when the key cannot be opened, or when Stripe refuses it", async () => {
    const none = await gatherChecks(kit.deps, "00000000-0000-4000-8000-000000000000");
    expect(none).toEqual([expect.objectContaining({ id: "payment_integration", status: "fail" })]);

    const otherBox = createSecretBox({ 1: randomBytes(32) }, 1);
    const sealedElsewhere = await seedBusiness(kit.t.db, otherBox, { stripeAccountId: fixtureAccount });
    const unreadable = await gatherChecks(kit.deps, sealedElsewhere.tenantId);
    expect(find(unreadable, "keys_valid")).toMatchObject({
      status: "fail",
      fix: expect.stringMatching(/Enter the Secret key again/),
    });

    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      stripeAccountId: fixtureAccount,
    });
    proxy().intercept({
      path: "/v1/account",
      respond: {
        status: 401,
        body: { error: { type: "invalid_request_error", message: "Invalid API Key provided" } },
      },
    });
    const refused = await gatherChecks(kit.deps, tenantId);
    expect(find(refused, "keys_valid")).toMatchObject({
      status: "fail",
      explanation: expect.stringMatching(/did not accept the Secret key/),
    });
    expect(JSON.stringify(refused)).not.toMatch(/sk_test_|whsec_/);
  });

  it("warn, not fail, when Stripe cannot be reached", async () => {
    const offline = { ...kit.deps, stripeApiBase: "http://127.0.0.1:1" };
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      stripeAccountId: fixtureAccount,
    });
    const checks = await gatherChecks(offline, tenantId);
    expect(find(checks, "keys_valid")).toMatchObject({
      status: "warn",
      explanation: expect.stringMatching(/could not reach Stripe/i),
    });
  });

  it("keep every report as history, newest first", async () => {
    const { tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, {
      stripeAccountId: fixtureAccount,
    });
    const first = await runHealthReport(kit.deps, { tenantId, trigger: "scheduled" });
    const second = await runHealthReport(kit.deps, { tenantId, trigger: "manual" });
    expect((await listHealthReports(kit.t.db, tenantId)).map((r) => r.id)).toEqual([second.id, first.id]);
  });
});
