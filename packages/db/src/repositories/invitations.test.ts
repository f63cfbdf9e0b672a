import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import {
  claimInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations,
  revokeOpenInvitations,
} from "./invitations.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

const DAY = 86_400_000;

async function setup(label: string) {
  const tenant = await insertTenant(t.db, { slug: `inv-${label}`, name: `Inv ${label}` });
  const user = await insertUser(t.db, {
    tenant_id: tenant.id,
    role: "fieldworker",
    email: `${label}@worker.test`,
    name: "W",
    password_hash: null,
  });
  const tokenHash = randomBytes(32);
  const invitation = await insertInvitation(t.db, {
    tenantId: tenant.id,
    email: `${label.toUpperCase()}@Worker.test`,
    name: "Wes",
    tokenHash,
    expiresAt: new Date(Date.now() + 7 * DAY),
    invitedBy: null,
  });
  return { tenant, user, tokenHash, invitation };
}

describe("invitations", () => {
  it("finds an invitation by its token hash with its business, and stores the email in lower case", async () => {
    const { tenant, tokenHash, invitation } = await setup("find");
    const found = await findInvitationByTokenHash(t.db, tokenHash);
    expect(found).toMatchObject({ id: invitation.id, tenant_name: tenant.name, email: "find@worker.test" });
    expect(await findInvitationByTokenHash(t.db, randomBytes(32))).toBeUndefined();
  });

  it("can be claimed once: a second claim (or a racing one) gets false", async () => {
    const { user, invitation } = await setup("once");
    const now = new Date();
    const results = await Promise.all([
      claimInvitation(t.db, { id: invitation.id, userId: user.id, now }),
      claimInvitation(t.db, { id: invitation.id, userId: user.id, now }),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect(await claimInvitation(t.db, { id: invitation.id, userId: user.id, now })).toBe(false);
  });

  it("cannot be claimed once expired or revoked", async () => {
    const expired = await setup("expired");
    const later = new Date(Date.now() + 8 * DAY);
    expect(
      await claimInvitation(t.db, { id: expired.invitation.id, userId: expired.user.id, now: later }),
    ).toBe(false);
    const revoked = await setup("revoked");
    expect(await revokeOpenInvitations(t.db, revoked.tenant.id, { id: revoked.invitation.id })).toBe(1);
    expect(
      await claimInvitation(t.db, { id: revoked.invitation.id, userId: revoked.user.id, now: new Date() }),
    ).toBe(false);
  });

  it("revokes only within its own business", async () => {
    const a = await setup("scope-a");
    const b = await setup("scope-b");
    expect(await revokeOpenInvitations(t.db, a.tenant.id, { id: b.invitation.id })).toBe(0);
    expect(await revokeOpenInvitations(t.db, a.tenant.id, { email: "SCOPE-B@worker.test" })).toBe(0);
    const [listed] = await listInvitations(t.db, b.tenant.id);
    expect(listed?.revoked_at).toBeNull();
    expect(await listInvitations(t.db, a.tenant.id)).toHaveLength(1);
  });
});
