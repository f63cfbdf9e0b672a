// Fieldworker invitations: single use, expiring, revocable. Only the SHA-256 of a link's token is stored.
import { type Selectable, sql } from "kysely";
import type { Db } from "../client.ts";
import type { InvitationsTable } from "../schema.ts";

export type Invitation = Selectable<InvitationsTable>;

export async function insertInvitation(
  db: Db,
  input: {
    tenantId: string;
    email: string;
    name: string;
    tokenHash: Uint8Array;
    expiresAt: Date;
    invitedBy: string | null;
  },
): Promise<Invitation> {
  return db
    .insertInto("invitations")
    .values({
      tenant_id: input.tenantId,
      email: input.email.toLowerCase(),
      name: input.name,
      token_hash: input.tokenHash,
      expires_at: input.expiresAt,
      invited_by: input.invitedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The invitation behind a link, with its business. Not scoped by tenant: the person opening the link has no
 * session yet, and the token (128+ random bits) is what names the invitation and so its business.
 */
export async function findInvitationByTokenHash(db: Db, tokenHash: Uint8Array) {
  return db
    .selectFrom("invitations")
    .innerJoin("tenants", "tenants.id", "invitations.tenant_id")
    .selectAll("invitations")
    .select(["tenants.name as tenant_name", "tenants.slug as tenant_slug"])
    .where("invitations.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

export async function findInvitation(db: Db, tenantId: string, id: string): Promise<Invitation | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Newest first; accepted, revoked and expired ones too, so the admin sees what happened to each. */
export async function listInvitations(db: Db, tenantId: string, limit = 100): Promise<Invitation[]> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}

/** Whether a later invitation went to the same address: a withdrawn one was then replaced ("Send again"). */
export async function hasNewerInvitation(
  db: Db,
  invitation: Pick<Invitation, "id" | "tenant_id" | "email" | "created_at">,
): Promise<boolean> {
  const newer = await db
    .selectFrom("invitations")
    .select("id")
    .where("tenant_id", "=", invitation.tenant_id)
    .where("id", "!=", invitation.id)
    .where("email", "=", invitation.email)
    .where("created_at", ">", invitation.created_at)
    .limit(1)
    .executeTakeFirst();
  return newer !== undefined;
}

/** Revokes invitations still open (not accepted, not revoked); returns how many. */
export async function revokeOpenInvitations(
  db: Db,
  tenantId: string,
  filter: { id?: string; email?: string },
): Promise<number> {
  let query = db
    .updateTable("invitations")
    .set({ revoked_at: sql`now()` })
    .where("tenant_id", "=", tenantId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null);
  if (filter.id !== undefined) query = query.where("id", "=", filter.id);
  if (filter.email !== undefined) query = query.where("email", "=", filter.email.toLowerCase());
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Uses the invitation up, atomically: of two people racing with one link, exactly one gets true. Refuses an
 * accepted, revoked or expired invitation.
 */
export async function claimInvitation(
  db: Db,
  input: { id: string; userId: string; now: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ accepted_at: input.now, user_id: input.userId })
    .where("id", "=", input.id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", input.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Forgets invitations never accepted that expired before `before` (withdrawn ones included, once past their
 * expiry): the admin's list keeps them until then, with "Send again". Accepted invitations stay, as the record of
 * how a fieldworker joined; their link was used up when they were accepted.
 */
export async function deleteLapsedInvitations(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom("invitations")
    .where("accepted_at", "is", null)
    .where("expires_at", "<", before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
