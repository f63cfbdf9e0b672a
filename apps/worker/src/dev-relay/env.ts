// The dev relay's environment, parsed once at start-up. It runs only against a local stripe-mock: with the real
// Stripe API (no STRIPE_API_BASE, or one that is not on this machine) it refuses to start.
import { z } from "zod";
import { envFields } from "../env.ts";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export const relayEnvSchema = envFields.pick({ DATABASE_URL: true, APP_ENCRYPTION_KEY: true }).extend({
  STRIPE_API_BASE: z
    .url({ message: "must be stripe-mock's URL: the dev relay plays Stripe only in front of stripe-mock" })
    .refine(
      (v) => LOOPBACK.has(new URL(v).hostname),
      "must be a stripe-mock on this machine: the dev relay never runs with the real Stripe API",
    ),
  WORKER_URL: z
    .url({ message: "must be the worker's URL, such as http://localhost:3001" })
    .default("http://localhost:3001"),
  DEV_RELAY_PORT: z.coerce.number().int().min(1).max(65535).default(3002),
});

export type RelayEnv = z.infer<typeof relayEnvSchema>;

export function parseRelayEnv(source: Record<string, string | undefined>): RelayEnv | { error: string } {
  const parsed = relayEnvSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `${issue?.path.join(".") ?? "environment"} ${issue?.message ?? "is invalid"}` };
}
