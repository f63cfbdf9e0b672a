// The only place the worker reads process.env: parsed once at start-up, a bad value stops the process with one line.
import { z } from "zod";

// The fields alone (a refined schema cannot be picked from, zod 4): the dev relay takes the ones it shares.
export const envFields = z.object({
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
  /** The mail server emails go through; unset: they stay in the dev outbox (shown in the app). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, {
      message:
        "must be an smtp:// or smtps:// URL, such as smtps://user:password@smtp.example.com:465, or unset to keep emails in the outbox",
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/\S+@\S+/, { message: 'must be the sender, such as "Bright Cleaning <no-reply@example.com>"' })
    .optional(),
  /** `npm start` sets production: the log is JSON lines there, one readable line each otherwise. */
  NODE_ENV: z
    .enum(["development", "test", "production"], { message: "must be development, test or production" })
    .default("development"),
});

export const envSchema = envFields.refine(
  (env) => env.SMTP_URL === undefined || env.MAIL_FROM !== undefined,
  {
    path: ["MAIL_FROM"],
    message:
      'is missing: emails sent through SMTP_URL need a sender, such as "Bright Cleaning <no-reply@example.com>"',
  },
);

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
