// The outbox (DESIGN.md "Email and other side effects"): an email is a row written in the caller's transaction,
// with the change that causes it, and a deliver_email job for the worker. What it says is rendered at delivery
// from its template and props; where its delivery stands is on the row, for the admin to see.
import type { Db } from "../client.ts";
import type {
  EmailCategory,
  EmailFailure,
  EmailStatus,
  EmailTemplate,
  OptionalEmailCategory,
} from "../schema-emails.ts";
import { enqueueJob, jobQueueInstalled } from "./job-queue.ts";

export type {
  EmailCategory,
  EmailFailure,
  EmailStatus,
  EmailTemplate,
  OptionalEmailCategory,
} from "../schema-emails.ts";

/** Which category each template is in: the category decides whether a recipient may have turned it off. */
export const EMAIL_CATEGORIES: Record<EmailTemplate, EmailCategory> = {
  invitation: "sign_in",
  password_reset: "sign_in",
  receipt: "transactional",
  refund_made: "transactional",
  payment_needs_attention: "transactional",
  payout_sent: "fieldworker",
  payout_failed: "fieldworker",
  payout_late: "fieldworker",
  onboarding_incomplete: "fieldworker",
  dispute_opened: "disputes",
  payout_failures: "payout_failures",
  health_failing: "health",
};

export const OPTIONAL_CATEGORIES: readonly OptionalEmailCategory[] = [
  "payout_failures",
  "health",
  "disputes",
];

const isOptional = (category: EmailCategory): category is OptionalEmailCategory =>
  (OPTIONAL_CATEGORIES as readonly string[]).includes(category);

export interface QueueEmailInput {
  tenantId: string;
  to: string;
  /** The recipient's account, when they have one: their opt-outs apply, and the admin sees whose email it is. */
  userId: string | null;
  template: EmailTemplate;
  props: Record<string, unknown>;
  /** One email per key per business: the same problem found again (every 15 minutes) writes nothing more. */
  dedupeKey?: string;
}

export const deliveryJobKey = (emailId: string) => `deliver_email:${emailId}`;

/** Asks the worker to deliver one email (now, or at its next attempt). */
export function requestDelivery(db: Db, email: { id: string; tenantId: string }, runAt?: Date) {
  return enqueueJob(db, {
    task: "deliver_email",
    payload: { tenantId: email.tenantId, emailId: email.id },
    jobKey: deliveryJobKey(email.id),
    ...(runAt && { runAt }),
  });
}

async function optedOut(trx: Db, userId: string, category: OptionalEmailCategory): Promise<boolean> {
  const row = await trx
    .selectFrom("email_opt_outs")
    .select("user_id")
    .where("user_id", "=", userId)
    .where("category", "=", category)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Writes the email in the caller's transaction and asks for its delivery (once the worker has installed the
 * queue; before that, its periodic pass finds the row). `queued` is false when nothing will be sent: the same
 * dedupe key was queued before (its id is returned), or the recipient turned this category off (the row is kept
 * as "suppressed", so turning it back on never sends old news). Sign-in links and customers' emails always go.
 */
export async function queueEmail(trx: Db, input: QueueEmailInput): Promise<{ id: string; queued: boolean }> {
  const category = EMAIL_CATEGORIES[input.template];
  const suppressed =
    input.userId !== null && isOptional(category) && (await optedOut(trx, input.userId, category));
  const inserted = await trx
    .insertInto("emails")
    .values({
      tenant_id: input.tenantId,
      template: input.template,
      props: JSON.stringify(input.props),
      to_address: input.to.toLowerCase(),
      user_id: input.userId,
      category,
      dedupe_key: input.dedupeKey ?? null,
      status: suppressed ? "suppressed" : "queued",
    })
    .onConflict((oc) => oc.columns(["tenant_id", "dedupe_key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) {
    const existing = await trx
      .selectFrom("emails")
      .select("id")
      .where("tenant_id", "=", input.tenantId)
      .where("dedupe_key", "=", input.dedupeKey ?? "")
      .executeTakeFirstOrThrow();
    return { id: existing.id, queued: false };
  }
  if (suppressed) return { id: inserted.id, queued: false };
  if (await jobQueueInstalled(trx)) await requestDelivery(trx, { id: inserted.id, tenantId: input.tenantId });
  return { id: inserted.id, queued: true };
}

export interface EmailDelivery {
  id: string;
  status: EmailStatus;
  attempts: number;
  failure: EmailFailure | null;
  lastAnswer: string | null;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
  createdAt: Date;
}

/** Where the email queued under a dedupe key stands (an invitation's, a reset link's): the admin's badge. */
export async function findEmailByKey(
  db: Db,
  tenantId: string,
  dedupeKey: string,
): Promise<EmailDelivery | undefined> {
  return db
    .selectFrom("emails")
    .select([
      "id",
      "status",
      "attempts",
      "failure",
      "last_answer as lastAnswer",
      "delivered_at as deliveredAt",
      "next_attempt_at as nextAttemptAt",
      "created_at as createdAt",
    ])
    .where("tenant_id", "=", tenantId)
    .where("dedupe_key", "=", dedupeKey)
    .executeTakeFirst();
}

/** How the workers deliver ("outbox" until a worker with SMTP_URL has started). */
export async function mailTransportKind(db: Db): Promise<"smtp" | "outbox"> {
  const row = await db.selectFrom("mail_transport").select("kind").executeTakeFirst();
  return row?.kind ?? "outbox";
}
