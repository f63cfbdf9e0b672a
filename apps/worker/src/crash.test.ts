// Kill the real worker process with SIGKILL while it is in the middle of a batch (one event provably mid-way:
// its handler is blocked on a row this test holds), restart it, and every stored event is processed exactly once.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { holdUncommitted } from "@fieldpay/db/testing/hold-uncommitted";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  deliver,
  seedBusiness,
  stripeEvent,
  type WorkerTestKit,
  workerTestKit,
} from "./testing/worker-test-kit.ts";

const workerDir = fileURLToPath(new URL("..", import.meta.url));
let kit: WorkerTestKit;
let tenantId: string;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startWorker(port: number) {
  // Node itself with tsx as a loader (not the tsx CLI, which would stay between us and the process we kill).
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: {
      ...process.env,
      DATABASE_URL: kit.t.url,
      APP_ENCRYPTION_KEY: kit.encryptionKey,
      STRIPE_API_BASE: inject("stripeApiBase"),
      WORKER_PORT: String(port),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  children.push(child);
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200)
    .catch((error: unknown) => {
      throw new Error(`the worker did not start: ${String(error)}\n${output}`);
    });
  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", body, headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  return { child, post };
}

beforeAll(async () => {
  kit = await workerTestKit();
  ({ tenantId } = await seedBusiness(kit.t.db, kit.deps.secretBox));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await kit.t.drop();
});

const payout = (id: string) => ({
  id,
  object: "payout",
  amount: 700,
  currency: "usd",
  status: "paid",
  arrival_date: 1_900_000_000,
  created: 1_900_000_000,
});

describe("a worker killed with SIGKILL mid-batch", () => {
  it("loses nothing: after a restart every stored event is processed exactly once", {
    timeout: 120_000,
  }, async () => {
    const port = await freePort();
    const first = await startWorker(port);
    // Hold an uncommitted payout row: the handler for this payout blocks on it, mid-transaction.
    const blocker = await holdUncommitted(kit.t.db, (trx) =>
      sql`insert into payouts (id, tenant_id, account_id, amount, currency, status, stripe_created_at)
        values ('po_blocked', ${tenantId}, 'acct_business', 1, 'usd', 'pending', now())`.execute(trx),
    );
    const blocked = stripeEvent("payout.paid", payout("po_blocked"));
    expect((await deliver(first, tenantId, blocked)).status).toBe(200);
    // The worker's batch holding the event waits on our row lock: the event is provably mid-way.
    await expect
      .poll(
        async () => {
          const { rows } = await sql`select 1 from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(kit.t.db);
          return rows.length;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const batch = Array.from({ length: 40 }, (_, i) => stripeEvent("payout.paid", payout(`po_batch${i}`)));
    for (const event of batch) expect((await deliver(first, tenantId, event)).status).toBe(200);

    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    await blocker.rollBack();
    const before = await kit.t.db
      .selectFrom("webhook_events")
      .select("id")
      .where("processed_at", "is", null)
      .execute();
    expect(before.map((r) => r.id)).toContain(blocked.id);

    await startWorker(port);
    await expect
      .poll(
        async () =>
          (
            await kit.t.db
              .selectFrom("webhook_events")
              .select("id")
              .where("processed_at", "is", null)
              .execute()
          ).length,
        { timeout: 60_000, interval: 500 },
      )
      .toBe(0);
    const events = await kit.t.db.selectFrom("webhook_events").select(["id", "attempts"]).execute();
    expect(events).toHaveLength(41);
    // One committed attempt each: the killed attempt rolled back with its connection.
    expect(events.every((e) => e.attempts === 1)).toBe(true);
    const payouts = await kit.t.db
      .selectFrom("payouts")
      .select(["id", "status"])
      .where("tenant_id", "=", tenantId)
      .execute();
    expect(payouts).toHaveLength(41);
    expect(payouts.every((p) => p.status === "paid")).toBe(true);
  });
});
