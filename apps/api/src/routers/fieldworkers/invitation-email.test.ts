// Invitations delivered by SMTP (SMTP_URL set): the fieldworker's inbox gets a link that works, and when the mail
// server will not take the email the admin is told why and nothing changes.
import { useTestDatabase } from "@fieldpay/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smtpMailer } from "../../mail/smtp-transport.ts";
import { startSmtpInbox } from "../../mail/testing/smtp-inbox.ts";
import { authFromToken, callerFor, newBusiness, rejection, testDeps } from "../../testing/harness.ts";

const t = useTestDatabase();
/** Addresses the mail server refuses (a mailbox can disappear between two invitations). */
const unknown: string[] = [];
let server: Awaited<ReturnType<typeof startSmtpInbox>>;
beforeAll(async () => {
  server = await startSmtpInbox({ unknown });
});
afterAll(() => server.close());

const LINK = /http:\/\/localhost:5173\/invite\/([A-Za-z0-9_-]{43})/;

async function business(url = server.url) {
  const biz = await newBusiness(t.db, "smtp");
  const deps = { ...testDeps(t.db), mailer: smtpMailer({ url, from: "fieldpay <no-reply@fieldpay.test>" }) };
  return { biz, deps, admin: callerFor(deps, biz.auth).caller };
}

describe("invitations by SMTP", () => {
  it("delivers the invitation to the fieldworker's inbox, and its link signs them up", async () => {
    const { biz, deps, admin } = await business();
    await admin.fieldworkers.invite({ email: "fern@example.com", name: "Fern" });
    const mail = server.received.find((m) => m.to.includes("fern@example.com"));
    expect(mail).toMatchObject({
      from: "no-reply@fieldpay.test",
      subject: `${biz.auth.tenant.name} invited you to fieldpay`,
    });
    const token = LINK.exec(mail?.text ?? "")?.[1] ?? "";
    const visitor = callerFor(deps);
    await visitor.caller.fieldworkers.acceptInvitation({ token, name: "Fern", password: "fern password 1" });
    expect((await authFromToken(t.db, visitor.cookies.token ?? "")).user).toMatchObject({
      role: "fieldworker",
      email: "fern@example.com",
    });
    // Nothing lands in the outbox, the app does not offer it, and its page says why.
    expect(await admin.auth.me()).toMatchObject({ emailOutbox: false });
    expect(await t.db.selectFrom("emails").select("id").execute()).toEqual([]);
    expect(await rejection(admin.fieldworkers.outbox())).toMatchObject({
      code: "NOT_FOUND",
      message: "Emails are delivered for real here, so there is no outbox to show.",
    });
  });

  it("an address the mail server refuses is explained, and the earlier invitation keeps working", async () => {
    const { admin } = await business();
    await admin.fieldworkers.invite({ email: "gone@example.com", name: "First try" });
    unknown.push("gone@example.com");
    const error = await rejection(admin.fieldworkers.invite({ email: "gone@example.com", name: "Again" }));
    expect(error).toMatchObject({
      code: "BAD_REQUEST",
      message: "The mail server refused gone@example.com, so nothing was sent.",
      cause: { fix: "Check the address for typos, or use another one." },
    });
    expect((await admin.fieldworkers.invitations()).map((i) => [i.name, i.state])).toEqual([
      ["First try", "open"],
    ]);
  });

  it("a mail server that cannot be reached is explained with the fix, and no invitation is left behind", async () => {
    const down = await startSmtpInbox();
    await down.close();
    const { admin } = await business(down.url);
    const error = await rejection(admin.fieldworkers.invite({ email: "sal@example.com", name: "Sal" }));
    expect(error).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: "fieldpay could not reach its mail server, so nothing was sent.",
      cause: { fix: expect.stringContaining("check SMTP_URL") },
    });
    expect(await admin.fieldworkers.invitations()).toEqual([]);
  });
});
