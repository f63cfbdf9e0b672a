// Every benchmark prints a markdown table and appends it to bench/results/<name>.md; scripts/bench.mjs
// gathers them into bench/results/latest.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const resultsDir = fileURLToPath(new URL("../results", import.meta.url));

export type Row = Record<string, string | number>;

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function table(rows: readonly Row[]): string {
  const first = rows[0];
  if (!first) return "(no rows)\n";
  const headers = Object.keys(first);
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    line(headers),
    line(headers.map(() => "---")),
    ...rows.map((r) => line(headers.map((h) => r[h] ?? ""))),
  ];
  return `${lines.join("\n")}\n`;
}

/** Prints the section and writes it where scripts/bench.mjs collects it. */
export function publish(name: string, title: string, body: string): void {
  const section = `## ${title}\n\n${body}`;
  process.stdout.write(`\n${section}\n`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(`${resultsDir}/${name}.md`, section);
}

/** Reads the environment the orchestrator hands every benchmark; benches read nothing else. */
export function benchEnv(): { databaseUrl: string; stripeApiBase: string; chromiumPath: string } {
  const { BENCH_DATABASE_URL, STRIPE_API_BASE, CHROMIUM_PATH } = process.env;
  if (!BENCH_DATABASE_URL || !STRIPE_API_BASE || !CHROMIUM_PATH) {
    throw new Error(
      "run benchmarks with `npm run bench`, which provisions PostgreSQL, stripe-mock and Chromium",
    );
  }
  return { databaseUrl: BENCH_DATABASE_URL, stripeApiBase: STRIPE_API_BASE, chromiumPath: CHROMIUM_PATH };
}
