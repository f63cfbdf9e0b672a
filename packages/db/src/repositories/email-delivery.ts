// The worker's side of the outbox: claim an email, then record what the mail server answered. An email being
// sent is "sending"; one a killed worker left there is due again after a few minutes (sending twice beats never).
import { sql } from "kysely";
import type { Db } from "../client.ts";
import type { EmailFailure } from "../schema-emails.ts";
import { requestDelivery } from "./emails.ts";
import { jobQueueInstalled } from "./job-queue.ts";

export type { EmailFailure } from "../schema-emails.ts";

const STUCK_SENDING_SECONDS = 300;

/** Takes a due email for delivery (queued, or left sending by a killed worker); undefined when it is not due. */
export async function claimEmail(db: Db, tenantId: string, emailId: string, now: Date) {
  return db
    .updateTable("emails")
    .set({ status: "sending", attempts: sql`attempts + 1`, updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", emailId)
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
        eb.and([
          eb("status", "=", "sending"),
          eb("updated_at", "<", new Date(now.getTime() - STUCK_SENDING_SECONDS * 1000)),
        ]),
      ]),
    )
    .returning(["id", "tenant_id", "template", "props", "to_address", "attempts"])
    .executeTakeFirst();
}

/**
 * Gives a claimed email back (an unexpected error, such as a database hiccup, before the server answered): the
 * task's own retry claims it again instead of finding it "sending" and waiting minutes for the periodic pass.
 */
export async function releaseEmail(db: Db, emailId: string): Promise<void> {
  await db
    .updateTable("emails")
    .set({ status: "queued" })
    .where("id", "=", emailId)
    .where("status", "=", "sending")
    .execute();
}

/** Who the email is from: the business's name, and its first admin's address for questions. */
export async function emailBusiness(db: Db, tenantId: string) {
  const row = await db
    .selectFrom("tenants")
    .select((eb) => [
      "tenants.name",
      eb
        .selectFrom("users")
        .select("users.email")
        .whereRef("users.tenant_id", "=", "tenants.id")
        .where("users.role", "=", "admin")
        .orderBy("users.created_at")
        .limit(1)
        .as("contactEmail"),
    ])
    .where("tenants.id", "=", tenantId)
    .executeTakeFirstOrThrow();
  return { name: row.name, contactEmail: row.contactEmail ?? null };
}

export interface Rendered {
  subject: string;
  body: string;
  html: string;
}

export async function recordDelivered(
  db: Db,
  emailId: string,
  outcome: {
    transport: "smtp" | "outbox";
    answer: string | null;
    rendered: Rendered;
    at: Date;
    /** A sign-in link that left the machine: its token is not kept here (only the subject stays). */
    forgetContent?: boolean;
  },
): Promise<void> {
  const content = outcome.forgetContent
    ? { subject: outcome.rendered.subject, body: null, html: null, props: "{}" }
    : outcome.rendered;
  await db
    .updateTable("emails")
    .set({
      status: "delivered",
      transport: outcome.transport,
      last_answer: outcome.answer,
      failure: null,
      ...content,
      delivered_at: outcome.at,
      updated_at: outcome.at,
    })
    .where("id", "=", emailId)
    .execute();
}

/**
 * A failed attempt: tried again at `retryAt` (its job asked for in the same transaction), or failed for good when
 * `retryAt` is null. The server's answer is kept either way, for the admin.
 */
export async function recordAttemptFailed(
  db: Db,
  email: { id: string; tenantId: string },
  outcome: {
    failure: EmailFailure;
    answer: string;
    retryAt: Date | null;
    at: Date;
    rendered?: Rendered;
    /** A sign-in link that failed for good: its token is not kept (the admin sends a fresh one). */
    forgetProps?: boolean;
  },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("emails")
      .set({
        status: outcome.retryAt ? "queued" : "failed",
        failure: outcome.failure,
        last_answer: outcome.answer,
        ...(outcome.retryAt && { next_attempt_at: outcome.retryAt }),
        ...outcome.rendered,
        ...(outcome.forgetProps && { props: "{}" }),
        updated_at: outcome.at,
      })
      .where("id", "=", email.id)
      .execute();
    if (outcome.retryAt && (await jobQueueInstalled(trx))) await requestDelivery(trx, email, outcome.retryAt);
  });
}

/**
 * The periodic pass: emails due with no delivery job waiting (queued before the worker installed the queue, or
 * left sending by a killed worker) get one. Returns how many.
 */
export async function requestDueDeliveries(db: Db, now: Date, limit = 500): Promise<number> {
  if (!(await jobQueueInstalled(db))) return 0;
  const stuck = new Date(now.getTime() - STUCK_SENDING_SECONDS * 1000);
  const rows = await db
    .selectFrom("emails")
    .select(["id", "tenant_id"])
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "queued"), eb("next_attempt_at", "<=", now)]),
        eb.and([eb("status", "=", "sending"), eb("updated_at", "<", stuck)]),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom(sql<{ key: string }>`graphile_worker.jobs`.as("j"))
            .select(sql`1`.as("one"))
            .where(sql<boolean>`j.key = ${sql.lit("deliver_email:")} || emails.id::text`),
        ),
      ),
    )
    .orderBy("next_attempt_at")
    .limit(limit)
    .execute();
  for (const row of rows) await requestDelivery(db, { id: row.id, tenantId: row.tenant_id });
  return rows.length;
}

/** The worker says at start-up how it delivers; the api offers the dev outbox page only while that is "outbox". */
export async function publishMailTransport(db: Db, kind: "smtp" | "outbox"): Promise<void> {
  await db
    .insertInto("mail_transport")
    .values({ kind })
    .onConflict((oc) => oc.column("id").doUpdateSet({ kind, updated_at: new Date() }))
    .execute();
}
