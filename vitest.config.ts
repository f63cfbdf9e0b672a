import { defineConfig } from "vitest/config";
import { testEnvironment } from "./test/environment.ts";

// One vitest run covers every package; each folder is a project that inherits this config.
const project = (name: string, root: string, extra: { testTimeout?: number } = {}) => ({
  extends: true as const,
  test: { name, root, include: ["src/**/*.test.{ts,tsx}", "e2e/**/*.test.ts"], ...extra },
});

export default defineConfig({
  test: {
    provide: testEnvironment(),
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      project("db", "packages/db"),
      project("payments", "packages/payments"),
      project("ui", "packages/ui"),
      project("api", "apps/api"),
      project("worker", "apps/worker"),
      project("web", "apps/web", { testTimeout: 60_000 }),
    ],
  },
});
