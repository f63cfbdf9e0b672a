// "Your Stripe setup is not finished": in the 15-minute pass, a fieldworker who joined a Connect business two
// days ago or more and has not finished Stripe's onboarding (no account connected, details not submitted, or
// payments or payouts off while Stripe asks for something) gets one reminder, with what is missing in plain
// words and a link to their Stripe page (which makes a fresh onboarding link). Once per fieldworker: the email's
// dedupe key is the mark, written in the email's own transaction; one already told by the account.updated email
// (onboarding-emails.ts) is not reminded. Database only: no Stripe call.
import { queueEmail } from "@fieldpay/db/repositories/emails";
import { describeRequirements } from "@fieldpay/payments/requirements";
import { sql } from "kysely";
import type { WorkerDeps } from "../deps.ts";
import { appLink } from "./app-link.ts";

const REMIND_AFTER_MS = 2 * 24 * 60 * 60 * 1000;

export const reminderKey = (userId: string) => `onboarding_reminder:2d:${userId}`;

const names = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

export async function remindUnfinishedOnboarding(
  deps: Pick<WorkerDeps, "db" | "now" | "webOrigin">,
): Promise<{ reminded: number }> {
  const due = await deps.db
    .selectFrom("fieldworker_accounts as fa")
    .innerJoin("users", "users.id", "fa.user_id")
    .innerJoin("payment_settings as ps", "ps.tenant_id", "fa.tenant_id")
    .select([
      "fa.tenant_id",
      "fa.user_id",
      "fa.stripe_account_id",
      "fa.requirements",
      "users.email",
      "users.name",
    ])
    .where("ps.mode", "=", "connect")
    .where("users.role", "=", "fieldworker")
    .where("fa.status", "!=", "deauthorized")
    .where("fa.created_at", "<=", new Date(deps.now().getTime() - REMIND_AFTER_MS))
    .where((eb) =>
      eb.or([
        eb("fa.stripe_account_id", "is", null),
        eb("fa.details_submitted", "=", false),
        eb.and([
          eb.or([eb("fa.charges_enabled", "=", false), eb("fa.payouts_enabled", "=", false)]),
          eb(
            sql<number>`jsonb_array_length(coalesce(fa.requirements->'currently_due', '[]'::jsonb))`,
            ">",
            0,
          ),
        ]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("emails")
            .select("emails.id")
            .whereRef("emails.tenant_id", "=", "fa.tenant_id")
            .whereRef("emails.user_id", "=", "fa.user_id")
            .where("emails.template", "=", "onboarding_incomplete"),
        ),
      ),
    )
    .orderBy("fa.created_at")
    .execute();
  const link = appLink(deps.webOrigin, "/app/stripe");
  let reminded = 0;
  for (const fieldworker of due) {
    const req = fieldworker.requirements;
    const missing = describeRequirements([...names(req.past_due), ...names(req.currently_due)]);
    const email = await deps.db.transaction().execute((trx) =>
      queueEmail(trx, {
        tenantId: fieldworker.tenant_id,
        to: fieldworker.email,
        userId: fieldworker.user_id,
        template: "onboarding_incomplete",
        props: {
          name: fieldworker.name,
          missing: missing.slice(0, 20).map((m) => m.label),
          link,
          reminder: true,
          connected: fieldworker.stripe_account_id !== null,
        },
        dedupeKey: reminderKey(fieldworker.user_id),
      }),
    );
    if (email.queued) reminded += 1;
  }
  return { reminded };
}
