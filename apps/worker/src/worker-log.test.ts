// What the worker logs: each webhook delivery under its own id (also in the answer's x-request-id), each job
// under its id and task, each batch of webhook events under its own id; a failure's cause with secrets redacted.
import { requestPayoutCheck } from "@fieldpay/db/repositories/job-queue";
import { captureLog } from "@fieldpay/payments/testing/log-capture";
import { describe, expect, it } from "vitest";
import { processDueEvents } from "./jobs/process-due-events.ts";
import { drainQueue } from "./queue/queue.ts";
import { deliver, listenWorker, stripeEvent, useWorkerBusiness } from "./testing/worker-test-kit.ts";

const captured = captureLog("worker");
const env = useWorkerBusiness((kit) => ({ ...kit.deps, log: captured.log }));
const linesWith = (msg: string) => captured.lines().filter((line) => line.msg === msg);

describe("the worker's log", () => {
  it("each webhook delivery has its own id, in its answer and in the line about it", async () => {
    const event = stripeEvent("payout.created", { id: "po_log", object: "payout" });
    const post = (signature: string) =>
      fetch(`${env.worker.url}/webhooks/stripe/${env.tenantId}`, {
        method: "POST",
        headers: { "content-type": "application/json", "stripe-signature": signature },
        body: JSON.stringify(event),
      });
    const answers = [await post("t=1,v1=deadbeef"), await post("t=2,v1=deadbeef")];
    const ids = answers.map((res) => res.headers.get("x-request-id"));
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect(linesWith("webhook refused")).toEqual(
      ids.map((reqId) =>
        expect.objectContaining({
          level: "warn",
          reqId,
          tenantId: env.tenantId,
          endpoint: "account",
          status: 400,
          reason: "bad_signature",
        }),
      ),
    );
  });

  it("a delivery that fails inside logs its cause, redacted, under its id", async () => {
    const failing = await listenWorker({
      ...env.kit.deps,
      log: captured.log,
      storeEvent: () => Promise.reject(new Error("could not store: sk_live_51StoreFailureKey")),
    });
    const res = await deliver(failing, env.tenantId, stripeEvent("payout.created", { id: "po_fail" }));
    await failing.close();
    expect(res.status).toBe(500);
    const [line] = linesWith("webhook failed");
    expect(line).toMatchObject({ level: "error", err: { message: "could not store: [redacted]" } });
    expect(captured.raw.join("")).not.toMatch(/sk_live|StoreFailureKey/);
  });

  it("a job's lines carry its id and task", async () => {
    await requestPayoutCheck(env.kit.t.db, env.tenantId, "manual");
    await drainQueue({ ...env.kit.deps, log: captured.log }, env.kit.t.url);
    const [line] = linesWith("payout check done");
    expect(line).toMatchObject({
      level: "info",
      jobId: expect.stringMatching(/^\d+$/),
      task: "check_payouts",
    });
  });

  it("each batch of webhook events has its own id, on the line of each event of it that failed", async () => {
    const bad = (id: string) =>
      stripeEvent("payout.paid", {
        id,
        object: "payout",
        amount: 1,
        currency: "not a currency",
        status: "paid",
      });
    const batchIds: unknown[] = [];
    for (const event of [bad("po_log_bad1"), bad("po_log_bad2")]) {
      expect((await deliver(env.worker, env.tenantId, event)).status).toBe(200);
      expect(await processDueEvents({ ...env.kit.deps, log: captured.log }, { limit: 50 })).toMatchObject({
        failed: 1,
      });
      const [line] = linesWith("webhook event failed; it waits for its retry").filter(
        (l) => l.eventId === event.id,
      );
      expect(line).toMatchObject({ level: "warn", tenantId: env.tenantId, batchId: expect.any(String) });
      batchIds.push(line?.batchId);
    }
    expect(new Set(batchIds).size).toBe(2);
  });
});
