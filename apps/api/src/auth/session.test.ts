import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { newBusiness } from "../testing/harness.ts";
import {
  createSession,
  invalidateUserSessions,
  SESSION_LIFETIME_MS,
  validateSessionToken,
} from "./session.ts";

const t = useTestDatabase();

const DAY = 24 * 60 * 60 * 1000;

describe("sessions", () => {
  it("validates a fresh token and stores only the hash of its secret", async () => {
    const biz = await newBusiness(t.db);
    const [id, secret] = biz.token.split(".");
    expect(secret?.length).toBeGreaterThanOrEqual(26); // 160 bits in base32
    const row = await t.db.selectFrom("sessions").selectAll().where("id", "=", id!).executeTakeFirstOrThrow();
    expect(Buffer.from(row.secret_hash).toString("utf8")).not.toContain(secret);
    expect(Buffer.from(row.secret_hash)).toHaveLength(32);
    const valid = await validateSessionToken(t.db, biz.token);
    expect(valid?.user.email).toBe(biz.email);
    expect(valid?.tenant.slug).toBe(biz.slug);
    // Every column in its place and type (the lookup is a hand-written statement).
    expect(valid).toEqual({
      session: row,
      user: {
        id: row.user_id,
        tenantId: row.tenant_id,
        role: "admin",
        email: biz.email,
        name: "Ada Admin",
      },
      tenant: { id: row.tenant_id, slug: biz.slug, name: `Business ${biz.slug}` },
      renewedUntil: null,
    });
    expect(valid?.session.expires_at).toBeInstanceOf(Date);
  });

  it("rejects tampered, truncated and made-up tokens", async () => {
    const biz = await newBusiness(t.db);
    const [id, secret] = biz.token.split(".") as [string, string];
    const flipped = `${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    for (const token of [flipped, id, `${id}.`, `.${secret}`, "x.y", `${biz.token}.extra`, "a".repeat(500)]) {
      expect(await validateSessionToken(t.db, token)).toBeNull();
    }
  });

  it("expires after its lifetime and is deleted when seen expired", async () => {
    const biz = await newBusiness(t.db);
    const now = new Date();
    const session = await createSession(t.db, { id: biz.auth.user.id, tenantId: biz.auth.tenant.id }, now);
    const later = new Date(now.getTime() + SESSION_LIFETIME_MS + 1000);
    expect(await validateSessionToken(t.db, session.token, later)).toBeNull();
    expect(await validateSessionToken(t.db, session.token, now)).toBeNull();
  });

  it("slides the expiry forward once past half its life, and not before", async () => {
    const biz = await newBusiness(t.db);
    const now = new Date();
    const session = await createSession(t.db, { id: biz.auth.user.id, tenantId: biz.auth.tenant.id }, now);
    const early = await validateSessionToken(t.db, session.token, new Date(now.getTime() + 2 * DAY));
    expect(early?.renewedUntil).toBeNull();
    const late = new Date(now.getTime() + 20 * DAY);
    const renewed = await validateSessionToken(t.db, session.token, late);
    expect(renewed?.renewedUntil?.getTime()).toBe(late.getTime() + SESSION_LIFETIME_MS);
    // Renewed: still valid where the original expiry would have ended it.
    expect(
      await validateSessionToken(t.db, session.token, new Date(now.getTime() + 40 * DAY)),
    ).not.toBeNull();
  });

  it("revokes every session of a user at once", async () => {
    const biz = await newBusiness(t.db);
    const other = await createSession(t.db, { id: biz.auth.user.id, tenantId: biz.auth.tenant.id });
    expect(await invalidateUserSessions(t.db, biz.auth.user.id)).toBe(2);
    expect(await validateSessionToken(t.db, biz.token)).toBeNull();
    expect(await validateSessionToken(t.db, other.token)).toBeNull();
  });
});
