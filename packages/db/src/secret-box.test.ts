import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox, SecretBoxError } from "./secret-box.ts";

const key1 = randomBytes(32);
const key2 = randomBytes(32);
const secret = "sk_test_123_not_real";

describe("secret box", () => {
  it("round-trips and never stores the plaintext", () => {
    const box = createSecretBox({ 1: key1 }, 1);
    const sealed = box.seal(secret, "tenant-a", "stripe_secret_key");
    expect(sealed.toString("latin1")).not.toContain("sk_test");
    expect(box.open(sealed, "tenant-a", "stripe_secret_key")).toBe(secret);
  });

  it("uses a fresh nonce every time", () => {
    const box = createSecretBox({ 1: key1 }, 1);
    expect(box.seal(secret, "t", "webhook_secret").equals(box.seal(secret, "t", "webhook_secret"))).toBe(
      false,
    );
  });

  it("refuses a value moved to another tenant or kind, or tampered with", () => {
    const box = createSecretBox({ 1: key1 }, 1);
    const sealed = box.seal(secret, "tenant-a", "stripe_secret_key");
    expect(() => box.open(sealed, "tenant-b", "stripe_secret_key")).toThrow(SecretBoxError);
    expect(() => box.open(sealed, "tenant-a", "webhook_secret")).toThrow(SecretBoxError);
    const tampered = Buffer.from(sealed);
    tampered[20] = (tampered[20] ?? 0) ^ 1;
    expect(() => box.open(tampered, "tenant-a", "stripe_secret_key")).toThrow(/could not be decrypted/);
  });

  it("opens values sealed under an older key version after rotation", () => {
    const old = createSecretBox({ 1: key1 }, 1).seal(secret, "t", "stripe_secret_key");
    const rotated = createSecretBox({ 1: key1, 2: key2 }, 2);
    expect(rotated.open(old, "t", "stripe_secret_key")).toBe(secret);
    expect(rotated.seal(secret, "t", "stripe_secret_key")[0]).toBe(2);
  });

  it("rejects keys of the wrong size", () => {
    expect(() => createSecretBox({ 1: randomBytes(16) }, 1)).toThrow(/32 bytes/);
  });
});
