// Sign-in sessions, password reset links and fieldworker invitations that can no longer be used, forgotten on a
// schedule (hourly, CRONTAB in queue/task-list.ts), so the tables holding token hashes stay as small as what is
// live. Reset links and invitations are kept a while past expiry: until then an old link still says why it
// stopped working, and the admin still sees the lapsed invitation with "Send again".
import { deleteLapsedInvitations } from "@fieldpay/db/repositories/invitations";
import { deleteExpiredPasswordResets } from "@fieldpay/db/repositories/password-resets";
import { deleteExpiredSessions } from "@fieldpay/db/repositories/sessions";
import type { WorkerDeps } from "../deps.ts";

const DAY_MS = 86_400_000;
/** How long an expired reset link still explains itself. Links last an hour. */
export const RESET_LINKS_KEPT_DAYS = 7;
/** How long an invitation nobody accepted stays in the admin's list after it expired. Links last 7 days. */
export const LAPSED_INVITATIONS_KEPT_DAYS = 30;

export interface PurgeSummary {
  sessions: number;
  passwordResets: number;
  invitations: number;
}

export async function purgeExpiredTokens(deps: Pick<WorkerDeps, "db" | "now">): Promise<PurgeSummary> {
  const now = deps.now();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    sessions: await deleteExpiredSessions(deps.db, now),
    passwordResets: await deleteExpiredPasswordResets(deps.db, daysAgo(RESET_LINKS_KEPT_DAYS)),
    invitations: await deleteLapsedInvitations(deps.db, daysAgo(LAPSED_INVITATIONS_KEPT_DAYS)),
  };
}
