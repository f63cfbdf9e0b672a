// The outbox delivered by the worker: an email queued in a transaction is rendered and handed to a real SMTP
// server on loopback; a server that refuses for now is tried again later with its answer kept; an address it
// refuses fails at once; with no SMTP the row is the dev outbox; one email per dedupe key; admins' opt-outs.

import { requestDueDeliveries } from "@fieldpay/db/repositories/email-delivery";
import { setOptOut } from "@fieldpay/db/repositories/email-preferences";
import { deliveryJobKey, queueEmail } from "@fieldpay/db/repositories/emails";
import { findQueuedJob } from "@fieldpay/db/repositories/job-queue";
import { insertUser } from "@fieldpay/db/repositories/users";
import { captureLog } from "@fieldpay/payments/testing/log-capture";
import { EXAMPLE_PROPS } from "@fieldpay/ui/emails/examples";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedBusiness, WEB_ORIGIN, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";
import { BACKOFF_MINUTES, deliverEmail } from "./deliver-email.ts";
import { smtpMailer } from "./smtp-transport.ts";
import { startSmtpInbox } from "./testing/smtp-inbox.ts";

let kit: WorkerTestKit;
let tenantId: string;
beforeAll(async () => {
  kit = await workerTestKit();
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox));
  await insertUser(kit.t.db, {
    tenant_id: tenantId,
    role: "admin",
    email: "owner@biz.test",
    name: "Olive",
    password_hash: null,
  });
});
afterAll(() => kit?.t.drop());

const inviteLink = `${WEB_ORIGIN}/invite/${"z".repeat(43)}`;
const queue = (input: Partial<Parameters<typeof queueEmail>[1]> = {}) =>
  kit.t.db.transaction().execute((trx) =>
    queueEmail(trx, {
      tenantId,
      to: "fern@example.com",
      userId: null,
      template: "invitation",
      props: { name: "Fern", link: inviteLink, connect: false },
      ...input,
    }),
  );
const row = (id: string) =>
  kit.t.db.selectFrom("emails").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("deliver_email", () => {
  it("retries a server that says 'try later' with backoff and its answer, then delivers both parts", async () => {
    const inbox = await startSmtpInbox({ deferFirst: 1 });
    const { id, queued } = await queue();
    const t0 = new Date(Date.now() + 1000);
    const deps = {
      ...kit.deps,
      now: () => t0,
      mailer: smtpMailer({ url: inbox.url, from: "no-reply@fieldpay.test" }),
    };
    expect(queued).toBe(true);
    expect(await findQueuedJob(kit.t.db, deliveryJobKey(id))).toEqual([
      expect.objectContaining({ task: "deliver_email", payload: { tenantId, emailId: id } }),
    ]);

    expect(await deliverEmail(deps, { tenantId, emailId: id })).toBe("retrying");
    const waiting = await row(id);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, failure: "unreachable" });
    expect(waiting.last_answer).toMatch(/^.*451 .*try again later/);
    expect(waiting.next_attempt_at.getTime() - t0.getTime()).toBe((BACKOFF_MINUTES[0] ?? 0) * 60_000);
    // Not before its time, then delivered.
    expect(await deliverEmail(deps, { tenantId, emailId: id })).toBe("not_due");
    const later = new Date(t0.getTime() + 61_000);
    expect(await deliverEmail({ ...deps, now: () => later }, { tenantId, emailId: id })).toBe("delivered");
    expect(inbox.received).toHaveLength(1);
    const mail = inbox.received[0];
    expect(mail?.subject).toBe(`${await tenantName()} invited you to fieldpay`);
    expect(mail?.text).toContain(inviteLink);
    expect(mail?.html).toContain(`href="${inviteLink}"`);
    expect(mail?.text).toContain("owner@biz.test");
    const done = await row(id);
    expect(done).toMatchObject({ status: "delivered", attempts: 2, transport: "smtp", failure: null });
    expect(done.last_answer).toMatch(/^250 /);
    // The sign-in link left the machine: no copy stays in the database.
    expect(JSON.stringify(done)).not.toContain("zzzzzzzz");
    await inbox.close();
  });

  it("an address the server refuses fails at once, with its answer, and is not tried again", async () => {
    const inbox = await startSmtpInbox({ unknown: ["gone@example.com"] });
    const deps = { ...kit.deps, mailer: smtpMailer({ url: inbox.url, from: "no-reply@fieldpay.test" }) };
    const { id } = await queue({ to: "gone@example.com" });
    expect(await deliverEmail(deps, { tenantId, emailId: id })).toBe("failed");
    const failed = await row(id);
    expect(failed).toMatchObject({ status: "failed", failure: "recipient_refused", attempts: 1 });
    expect(failed.last_answer).toMatch(/550 .*no such mailbox here/);
    // An invitation's link signs someone in: none of the row keeps it once it failed for good.
    expect(JSON.stringify(failed)).not.toContain(inviteLink);
    expect(await deliverEmail(deps, { tenantId, emailId: id })).toBe("not_due");
    await inbox.close();
  });

  it("gives up after the last backoff", async () => {
    const down = await startSmtpInbox();
    await down.close();
    let now = new Date(Date.now() + 1000);
    const deps = {
      ...kit.deps,
      now: () => now,
      mailer: smtpMailer({ url: down.url, from: "n@fieldpay.test" }),
    };
    const { id } = await queue({ to: "late@example.com" });
    now = new Date(Date.now() + 1000);
    const outcomes: string[] = [];
    for (let i = 0; i <= BACKOFF_MINUTES.length; i++) {
      outcomes.push(await deliverEmail(deps, { tenantId, emailId: id }));
      now = new Date(now.getTime() + 7 * 3_600_000);
    }
    expect(outcomes).toEqual([...BACKOFF_MINUTES.map(() => "retrying"), "failed"]);
    expect(await row(id)).toMatchObject({ status: "failed", failure: "unreachable", attempts: 6 });
  });

  it("without SMTP the row is the dev outbox: rendered text and HTML, and the link printed to the log", async () => {
    const captured = captureLog("worker");
    const { id } = await queue({ to: "dev@example.com" });
    expect(await deliverEmail({ ...kit.deps, log: captured.log }, { tenantId, emailId: id })).toBe(
      "delivered",
    );
    const shown = await row(id);
    expect(shown).toMatchObject({ status: "delivered", transport: "outbox" });
    expect(shown.body).toContain(inviteLink);
    expect(shown.html).toContain(`href="${inviteLink}"`);
    expect(captured.lines().map((l) => l.msg)).toContain(
      `[mail] to dev@example.com: ${shown.subject} ${inviteLink}`,
    );
  });

  it("props that do not fit, or a link out of the web app, fail without sending", async () => {
    const { id } = await queue({
      template: "refund_made",
      props: { ...EXAMPLE_PROPS.refund_made, link: "https://evil.example/x" },
    });
    expect(await deliverEmail(kit.deps, { tenantId, emailId: id })).toBe("failed");
    expect(await row(id)).toMatchObject({ status: "failed", failure: "unrenderable", body: null });
  });
});

