import { describe, expect, it } from "vitest";
import { createDb } from "../client.ts";
import { checkDatabase } from "../health.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { ensureTenant, findTenantBySlug } from "./tenants.ts";

const t = useTestDatabase();

describe("tenants", () => {
  it("creates a tenant once and returns the same row when asked again", async () => {
    const first = await ensureTenant(t.db, { slug: "acme-plumbing", name: "Acme Plumbing" });
    const again = await ensureTenant(t.db, { slug: "acme-plumbing", name: "Another name" });
    expect(again.id).toBe(first.id);
    expect(again.name).toBe("Acme Plumbing");
    expect((await findTenantBySlug(t.db, "acme-plumbing"))?.id).toBe(first.id);
  });

  it("refuses a slug that is not url-safe", async () => {
    await expect(ensureTenant(t.db, { slug: "Bad Slug!", name: "x" })).rejects.toThrow(/check constraint/);
    expect(await findTenantBySlug(t.db, "Bad Slug!")).toBeUndefined();
  });
});

describe("checkDatabase", () => {
  it("reports a reachable database", async () => {
    const health = await checkDatabase(t.db);
    expect(health.ok).toBe(true);
  });

  it("explains an unreachable database instead of throwing", async () => {
    const dead = createDb({ url: "postgres://postgres:postgres@127.0.0.1:1/nothing", max: 1 });
    const health = await checkDatabase(dead);
    await dead.destroy();
    expect(health).toMatchObject({ ok: false, reason: expect.stringMatching(/PostgreSQL is not reachable/) });
  });
});
