import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envFields, parseEnv } from "./env.ts";

const good = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("worker env", () => {
  it("gets every variable it reads under npm run dev (turbo passes on only the ones turbo.json lists)", () => {
    const turbo = JSON.parse(readFileSync(new URL("../../../turbo.json", import.meta.url), "utf8"));
    expect(turbo.globalPassThroughEnv).toEqual(expect.arrayContaining(Object.keys(envFields.shape)));
  });

  it("takes an SMTP server with its sender, and never repeats the URL (it holds a password) in an error", () => {
    const smtp = {
      ...good,
      SMTP_URL: "smtps://u:secret@mail.example.com:465",
      MAIL_FROM: "B <no-reply@b.test>",
    };
    expect(parseEnv(smtp)).toMatchObject({ SMTP_URL: smtp.SMTP_URL, MAIL_FROM: smtp.MAIL_FROM });
    const parsed = parseEnv({ ...smtp, MAIL_FROM: undefined });
    expect("error" in parsed && parsed.error).toMatch(/^MAIL_FROM is missing: emails sent through/);
    expect("error" in parsed && parsed.error).not.toContain("secret");
    expect(parseEnv({ ...good, SMTP_URL: "mail.example.com:587" })).toEqual({
      error: expect.stringMatching(/^SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/),
    });
    expect(parseEnv({ ...good, SMTP_URL: "smtp://mail.example.com", MAIL_FROM: "nobody" })).toEqual({
      error: expect.stringMatching(/^MAIL_FROM must be the sender/),
    });
  });
});
