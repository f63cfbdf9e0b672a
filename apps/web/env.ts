// The only place the web build reads process.env (the dev server's proxy target); the SPA itself reads none.
import { z } from "zod";

const schema = z.object({
  API_URL: z
    .url({ message: "must be the api's URL, such as http://localhost:3000" })
    .default("http://localhost:3000"),
  WEB_PORT: z.coerce.number().int().min(1).max(65535).default(5173),
  /** Set by `npm run dev` against stripe-mock only: the dev relay that plays Stripe's part (see dev/). */
  DEV_STRIPE_RELAY_URL: z
    .url({ message: "must be the dev relay's URL, such as http://localhost:3002" })
    .optional(),
});

export function loadWebEnv(source: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    console.error(`[web] configuration error: ${issue?.path.join(".")} ${issue?.message}`);
    process.exit(1);
  }
  return parsed.data;
}
