// `npm test`: install, provision PostgreSQL, stripe-mock and Chromium, then lint, type-check and run every test.
// Ends with one summary line; exits non-zero when any step failed.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { installWorkspace, pnpmEnv } from "./lib/install.mjs";
import { Failure, log, provisioned, root, run } from "./lib/proc.mjs";

// Anything after `npm test --` goes to vitest (a file or folder filter, --project api, -t "name").
const vitestArgs = process.argv.slice(2);
const started = Date.now();
const { chromiumPath, postgres, stripeMock } = await provisioned(async (running) => {
  installWorkspace();
  // Loaded only now: they need the workspace's packages (pg), which the line above installs on a fresh machine.
  const { ensureChromium, startPostgres, startStripeMock } = await import("./lib/services.mjs");
  const chromiumPath = ensureChromium();
  const postgres = await startPostgres();
  running.push(postgres.stop);
  const stripeMock = await startStripeMock();
  return { chromiumPath, postgres, stripeMock };
});
const { dropTestDatabases, prepareTemplate } = await import("./lib/database.mjs");
// Names carry our pid so that concurrent runs on one cluster never touch each other's databases.
const template = `fieldpay_template${process.pid}`;

let code = 1;
const steps = {};
try {
  await dropTestDatabases(postgres.adminUrl);
  await prepareTemplate(postgres.adminUrl, template);

  log("test", "lint (biome)");
  steps.lint = run("node_modules/.bin/biome", ["check", "."], { env: pnpmEnv }) === 0;
  log("test", "type-check (tsc, every package)");
  steps.typecheck =
    run("node_modules/.bin/turbo", ["run", "typecheck", "--output-logs=errors-only"], { env: pnpmEnv }) === 0;

  const report = join(root, ".data", `vitest-report-${process.pid}.json`);
  mkdirSync(join(root, ".data"), { recursive: true });
  rmSync(report, { force: true });
  log("test", "tests (vitest, every package)");
  const vitestCode = run(
    "node_modules/.bin/vitest",
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...vitestArgs],
    {
      env: {
        ...pnpmEnv,
        FIELDPAY_TEST_ADMIN_DATABASE_URL: postgres.adminUrl,
        FIELDPAY_TEST_TEMPLATE_DATABASE: template,
        STRIPE_API_BASE: stripeMock.base,
        CHROMIUM_PATH: chromiumPath,
      },
    },
  );
  const counts = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : null;
  rmSync(report, { force: true });
  steps.tests = vitestCode === 0 && counts !== null && counts.numTotalTests > 0;
  code = Object.values(steps).every(Boolean) ? 0 : 1;

  const seconds = Math.round((Date.now() - started) / 1000);
  const flag = (ok) => (ok ? "ok" : "FAILED");
  log(
    "test",
    `lint ${flag(steps.lint)} · type-check ${flag(steps.typecheck)} · tests ${flag(steps.tests)} · ${seconds} s`,
  );
  const passed = counts?.numPassedTests ?? 0;
  const failed = (counts?.numFailedTests ?? 0) + (steps.lint ? 0 : 1) + (steps.typecheck ? 0 : 1);
  const skipped = (counts?.numPendingTests ?? 0) + (counts?.numTodoTests ?? 0);
  process.stdout.write(
    `fieldpay: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`,
  );
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  process.stderr.write(`[${error.tag}] ${error.message}\n`);
} finally {
  await dropTestDatabases(postgres.adminUrl, { includeOwn: true });
  await stripeMock.stop();
  await postgres.stop();
}
process.exit(code);
