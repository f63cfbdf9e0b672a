// The only place the worker reads process.env: parsed once at start-up, a bad value stops the process with one line.
import { z } from "zod";

export const envSchema = z.object({
  DATABASE_URL: z
    .url({ message: "must be a postgres:// URL (npm run dev sets it)" })
    .refine((v) => v.startsWith("postgres://") || v.startsWith("postgresql://"), "must be a postgres:// URL"),
  STRIPE_API_BASE: z
    .url({ message: "must be a URL such as http://localhost:12111, or unset for the real Stripe API" })
    .optional(),
  APP_ENCRYPTION_KEY: z
    .string({ message: "is missing: a 32-byte key, base64 (npm run dev writes one to .env.local)" })
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64"),
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(5),
  /** Webhook batches applied at once by this process (each holds one database connection while it runs). */
  WEBHOOK_LANES: z.coerce.number().int().min(1).max(16).default(2),
  WEBHOOK_BASE_URL: z
    .url({ message: "must be the URL where Stripe reaches the worker, such as https://hooks.example.com" })
    .default("http://localhost:3001"),
  /** The web app, for the links in emails the worker writes (a balance the customer must pay on the portal). */
  WEB_ORIGIN: z
    .url({ message: "must be the web app's origin, such as http://localhost:5173" })
    .default("http://localhost:5173"),
  /** `npm start` sets production: the log is JSON lines there, one readable line each otherwise. */
  NODE_ENV: z
    .enum(["development", "test", "production"], { message: "must be development, test or production" })
    .default("development"),
});

export type WorkerEnv = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): WorkerEnv | { error: string } {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `${issue?.path.join(".") ?? "environment"} ${issue?.message ?? "is invalid"}` };
}

export function loadEnv(): WorkerEnv {
  const env = parseEnv(process.env);
  if ("error" in env) {
    console.error(`[worker] configuration error: ${env.error}`);
    process.exit(1);
  }
  return env;
}
