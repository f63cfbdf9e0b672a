// The 15-minute pass reminds a fieldworker who joined two days ago or more and has not finished Stripe's
// onboarding, once, with what is missing in plain words and the link to their Stripe page; nobody else.
import { queueEmail } from "@fieldpay/db/repositories/emails";
import type { FieldworkerAccountStatus } from "@fieldpay/db/schema";
import type { JobHelpers } from "graphile-worker";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRONTAB, createTaskList } from "../queue/task-list.ts";
import {
  seedBusiness,
  seedFieldworker,
  WEB_ORIGIN,
  type WorkerTestKit,
  workerTestKit,
} from "../testing/worker-test-kit.ts";
import { remindUnfinishedOnboarding } from "./onboarding-reminders.ts";

const NOW = new Date("2026-12-03T09:00:00Z");
const DAY = 86_400_000;
let kit: WorkerTestKit;
let tenantId: string;
beforeAll(async () => {
  kit = await workerTestKit({ now: () => NOW });
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "connect" }));
});
afterAll(() => kit.t.drop());

const DUE = { currently_due: ["individual.dob.day", "external_account"], past_due: [] };

async function fieldworker(
  business: string,
  daysAgo: number,
  state: {
    status: FieldworkerAccountStatus;
    submitted: boolean;
    enabled: boolean;
    requirements?: Record<string, unknown>;
    connected?: boolean;
  },
) {
  const fw = await seedFieldworker(kit.t.db, business, {
    status: state.status,
    requirements: state.requirements ?? {},
    ...(state.connected === false && { stripeAccountId: null }),
  });
  await kit.t.db
    .updateTable("fieldworker_accounts")
    .set({
      // Never updated by the app; a test moves it back in time.
      created_at: sql`${new Date(NOW.getTime() - daysAgo * DAY)}`,
      details_submitted: state.submitted,
      charges_enabled: state.enabled,
      payouts_enabled: state.enabled,
    })
    .where("user_id", "=", fw.userId)
    .execute();
  return fw.userId;
}

const emailsTo = (userId: string) =>
  kit.t.db
    .selectFrom("emails")
    .select(["template", "status", "props", "subject", "body", "html", "dedupe_key"])
    .where("user_id", "=", userId)
    .execute();

describe("onboarding reminders", () => {
  it("remind an unfinished fieldworker after two days, once however often the pass runs; nobody else", async () => {
    const unfinished = await fieldworker(tenantId, 3, {
      status: "onboarding_incomplete",
      submitted: false,
      enabled: false,
      requirements: DUE,
    });
    const notConnected = await fieldworker(tenantId, 3, {
      status: "not_connected",
      submitted: false,
      enabled: false,
      connected: false,
    });
    const today = await fieldworker(tenantId, 0.2, {
      status: "onboarding_incomplete",
      submitted: false,
      enabled: false,
      requirements: DUE,
    });
    const finished = await fieldworker(tenantId, 3, { status: "active", submitted: true, enabled: true });
    const verifying = await fieldworker(tenantId, 3, {
      status: "pending_verification",
      submitted: true,
      enabled: false,
      requirements: { currently_due: [], pending_verification: ["individual.id_number"] },
    });
    const disconnected = await fieldworker(tenantId, 3, {
      status: "deauthorized",
      submitted: false,
      enabled: false,
      requirements: DUE,
    });

    expect(await remindUnfinishedOnboarding(kit.deps)).toEqual({ reminded: 2 });
    expect(await remindUnfinishedOnboarding(kit.deps)).toEqual({ reminded: 0 });
    await kit.drain();

    const [reminder, ...more] = await emailsTo(unfinished);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      template: "onboarding_incomplete",
      status: "delivered",
      dedupe_key: `onboarding_reminder:2d:${unfinished}`,
      subject: expect.stringMatching(/^Finish setting up payouts with Business /),
    });
    expect(reminder?.props).toMatchObject({
      missing: [expect.stringMatching(/date of birth/i), expect.stringMatching(/bank account/i)],
    });
    expect(reminder?.body).toContain("Your Stripe setup is not finished yet");
    expect(reminder?.body).toMatch(/date of birth/i);
    expect(reminder?.body).toContain(`${WEB_ORIGIN}/app/stripe`);
    expect(reminder?.body).not.toMatch(/individual\.dob|external_account|sk_test|whsec_/);

    const [setUp, ...again] = await emailsTo(notConnected);
    expect(again).toEqual([]);
    expect(setUp?.body).toContain("you have not set up a Stripe account yet");
    expect(setUp?.body).toContain("Set up your Stripe account");

    for (const userId of [today, finished, verifying, disconnected])
      expect(await emailsTo(userId)).toEqual([]);
  });

  it("skip a fieldworker already told what Stripe needs, and businesses that do not use Connect", async () => {
    const told = await fieldworker(tenantId, 5, {
      status: "restricted",
      submitted: true,
      enabled: false,
      requirements: DUE,
    });
    await kit.t.db.transaction().execute((trx) =>
      queueEmail(trx, {
        tenantId,
        to: "told@example.test",
        userId: told,
        template: "onboarding_incomplete",
        props: { name: "Told", missing: ["Your date of birth"], link: `${WEB_ORIGIN}/app/stripe` },
        dedupeKey: "onboarding_incomplete:acct_told:individual.dob.day",
      }),
    );
    const direct = await seedBusiness(kit.t.db, kit.deps.secretBox, { mode: "direct" });
    const elsewhere = await fieldworker(direct.tenantId, 5, {
      status: "onboarding_incomplete",
      submitted: false,
      enabled: false,
      requirements: DUE,
    });
    expect(await remindUnfinishedOnboarding(kit.deps)).toEqual({ reminded: 0 });
    expect(await emailsTo(told)).toHaveLength(1);
    expect(await emailsTo(elsewhere)).toEqual([]);
  });

  it("run in the 15-minute pass", async () => {
    expect(CRONTAB).toContain('*/15 * * * * schedule_tenant_checks ?id=payouts {check:"payouts"}');
    const waiting = await fieldworker(tenantId, 4, {
      status: "onboarding_incomplete",
      submitted: false,
      enabled: false,
      requirements: DUE,
    });
    const pass = createTaskList(kit.deps).schedule_tenant_checks;
    const helpers = { job: { id: "1", task_identifier: "schedule_tenant_checks" } } as unknown as JobHelpers;
    await pass?.({ check: "payouts" }, helpers);
    expect(await emailsTo(waiting)).toMatchObject([{ dedupe_key: `onboarding_reminder:2d:${waiting}` }]);
  });
});
