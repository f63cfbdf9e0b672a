// `tsx src/cli/migrate-queue.ts <database url>`: installs the job queue schema without starting a worker (the
// worker does the same at start-up). Tests of the api use it to get a database the api can queue jobs in.
import { createLogger } from "@fieldpay/payments/log";
import { migrateQueue } from "../queue/queue.ts";

const url = process.argv[2];
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error("usage: migrate-queue <postgres:// url>");
  process.exit(2);
}
await migrateQueue(url, createLogger({ app: "migrate-queue", format: "pretty" }));
