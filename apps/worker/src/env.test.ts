import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "./env.ts";

describe("worker env", () => {
  it("gets every variable it reads under npm run dev (turbo passes on only the ones turbo.json lists)", () => {
    const turbo = JSON.parse(readFileSync(new URL("../../../turbo.json", import.meta.url), "utf8"));
    expect(turbo.globalPassThroughEnv).toEqual(expect.arrayContaining(Object.keys(envSchema.shape)));
  });
});
