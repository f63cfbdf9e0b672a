// What the test run was given by scripts/test.mjs, handed to tests through vitest's provide/inject.
import { z } from "zod";

const schema = z.object({
  FIELDPAY_TEST_ADMIN_DATABASE_URL: z.url({
    message: "run the tests with `npm test`, which provisions PostgreSQL",
  }),
  FIELDPAY_TEST_TEMPLATE_DATABASE: z.string().min(1),
  STRIPE_API_BASE: z.url({ message: "run the tests with `npm test`, which starts stripe-mock" }),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
});

export function testEnvironment() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`test environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return {
    adminDatabaseUrl: parsed.data.FIELDPAY_TEST_ADMIN_DATABASE_URL,
    templateDatabase: parsed.data.FIELDPAY_TEST_TEMPLATE_DATABASE,
    stripeApiBase: parsed.data.STRIPE_API_BASE,
    chromiumPath: parsed.data.CHROMIUM_PATH,
  };
}
