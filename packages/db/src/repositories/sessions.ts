import { sql } from "kysely";
import { type Db, runPrepared } from "../client.ts";
import { type AllColumns, columnList } from "../columns.ts";
import type { Role, Session } from "../schema.ts";

export interface SessionWithUser {
  session: Session;
  user: { id: string; tenantId: string; role: Role; email: string; name: string };
  tenant: { id: string; slug: string; name: string };
}

export async function insertSession(db: Db, session: Omit<Session, "created_at">): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

type SessionRow = Session & {
  role: Role;
  email: string;
  user_name: string;
  tenant_slug: string;
  tenant_name: string;
};

const SESSION_COLUMNS: AllColumns<Session> = {
  id: true,
  secret_hash: true,
  user_id: true,
  tenant_id: true,
  expires_at: true,
  created_at: true,
};

/**
 * Every authenticated request runs this, so it is a constant, prepared statement: building the join with kysely
 * each time took about as long as PostgreSQL took to answer it. The session tests check each column lands where
 * typed.
 */
export async function findSessionWithUser(db: Db, sessionId: string): Promise<SessionWithUser | undefined> {
  const {
    rows: [row],
  } = await runPrepared(
    db,
    sql<SessionRow>`
    select ${columnList("s", SESSION_COLUMNS)},
      u.role, u.email, u.name as user_name, t.slug as tenant_slug, t.name as tenant_name
    from sessions s
    join users u on u.id = s.user_id
    join tenants t on t.id = s.tenant_id
    where s.id = ${sessionId}`,
  );
  if (!row) return undefined;
  const { role, email, user_name, tenant_slug, tenant_name, ...session } = row;
  return {
    session,
    user: { id: session.user_id, tenantId: session.tenant_id, role, email, name: user_name },
    tenant: { id: session.tenant_id, slug: tenant_slug, name: tenant_name },
  };
}

export async function extendSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Sessions past their expiry can never be used again (sliding expiry only extends live ones). */
export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const result = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
