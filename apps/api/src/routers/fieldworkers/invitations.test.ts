// Inviting a fieldworker and accepting: single use, expiry, withdrawal, the inviting business only.
import { findInvitationByTokenHash } from "@fieldpay/db/repositories/invitations";
import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { hashLinkToken } from "../../auth/link-token.ts";
import { setUpPayments } from "../../booking/testing/portal-setup.ts";
import { authFromToken, callerFor, newBusiness, rejection, testDeps } from "../../testing/harness.ts";
import { renderQueuedEmails } from "../../testing/outbox.ts";

const t = useTestDatabase();

const LINK = /http:\/\/localhost:5173\/invite\/([A-Za-z0-9_-]{43})/;

async function invited(email = `fw-${crypto.randomUUID().slice(0, 8)}@example.com`) {
  const biz = await newBusiness(t.db, "invite");
  const deps = testDeps(t.db);
  const admin = callerFor(deps, biz.auth).caller;
  const invitation = await admin.fieldworkers.invite({ email, name: "Fern Fieldworker" });
  await renderQueuedEmails(t.db);
  const [mail] = await admin.fieldworkers.outbox();
  const token = LINK.exec(mail?.body ?? "")?.[1] ?? "";
  return { biz, deps, admin, invitation, mail, token, email };
}

describe("inviting a fieldworker", () => {
  it("queues a single-use link in the invitation's transaction, shows its delivery, and stores only the token's hash", async () => {
    const { biz, admin, mail, token, invitation, email } = await invited();
    expect(mail).toMatchObject({ to: email, subject: `${biz.auth.tenant.name} invited you to fieldpay` });
    expect(token).toHaveLength(43);
    expect(invitation).toMatchObject({ state: "open", email, name: "Fern Fieldworker" });
    expect(invitation.delivery).toMatchObject({ status: "queued" });
    const [listed] = await admin.fieldworkers.invitations();
    expect(listed?.delivery).toMatchObject({
      status: "delivered",
      summary: "Delivered",
    });
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -4);
    const rows = await t.db.selectFrom("invitations").selectAll().where("id", "=", invitation.id).execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await findInvitationByTokenHash(t.db, hashLinkToken(token))).toMatchObject({
      id: invitation.id,
    });
  });

  it("mentions Stripe payouts when the business pays fieldworkers through Connect", async () => {
    const biz = await newBusiness(t.db, "invite-connect");
    const deps = testDeps(t.db);
    await setUpPayments(deps, biz.auth.tenant.id, { mode: "connect" });
    const admin = callerFor(deps, biz.auth).caller;
    await admin.fieldworkers.invite({ email: "stripe-fw@example.com", name: "Sal" });
    await renderQueuedEmails(t.db);
    const [mail] = await admin.fieldworkers.outbox();
    expect(mail?.body).toContain("set up payouts through Stripe");
  });

  it("refuses to invite while the business takes payments directly, saying how to switch to Connect", async () => {
    const biz = await newBusiness(t.db, "invite-direct");
    const deps = testDeps(t.db);
    await setUpPayments(deps, biz.auth.tenant.id, { mode: "direct" });
    const admin = callerFor(deps, biz.auth).caller;
    const refused = await rejection(
      admin.fieldworkers.invite({ email: "direct-fw@example.com", name: "Dee" }),
    );
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/uses Stripe Connect/),
      cause: { fix: expect.stringContaining("choose Stripe Connect and save") },
    });
    expect(await admin.fieldworkers.invitations()).toEqual([]);
    expect(await admin.fieldworkers.outbox()).toEqual([]);
  });

  it("a new invitation to the same address replaces the earlier link, which says so", async () => {
    const first = await invited();
    await first.admin.fieldworkers.invite({ email: first.email, name: "Fern again" });
    const old = await rejection(callerFor(first.deps).caller.fieldworkers.invitation({ token: first.token }));
    expect(old).toMatchObject({
      code: "CONFLICT",
      message: `A newer invitation was sent to ${first.email}, so this link no longer works.`,
    });
    expect(old.message).not.toMatch(/withdrew/);
    const states = (await first.admin.fieldworkers.invitations()).map((i) => i.state);
    expect(states).toEqual(["open", "revoked"]);
  });

  it("sends an invitation again with a fresh link that works; the old link stops, an accepted one cannot be resent", async () => {
    const first = await invited();
    await t.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", first.invitation.id)
      .execute();
    const again = await first.admin.fieldworkers.resendInvitation({ invitationId: first.invitation.id });
    expect(again).toMatchObject({ state: "open", email: first.email, name: "Fern Fieldworker" });
    await renderQueuedEmails(t.db);
    const mails = await first.admin.fieldworkers.outbox();
    const token =
      LINK.exec(
        mails.find((m) => m.body.includes("/invite/") && !m.body.includes(first.token))?.body ?? "",
      )?.[1] ?? "";
    expect(token).not.toBe(first.token);
    const visitor = callerFor(first.deps).caller;
    expect(await rejection(visitor.fieldworkers.invitation({ token: first.token }))).toMatchObject({
      code: "CONFLICT",
    });
    await visitor.fieldworkers.acceptInvitation({ token, name: "Fern", password: "fern password 1" });
    const accepted = await rejection(first.admin.fieldworkers.resendInvitation({ invitationId: again.id }));
    expect(accepted).toMatchObject({ code: "CONFLICT", message: "This invitation was already accepted." });
  });

  it("refuses an address that already has a staff account, with the fix", async () => {
    const biz = await newBusiness(t.db, "invite-taken");
    const admin = callerFor(testDeps(t.db), biz.auth).caller;
    const error = await rejection(admin.fieldworkers.invite({ email: biz.email, name: "Me" }));
    expect(error).toMatchObject({
      code: "CONFLICT",
      message: "This person already has a fieldpay account in your business.",
    });
    expect(await admin.fieldworkers.invitations()).toEqual([]);
  });
});

