// The SMTP transport against a real SMTP server on loopback: what arrives, and each way delivery can fail.
import { afterEach, describe, expect, it } from "vitest";
import { MailDeliveryError } from "./mailer.ts";
import { requiresTls, smtpMailer } from "./smtp-transport.ts";
import { startSmtpInbox } from "./testing/smtp-inbox.ts";

const servers: { close(): Promise<void> }[] = [];
async function inbox(options?: Parameters<typeof startSmtpInbox>[0]) {
  const server = await startSmtpInbox(options);
  servers.push(server);
  return server;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const email = {
  to: "fern@example.com",
  subject: "Bright Cleaning invited you to fieldpay",
  text: `Hello Fern,\n\nAccept the invitation: http://localhost:5173/invite/${"x".repeat(43)}\n\nSee you — Bright`,
  html: `<p>Hello Fern,</p><p><a href="http://localhost:5173/invite/${"x".repeat(43)}">Accept</a></p>`,
};

async function failure(promise: Promise<unknown>): Promise<MailDeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof MailDeliveryError))
    throw new Error(`expected a MailDeliveryError, got ${String(error)}`);
  return error;
}

describe("smtpMailer", () => {
  it("hands the email to the server: sender, recipient, subject, both parts with the link intact", async () => {
    const server = await inbox();
    const mailer = smtpMailer({ url: server.url, from: "Bright Cleaning <no-reply@bright.test>" });
    expect(mailer.kind).toBe("smtp");
    expect(await mailer.send(email)).toMatch(/^250 /);
    expect(server.received).toEqual([
      {
        from: "no-reply@bright.test",
        to: ["fern@example.com"],
        subject: email.subject,
        text: expect.stringContaining(email.text.replaceAll("\n", "\r\n")),
        html: expect.stringContaining(email.html),
      },
    ]);
  });

  it("a server asking to try later (451) is a failure worth retrying, with its answer", async () => {
    const server = await inbox({ deferFirst: 1 });
    const mailer = smtpMailer({ url: server.url, from: "no-reply@bright.test" });
    const later = await failure(mailer.send(email));
    expect(later.failure).toBe("unreachable");
    expect(later.detail).toMatch(/451 .*try again later/);
    await mailer.send(email);
    expect(server.received).toHaveLength(1);
  });

  it("signs in with the user and password in the URL; a wrong password is refused without repeating it", async () => {
    const server = await inbox({ login: { user: "fieldpay", password: "s3cret pass" } });
    await smtpMailer({ url: server.url, from: "no-reply@bright.test" }).send(email);
    expect(server.received).toHaveLength(1);
    const wrong = smtpMailer({
      url: `smtp://fieldpay:guess@127.0.0.1:${server.port}`,
      from: "no-reply@bright.test",
    });
    const error = await failure(wrong.send(email));
    expect(error.failure).toBe("refused");
    expect(error.detail).toMatch(/^EAUTH: .*Invalid username or password/);
    expect(`${error.message} ${error.detail}`).not.toContain("guess");
    expect(server.received).toHaveLength(1);
  });

  it("tells an address the server refuses apart from a server it cannot reach", async () => {
    const server = await inbox({ unknown: ["nobody@example.com"] });
    const mailer = smtpMailer({ url: server.url, from: "no-reply@bright.test" });
    const refused = await failure(mailer.send({ ...email, to: "nobody@example.com" }));
    expect(refused).toMatchObject({ failure: "recipient_refused" });
    expect(refused.detail).toMatch(/550 .*no such mailbox here/);
    await server.close();
    const down = await failure(mailer.send(email));
    expect(down.failure).toBe("unreachable");
  });

  it("requires TLS for smtp:// to another machine, so a password never travels in clear text", () => {
    expect(requiresTls("smtp://u:p@smtp.example.com:587")).toBe(true);
    expect(requiresTls("smtps://u:p@smtp.example.com:465")).toBe(false); // TLS from the first byte
    expect(requiresTls("smtp://127.0.0.1:25")).toBe(false);
    expect(requiresTls("smtp://localhost:1025")).toBe(false);
  });
});
