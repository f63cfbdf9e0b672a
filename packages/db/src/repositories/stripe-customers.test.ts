import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../testing/test-database.ts";
import { saveStripeCustomer } from "./stripe-customers.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

describe("saveStripeCustomer", () => {
  it("keeps one row when requests race to store the same Stripe customer (a double click on the first payment)", async () => {
    const tenant = await insertTenant(t.db, { slug: "race-cus", name: "Race" });
    for (let round = 0; round < 40; round++) {
      const user = await insertUser(t.db, {
        tenant_id: tenant.id,
        role: "customer",
        email: `c${round}@race.test`,
        name: "C",
        password_hash: null,
      });
      const row = { tenantId: tenant.id, userId: user.id, stripeCustomerId: `cus_race${round}` };
      const saved = await Promise.all(Array.from({ length: 4 }, () => saveStripeCustomer(t.db, row)));
      expect(new Set(saved.map((s) => s.stripe_customer_id))).toEqual(new Set([row.stripeCustomerId]));
    }
  });
});