describe("accepting an invitation", () => {
  it("creates the fieldworker in the inviting business and signs them in, once", async () => {
    const { biz, deps, token, email, admin } = await invited();
    const anonymous = callerFor(deps);
    expect(await anonymous.caller.fieldworkers.invitation({ token })).toMatchObject({
      businessName: biz.auth.tenant.name,
      email,
      name: "Fern Fieldworker",
    });
    await anonymous.caller.fieldworkers.acceptInvitation({
      token,
      name: "Fern F.",
      password: "fern password 1",
    });
    const auth = await authFromToken(t.db, anonymous.cookies.token ?? "");
    expect(auth.user).toMatchObject({ role: "fieldworker", email, name: "Fern F." });
    expect(auth.tenant.id).toBe(biz.auth.tenant.id);
    expect(await callerFor(deps, auth).caller.fieldworkers.myAccount()).toMatchObject({
      status: "not_connected",
      connected: false,
    });
    const again = await rejection(
      callerFor(deps).caller.fieldworkers.acceptInvitation({
        token,
        name: "Eve",
        password: "eve password 1",
      }),
    );
    expect(again).toMatchObject({ code: "CONFLICT", message: "This invitation has already been used." });
    expect((await admin.fieldworkers.list()).map((f) => f.email)).toEqual([email]);
    expect((await admin.fieldworkers.invitations())[0]?.state).toBe("accepted");
  });

  it("refuses an expired, a withdrawn or a made-up link, and bad input writes nothing", async () => {
    const expired = await invited();
    await t.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", expired.invitation.id)
      .execute();
    const anonymous = callerFor(expired.deps).caller;
    const accept = { name: "X", password: "long enough pw" };
    expect(
      await rejection(anonymous.fieldworkers.acceptInvitation({ token: expired.token, ...accept })),
    ).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/^This invitation expired on /),
    });

    const withdrawn = await invited();
    await withdrawn.admin.fieldworkers.revokeInvitation({ invitationId: withdrawn.invitation.id });
    expect(
      (await rejection(anonymous.fieldworkers.acceptInvitation({ token: withdrawn.token, ...accept })))
        .message,
    ).toBe("The business withdrew this invitation.");

    const madeUp = await rejection(anonymous.fieldworkers.invitation({ token: "x".repeat(43) }));
    expect(madeUp).toMatchObject({ code: "NOT_FOUND", message: "This invitation link is not valid." });

    const open = await invited();
    const short = await rejection(
      anonymous.fieldworkers.acceptInvitation({ token: open.token, name: "Y", password: "short" }),
    );
    expect(short).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at least 10 characters"),
    });
    const users = await t.db.selectFrom("users").select("id").where("email", "=", open.email).execute();
    expect(users).toEqual([]);
    expect((await open.admin.fieldworkers.invitations())[0]?.state).toBe("open");
  });

  it("lets only one of two racing accepts through", async () => {
    const { deps, token, email } = await invited();
    const accept = (name: string) =>
      callerFor(deps)
        .caller.fieldworkers.acceptInvitation({ token, name, password: "race password 1" })
        .then(
          () => "ok",
          (e: Error) => e.message,
        );
    const results = await Promise.all([accept("A"), accept("B")]);
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    const users = await t.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
  });
});