describe("queueEmail", () => {
  it("writes one email per dedupe key; an admin's opt-out suppresses their category, never a sign-in link", async () => {
    const admin = await insertUser(kit.t.db, {
      tenant_id: tenantId,
      role: "admin",
      email: "ops@biz.test",
      name: "Ops",
      password_hash: null,
    });
    const health = {
      to: admin.email,
      userId: admin.id,
      template: "health_failing" as const,
      props: { ...EXAMPLE_PROPS.health_failing, link: `${WEB_ORIGIN}/app/health` },
    };
    const first = await queue({ ...health, dedupeKey: "health:webhooks:r1" });
    expect(await queue({ ...health, dedupeKey: "health:webhooks:r1" })).toEqual({
      id: first.id,
      queued: false,
    });
    await setOptOut(kit.t.db, { tenantId, userId: admin.id }, "health", true);
    const off = await queue({ ...health, dedupeKey: "health:keys:r2" });
    expect(off.queued).toBe(false);
    expect(await row(off.id)).toMatchObject({ status: "suppressed" });
    expect(await deliverEmail(kit.deps, { tenantId, emailId: off.id })).toBe("not_due");
    expect(
      (
        await queue({
          to: admin.email,
          userId: admin.id,
          template: "password_reset",
          props: EXAMPLE_PROPS.password_reset,
        })
      ).queued,
    ).toBe(true);
  });

  it("the periodic pass gives a delivery job to an email that has none (queued before the queue was installed)", async () => {
    const { id } = await queue({ to: "early@example.com" });
    await sql`select graphile_worker.remove_job(${deliveryJobKey(id)})`.execute(kit.t.db);
    expect(await findQueuedJob(kit.t.db, deliveryJobKey(id))).toEqual([]);
    expect(await requestDueDeliveries(kit.t.db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await findQueuedJob(kit.t.db, deliveryJobKey(id))).toHaveLength(1);
    await kit.drain();
    expect(await row(id)).toMatchObject({ status: "delivered", transport: "outbox" });
  });
});

async function tenantName() {
  return (
    await kit.t.db.selectFrom("tenants").select("name").where("id", "=", tenantId).executeTakeFirstOrThrow()
  ).name;
}
