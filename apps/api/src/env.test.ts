import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema, parseEnv } from "./env.ts";

const good = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("api env", () => {
  it("accepts a complete environment and fills defaults", () => {
    expect(parseEnv(good)).toMatchObject({ API_PORT: 3000, WEB_ORIGIN: "http://localhost:5173" });
  });

  it("in production takes an https origin, or http on localhost (browsers keep Secure cookies there)", () => {
    const production = { ...good, NODE_ENV: "production" };
    for (const origin of ["https://app.example.com", "http://localhost:3000", "http://127.0.0.1:8080"]) {
      expect(parseEnv({ ...production, WEB_ORIGIN: origin })).toMatchObject({ WEB_ORIGIN: origin });
    }
    expect(parseEnv({ ...good, TRUSTED_PROXIES: "10.0.0.0/8, ::1" })).toMatchObject({
      TRUSTED_PROXIES: "10.0.0.0/8, ::1",
    });
  });

  it.each([
    [{ ...good, DATABASE_URL: undefined }, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ ...good, DATABASE_URL: "mysql://x/y" }, /^DATABASE_URL must be a postgres:\/\/ URL/],
    [{ ...good, APP_ENCRYPTION_KEY: "c2hvcnQ=" }, /^APP_ENCRYPTION_KEY must be 32 bytes/],
    [{ ...good, STRIPE_API_BASE: "not a url" }, /^STRIPE_API_BASE must be a URL/],
    [{ ...good, API_PORT: "70000" }, /^API_PORT/],
    [
      { ...good, TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal" },
      /^TRUSTED_PROXIES .*\(proxy\.internal is neither\)/,
    ],
    [{ ...good, NODE_ENV: "staging" }, /^NODE_ENV must be development, test or production/],
    [
      { ...good, NODE_ENV: "production", WEB_ORIGIN: "http://app.example.com" },
      /^WEB_ORIGIN must be https:\/\/ in production/,
    ],
  ])("names the variable that is wrong (%#)", (env, message) => {
    const parsed = parseEnv(env);
    expect("error" in parsed && parsed.error).toMatch(message);
  });

  it("gets every variable it reads under npm run dev (turbo passes on only the ones turbo.json lists)", () => {
    const turbo = JSON.parse(readFileSync(new URL("../../../turbo.json", import.meta.url), "utf8"));
    expect(turbo.globalPassThroughEnv).toEqual(expect.arrayContaining(Object.keys(envSchema.shape)));
  });
});
