// The hourly purge: what can never be used again goes, what is live (or still explains itself) stays.
import { randomBytes, randomUUID } from "node:crypto";
import { insertInvitation } from "@fieldpay/db/repositories/invitations";
import { insertSession } from "@fieldpay/db/repositories/sessions";
import { insertUser } from "@fieldpay/db/repositories/users";
import { parseCrontab } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRONTAB, createTaskList } from "../queue/task-list.ts";
import { seedBusiness, type WorkerTestKit, workerTestKit } from "../testing/worker-test-kit.ts";
import { purgeExpiredTokens } from "./purge-expired-tokens.ts";

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
let kit: WorkerTestKit;
beforeAll(async () => {
  kit = await workerTestKit({ now: () => NOW });
});
afterAll(async () => {
  await kit.t.drop();
});

async function business() {
  const db = kit.t.db;
  const { tenantId } = await seedBusiness(db, kit.deps.secretBox);
  const user = await insertUser(db, {
    tenant_id: tenantId,
    role: "customer",
    email: `c-${randomUUID().slice(0, 8)}@example.test`,
    name: "Casey",
    password_hash: null,
  });
  const session = (label: string, expires: Date) =>
    insertSession(db, {
      id: `${label}-${randomUUID()}`,
      secret_hash: randomBytes(32),
      user_id: user.id,
      tenant_id: tenantId,
      expires_at: expires,
    });
  const reset = (label: string, expires: Date, used: Date | null = null) =>
    db
      .insertInto("password_resets")
      .values({
        tenant_id: tenantId,
        user_id: user.id,
        token_hash: Buffer.from(`${label}-${randomUUID()}`),
        expires_at: expires,
        used_at: used,
      })
      .execute();
  const invitation = async (name: string, expires: Date, state: "open" | "accepted" | "revoked" = "open") => {
    const row = await insertInvitation(db, {
      tenantId,
      email: `${name}-${randomUUID().slice(0, 8)}@example.test`,
      name,
      tokenHash: randomBytes(32),
      expiresAt: expires,
      invitedBy: null,
    });
    if (state === "open") return;
    await db
      .updateTable("invitations")
      .set(state === "accepted" ? { accepted_at: at(-40), user_id: user.id } : { revoked_at: at(-40) })
      .where("id", "=", row.id)
      .execute();
  };
  const left = async () => ({
    sessions: (
      await db.selectFrom("sessions").select("id").where("tenant_id", "=", tenantId).orderBy("id").execute()
    ).map((r) => r.id.split("-")[0]),
    resets: (
      await db.selectFrom("password_resets").select("token_hash").where("tenant_id", "=", tenantId).execute()
    )
      .map((r) => Buffer.from(r.token_hash).toString().split("-")[0])
      .sort(),
    invitations: (
      await db.selectFrom("invitations").select("name").where("tenant_id", "=", tenantId).execute()
    )
      .map((r) => r.name)
      .sort(),
  });
  return { session, reset, invitation, left };
}

describe("purgeExpiredTokens", () => {
  it("deletes expired sessions, long-expired reset links and long-lapsed invitations nobody accepted", async () => {
    const b = await business();
    await b.session("expired", at(-1 / 24));
    await b.session("live", at(29));
    await b.reset("old", at(-8));
    await b.reset("oldused", at(-8), at(-8.1));
    await b.reset("recent", at(-1));
    await b.reset("live", at(1 / 24));
    await b.invitation("lapsed", at(-31));
    await b.invitation("withdrawn", at(-31), "revoked");
    await b.invitation("joined", at(-31), "accepted");
    await b.invitation("expiredlately", at(-29));
    await b.invitation("open", at(6));

    const summary = await purgeExpiredTokens(kit.deps);

    expect(await b.left()).toEqual({
      sessions: ["live"],
      resets: ["live", "recent"],
      invitations: ["expiredlately", "joined", "open"],
    });
    expect(summary).toMatchObject({ sessions: 1, passwordResets: 2, invitations: 2 });
    expect(await purgeExpiredTokens(kit.deps)).toEqual({ sessions: 0, passwordResets: 0, invitations: 0 });
  });
});

describe("the purge's schedule", () => {
  it("runs hourly as a task the worker has", () => {
    const item = parseCrontab(CRONTAB).find((entry) => entry.task === "purge_expired_tokens");
    const runsAt = (hour: number, min: number) => item?.match({ min, hour, date: 3, month: 12, dow: 4 });
    expect([runsAt(0, 37), runsAt(5, 37), runsAt(23, 37)]).toEqual([true, true, true]);
    expect([runsAt(5, 36), runsAt(5, 38)]).toEqual([false, false]);
    expect(Object.keys(createTaskList(kit.deps))).toContain("purge_expired_tokens");
  });
});
