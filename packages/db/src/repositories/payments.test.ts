import { describe, expect, it } from "vitest";
import { seedBooking } from "../testing/booking.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { type AttemptInput, openPaymentAttempt } from "./payments.ts";
import { insertTenant } from "./tenants.ts";
import { insertUser } from "./users.ts";

const t = useTestDatabase();

/** A booking of a business of its own. */
async function newBooking(label: string) {
  const tenant = await insertTenant(t.db, { slug: `att-${label}`, name: `Att ${label}` });
  const customer = await insertUser(t.db, {
    tenant_id: tenant.id,
    role: "customer",
    email: `c@${label}.test`,
    name: "C",
    password_hash: null,
  });
  const { bookingId } = await seedBooking(t.db, tenant.id, customer.id, { price: 7000 });
  const attempt = (n: number): AttemptInput => ({
    tenantId: tenant.id,
    bookingId,
    attempt: n,
    amount: 7000,
    currency: "usd",
    chargeType: "direct",
    fieldworkerAccountId: null,
  });
  return { attempt, bookingId };
}

describe("openPaymentAttempt", () => {
  it("opens an attempt once: opening it again returns the same row, and a race yields one row", async () => {
    const { attempt } = await newBooking("once");
    const first = await openPaymentAttempt(t.db, attempt(1));
    expect(first).toMatchObject({ attempt: 1, status: "creating", amount: 7000, charge_type: "direct" });
    expect(await openPaymentAttempt(t.db, attempt(1))).toEqual(first);
    const raced = await Promise.all([2, 2, 2].map((n) => openPaymentAttempt(t.db, attempt(n))));
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(raced[0]?.id).not.toBe(first.id);
  });

  it("refuses to run inside a transaction, whose own commit it would stop waiting for the disk", async () => {
    const { attempt, bookingId } = await newBooking("in-transaction");
    await expect(t.db.transaction().execute((trx) => openPaymentAttempt(trx, attempt(1)))).rejects.toThrow(
      /outside a transaction/,
    );
    expect(
      await t.db.selectFrom("payments").select("id").where("booking_id", "=", bookingId).execute(),
    ).toEqual([]);
  });
});
