import { describe, expect, it } from "vitest";
import { checkCredentialFormat, classifyKey, keyMode, maskSecret } from "./keys.ts";

const check = (publishableKey: string, secretKey: string) =>
  checkCredentialFormat({ publishableKey, secretKey });

describe("checkCredentialFormat", () => {
  it("accepts a test pair and a live pair, trimming pasted whitespace", () => {
    expect(check(" pk_test_123\n", "\tsk_test_123 ")).toEqual({
      ok: true,
      publishableKey: "pk_test_123",
      secretKey: "sk_test_123",
      mode: "test",
      secretKind: "secret",
    });
    expect(check("pk_live_123", "sk_live_123")).toMatchObject({
      ok: true,
      mode: "live",
      secretKind: "secret",
    });
  });

  it("accepts a restricted key as the secret", () => {
    expect(check("pk_test_123", "rk_test_123")).toMatchObject({
      ok: true,
      mode: "test",
      secretKind: "restricted",
    });
  });

  it("spots a Secret key in the Publishable key field", () => {
    expect(check("sk_test_123", "sk_test_456")).toEqual({
      ok: false,
      problem: "secret_in_publishable_field",
      field: "publishableKey",
      message: "This looks like a Secret key in the Publishable key field.",
      fix: expect.stringContaining("pk_"),
    });
  });

  it("spots a Publishable key in the Secret key field", () => {
    expect(check("pk_test_123", "pk_test_456")).toMatchObject({
      ok: false,
      problem: "publishable_in_secret_field",
      field: "secretKey",
      message: "This looks like a Publishable key in the Secret key field.",
    });
  });

  it("spots swapped keys", () => {
    expect(check("sk_test_123", "pk_test_123")).toMatchObject({ ok: false, problem: "keys_swapped" });
  });

  it("explains mixed modes with the dashboard's Test mode toggle", () => {
    expect(check("pk_test_123", "sk_live_123")).toEqual({
      ok: false,
      problem: "mode_mismatch",
      field: "secretKey",
      message:
        "Your Publishable key is a test key but your Secret key is a live key: use both from the same mode (the 'Test mode' toggle in the Stripe dashboard).",
      fix: expect.stringContaining("Test mode"),
    });
    expect(check("pk_live_123", "rk_test_123")).toMatchObject({
      problem: "mode_mismatch",
      message: expect.stringMatching(/^Your Publishable key is a live key but your Secret key is a test key/),
    });
  });

  it.each([
    ["", "sk_test_123", "publishable_missing", "publishableKey"],
    ["pk_test_123", "   ", "secret_missing", "secretKey"],
    ["hello", "sk_test_123", "publishable_unrecognized", "publishableKey"],
    ["pk_test_123", "sk_test_12 3", "secret_unrecognized", "secretKey"],
    ["pk_test_123", "sk_demo_123", "secret_unrecognized", "secretKey"],
    ["pk_test_123", "whsec_abc", "webhook_secret_in_field", "secretKey"],
    ["whsec_abc", "sk_test_123", "webhook_secret_in_field", "publishableKey"],
  ])("refuses %j / %j as %s", (publishableKey, secretKey, problem, field) => {
    expect(check(publishableKey, secretKey)).toMatchObject({ ok: false, problem, field });
  });

  it("never repeats the keys, nor spells out a secret prefix, in its messages", () => {
    const cases: Array<[string, string]> = [
      ["sk_test_abcdef", "sk_test_abcdef"],
      ["sk_test_abcdef", "pk_test_abcdef"],
      ["pk_test_abcdef", "pk_test_abcdef"],
      ["pk_test_abcdef", "sk_live_abcdef"],
      ["pk_test_abcdef", "nonsense_abcdef"],
      ["nonsense_abcdef", "sk_test_abcdef"],
      ["pk_test_abcdef", "whsec_abcdef"],
      ["", "sk_test_abcdef"],
      ["pk_test_abcdef", ""],
    ];
    for (const [pk, sk] of cases) {
      const result = check(pk, sk);
      if (result.ok) throw new Error(`${pk} / ${sk} should have been refused`);
      expect(`${result.message} ${result.fix}`).not.toMatch(/abcdef|sk_|rk_|whsec_/);
    }
  });
});

describe("classifyKey and keyMode", () => {
  it("reads kind and mode from the prefix", () => {
    expect(classifyKey("rk_live_123")).toEqual({ kind: "restricted", mode: "live" });
    expect(classifyKey("whsec_123")).toEqual({ kind: "webhook_secret", mode: null });
    expect(classifyKey("sk_123")).toBeNull();
    expect(keyMode("pk_live_123")).toBe("live");
    expect(keyMode("nope")).toBeNull();
  });
});

describe("maskSecret", () => {
  it("shows the prefix and the last 4 only", () => {
    expect(maskSecret("sk_test_abcd1234")).toBe("sk_test_…1234");
    expect(maskSecret("rk_live_zyxwvuts9876")).toBe("rk_live_…9876");
    expect(maskSecret("whsec_abcdefgh5678")).toBe("whsec_…5678");
  });

  it("shows nothing of a secret too short to hide the rest", () => {
    expect(maskSecret("sk_test_123")).toBe("sk_test_…");
    expect(maskSecret("short")).toBe("…");
  });
});
