// The only place the api reads process.env: parsed once at start-up, a bad value stops the process with one line.
import { z } from "zod";

const base64Key = z
  .string({ message: "is missing: a 32-byte key, base64 (npm run dev writes one to .env.local)" })
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64");

export const envSchema = z
  .object({
    DATABASE_URL: z
      .url({ message: "must be a postgres:// URL (npm run dev sets it)" })
      .refine(
        (v) => v.startsWith("postgres://") || v.startsWith("postgresql://"),
        "must be a postgres:// URL",
      ),
    STRIPE_API_BASE: z
      .url({ message: "must be a URL such as http://localhost:12111, or unset for the real Stripe API" })
      .optional(),
    APP_ENCRYPTION_KEY: base64Key,
    API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    WEBHOOK_BASE_URL: z
      .url({ message: "must be the URL where Stripe reaches the worker, such as https://hooks.example.com" })
      .default("http://localhost:3001"),
    WEB_ORIGIN: z
      .url({ message: "must be the web app's origin, such as http://localhost:5173" })
      .default("http://localhost:5173"),
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
  })
  .refine((env) => env.SMTP_URL === undefined || env.MAIL_FROM !== undefined, {
    path: ["MAIL_FROM"],
    message:
      'is missing: emails sent through SMTP_URL need a sender, such as "Bright Cleaning <no-reply@example.com>"',
  });

export type ApiEnv = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): ApiEnv | { error: string } {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { error: `${issue?.path.join(".") ?? "environment"} ${issue?.message ?? "is invalid"}` };
}

export function loadEnv(): ApiEnv {
  const env = parseEnv(process.env);
  if ("error" in env) {
    console.error(`[api] configuration error: ${env.error}`);
    process.exit(1);
  }
  return env;
}
