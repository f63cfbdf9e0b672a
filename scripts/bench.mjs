// `npm run bench`: provisions like `npm test`, then runs each benchmark in bench/ (or those named:
// `npm run bench -- web webhook-ingest`), printing tables and writing bench/results/latest.md.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { installWorkspace, pnpmEnv } from "./lib/install.mjs";
import { log, provisioned, root, run } from "./lib/proc.mjs";

await provisioned(async () => installWorkspace());
// Loaded only now: they need the workspace's packages (pg), which the line above installs on a fresh machine.
const { adminQuery, migrate } = await import("./lib/database.mjs");
const { ensureChromium, startPostgres, startStripeMock } = await import("./lib/services.mjs");

const all = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length) {
  log("bench", `no such benchmark: ${unknown.join(", ")} (have: ${all.join(", ")})`);
  process.exit(2);
}

const { chromiumPath, postgres, stripeMock } = await provisioned(async (running) => {
  const chromiumPath = ensureChromium();
  const postgres = await startPostgres();
  running.push(postgres.stop);
  return { chromiumPath, postgres, stripeMock: await startStripeMock() };
});
const results = join(root, "bench", "results");
let failed = 0;
try {
  for (const name of chosen) {
    // A fresh database per benchmark, so no run measures another's leftovers.
    const database = `fieldpay_bench_${name.replaceAll("-", "_")}`;
    await adminQuery(postgres.adminUrl, async (client) => {
      await client.query(`drop database if exists "${database}" with (force)`);
      await client.query(`create database "${database}"`);
    });
    const url = new URL(postgres.adminUrl);
    url.pathname = `/${database}`;
    migrate(url.toString(), "bench");
    rmSync(join(results, `${name}.md`), { force: true });
    log("bench", `running ${name}`);
    const code = run("node_modules/.bin/tsx", [`bench/${name}.ts`], {
      env: {
        ...pnpmEnv,
        BENCH_DATABASE_URL: url.toString(),
        STRIPE_API_BASE: stripeMock.base,
        CHROMIUM_PATH: chromiumPath,
        FIELDPAY_PG_ADMIN_URL: postgres.adminUrl,
      },
    });
    if (code !== 0) failed += 1;
  }
  const sections = all
    .filter((name) => existsSync(join(results, `${name}.md`)))
    .map((name) => readFileSync(join(results, `${name}.md`), "utf8"));
  const header = `# fieldpay benchmarks\n\nLast run: ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}. Reproduce with \`npm run bench\`.\n\n`;
  writeFileSync(join(results, "latest.md"), header + sections.join("\n"));
  log("bench", `wrote bench/results/latest.md${failed ? ` (${failed} benchmark(s) failed)` : ""}`);
} finally {
  await stripeMock.stop();
  await postgres.stop();
}
process.exit(failed ? 1 : 0);
