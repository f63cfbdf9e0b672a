import { describe, expect, it } from "vitest";
import { checkWebhookFreshness, checkWebhookProcessing } from "./webhook-health.ts";

const now = new Date("2026-11-27T12:00:00Z");

describe("checkWebhookFreshness", () => {
  const base = {
    kind: "account" as const,
    secretConfigured: true,
    now,
    endpointUrl: "https://pay.example.test/webhooks/stripe/t1",
  };
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it("fails without a signing secret and says exactly where to add the endpoint", () => {
    const check = checkWebhookFreshness({ ...base, secretConfigured: false, lastEventAt: null });
    expect(check).toMatchObject({ id: "webhooks_account", status: "fail" });
    expect(check.fix).toContain("Developers > Webhooks");
    expect(check.fix).toContain(base.endpointUrl);
    expect(check.fix).toContain("Settings > Financial Settings > Payment integration");
  });

  it("warns when nothing has ever arrived, and by age after that", () => {
    expect(checkWebhookFreshness({ ...base, lastEventAt: null }).status).toBe("warn");
    expect(checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(2) }).status).toBe("pass");
    const quiet = checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(30) });
    expect(quiet.status).toBe("warn");
    expect(quiet.explanation).toContain("30 hours ago");
    expect(checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(80) }).status).toBe("fail");
    expect(checkWebhookFreshness({ ...base, lastEventAt: hoursAgo(5), warnAfterHours: 4 }).status).toBe(
      "warn",
    );
  });

  it("tells a Connect endpoint to listen to connected accounts", () => {
    const check = checkWebhookFreshness({
      ...base,
      kind: "connect",
      secretConfigured: false,
      lastEventAt: null,
    });
    expect(check.id).toBe("webhooks_connect");
    expect(check.fix).toContain("Events on Connected accounts");
  });
});

describe("checkWebhookProcessing", () => {
  const now = new Date("2026-11-27T12:00:00Z");
  const failing = (hoursAgo: number) => ({
    id: "evt_1",
    type: "payout.paid",
    attempts: 4,
    lastError: 'new row for relation "payouts" violates check constraint "payouts_currency_check"',
    receivedAt: new Date(now.getTime() - hoursAgo * 3_600_000),
  });

  it("passes when every delivered notification is applied", () => {
    const check = checkWebhookProcessing({ failing: 0, waiting: 0, oldestFailing: null, now });
    expect(check).toMatchObject({ id: "webhooks_applied", status: "pass", fix: "Nothing to do." });
  });

  it("warns while a failing notification is young, naming it and its error, and says it is retried", () => {
    const check = checkWebhookProcessing({ failing: 2, waiting: 0, oldestFailing: failing(3), now });
    expect(check.status).toBe("warn");
    expect(check.explanation).toContain("2 notification(s)");
    expect(check.explanation).toContain("payout.paid (evt_1");
    expect(check.explanation).toContain("failed 4 times");
    expect(check.explanation).toContain("payouts_currency_check");
    expect(check.fix).toMatch(/retries failed notifications by itself/);
  });

  it("fails once a notification has failed for a day, with what to do and the event id for support", () => {
    const check = checkWebhookProcessing({ failing: 1, waiting: 0, oldestFailing: failing(30), now });
    expect(check.status).toBe("fail");
    expect(check.fix).toMatch(/about every 6 hours/);
    expect(check.fix).toContain("evt_1");
  });

  it("warns when notifications wait unapplied, even with none failing", () => {
    const check = checkWebhookProcessing({ failing: 0, waiting: 5, oldestFailing: null, now });
    expect(check.status).toBe("warn");
    expect(check.explanation).toContain("5 notification(s) have waited");
  });
});
