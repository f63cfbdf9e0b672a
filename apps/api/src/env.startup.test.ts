import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("..", import.meta.url));

function start(env: Record<string, string>) {
  // The real entry point, with only the variables given (plus PATH to find node).
  const result = spawnSync("node_modules/.bin/tsx", ["src/main.ts"], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("api start-up with a bad environment", () => {
  it("stops with exit code 1 and one line naming the missing variable", () => {
    const run = start({ APP_ENCRYPTION_KEY: Buffer.alloc(32).toString("base64") });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")).toEqual([
      expect.stringMatching(/^\[api\] configuration error: DATABASE_URL must be a postgres:\/\/ URL/),
    ]);
  });

  it("names a malformed key and says what is expected", () => {
    const run = start({ DATABASE_URL: "postgres://u:p@127.0.0.1:1/x", APP_ENCRYPTION_KEY: "too-short" });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "[api] configuration error: APP_ENCRYPTION_KEY must be 32 bytes encoded as base64",
    );
  });
});
