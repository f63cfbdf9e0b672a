// A real SMTP server on 127.0.0.1 for tests (smtp-server, by nodemailer's authors): what it accepted, decoded
// enough to read, and switches for the answers a real server gives (an unknown address, a required sign-in).
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  /** The text part, with quoted-printable line breaks and escapes undone. */
  text: string;
  /** The HTML part, decoded the same way ("" when there is none). */
  html: string;
}

export interface SmtpInboxOptions {
  /** Addresses the server answers 550 to. */
  unknown?: readonly string[];
  /** When set, the server requires this sign-in. */
  login?: { user: string; password: string };
  /** The server answers 451 ("try again later") to this many messages before it accepts any. */
  deferFirst?: number;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function splitPart(raw: string) {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const body = raw.slice(split + 4);
  return { head, body: /quoted-printable/i.test(head) ? decodeQuotedPrintable(body) : body };
}

function parse(raw: string, envelope: { from: string; to: string[] }): ReceivedEmail {
  const { head, body } = splitPart(raw);
  const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? "";
  const boundary = /boundary="?([^";\s]+)"?/i.exec(head)?.[1];
  if (!boundary) return { ...envelope, subject, text: body, html: "" };
  const parts = raw
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => splitPart(p.replace(/^\r\n/, "")));
  const part = (type: string) => parts.find((p) => new RegExp(`content-type: ${type}`, "i").test(p.head));
  return { ...envelope, subject, text: part("text/plain")?.body ?? "", html: part("text/html")?.body ?? "" };
}

export async function startSmtpInbox(options: SmtpInboxOptions = {}) {
  const received: ReceivedEmail[] = [];
  let deferred = 0;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (its default certificate is self-signed), sign-in allowed without it.
    disabledCommands: options.login ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    allowInsecureAuth: true,
    authOptional: !options.login,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.login?.user && auth.password === options.login?.password;
      callback(
        ok ? null : new Error("Invalid username or password"),
        ok ? { user: auth.username } : undefined,
      );
    },
    onRcptTo(address, _session, callback) {
      if (!options.unknown?.includes(address.address)) return callback();
      callback(Object.assign(new Error(`<${address.address}>: no such mailbox here`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      if (deferred < (options.deferFirst ?? 0)) {
        deferred += 1;
        stream.resume();
        stream.on("end", () =>
          callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 })),
        );
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push(parse(Buffer.concat(chunks).toString("latin1"), { from, to }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const login = options.login ? `${options.login.user}:${encodeURIComponent(options.login.password)}@` : "";
  return {
    /** SMTP_URL for this server (with the sign-in, when it requires one). */
    url: `smtp://${login}127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
