// The only place the api reads process.env: parsed once at start-up, a bad value stops the process with one line.
import { z } from "zod";
import { invalidProxyEntry } from "./auth/client-address.ts";

const base64Key = z
  .string({ message: "is missing: a 32-byte key, base64 (npm run dev writes one to .env.local)" })
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded as base64");

/** Browsers keep Secure cookies over https, and over plain http on localhost only. */
function httpsOrLocal(origin: string): boolean {
  const url = new URL(origin);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

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
    /** `npm start` sets production: Secure cookies always, and an https WEB_ORIGIN (localhost aside). */
    NODE_ENV: z
      .enum(["development", "test", "production"], { message: "must be development, test or production" })
      .default("development"),
    /** Reverse proxies whose X-Forwarded-For names the client (auth/client-address.ts); unset: none. */
    TRUSTED_PROXIES: z
      .string()
      .refine((v) => invalidProxyEntry(v) === null, {
        error: (issue) =>
          `must be addresses or CIDR ranges separated by commas, such as 10.0.0.0/8,::1 (${invalidProxyEntry(String(issue.input))} is neither)`,
      })
      .optional(),
    /** The built SPA (apps/web/dist) the api serves on its own origin; unset: no SPA (Vite serves it in dev). */
    WEB_DIST_DIR: z.string().min(1).optional(),
  })
  .refine((env) => env.NODE_ENV !== "production" || httpsOrLocal(env.WEB_ORIGIN), {
    path: ["WEB_ORIGIN"],
    message:
      "must be https:// in production (the session cookie is Secure), such as https://app.example.com; http:// only for localhost",
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
