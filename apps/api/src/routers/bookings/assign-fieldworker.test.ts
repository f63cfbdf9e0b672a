// Admins give unpaid bookings to fieldworkers (Stripe Connect): what the next charge does, and what waits.

import { describe, expect, it } from "vitest";
import { connectPlatform, fieldworker, markPaid } from "../../booking/testing/connect-platform.ts";
import { useStripeDoubleDeps } from "../../booking/testing/stripe-double.ts";
import { rejection } from "../../testing/harness.ts";

const { stripe, t, deps } = useStripeDoubleDeps();

const tomorrow = () => new Date(Date.now() + 86_400_000);

describe("the admin assigns the fieldworker", () => {
  it("reassigning an unpaid booking closes the old attempt, so the next charge goes to the new fieldworker", async () => {
    const p = await connectPlatform(deps, "express");
    const fay = await fieldworker(t.db, p.tenantId, "Fay", {
      id: `acct_fay${p.tenantId.slice(0, 8)}`,
      type: "express",
    });
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    await p.customer.bookings.pay({ bookingId: id });
    expect((await p.admin.bookings.assignableFieldworkers()).map((f) => f.name)).toEqual(["Wes", "Fay"]);
    const refused = await rejection(
      p.admin.bookings.assignFieldworker({ bookingId: id, fieldworkerId: p.ria.id }),
    );
    expect(refused.message).toBe("That fieldworker cannot take this booking.");
    await p.admin.bookings.assignFieldworker({ bookingId: id, fieldworkerId: fay.id });
    expect((await p.customer.bookings.pay({ bookingId: id })).attempt).toBe(2);
    const [first, second] = stripe().proxy.sent("POST", "/v1/payment_intents");
    expect(first?.form["transfer_data[destination]"]).toBe(p.wesAccount);
    expect(second?.form["transfer_data[destination]"]).toBe(`acct_fay${p.tenantId.slice(0, 8)}`);
    expect(second?.headers["idempotency-key"]).toMatch(/:2$/);
    // Paid: the booking keeps the fieldworker its money went to.
    await markPaid(t.db, p.tenantId, id);
    const late = await rejection(
      p.admin.bookings.assignFieldworker({ bookingId: id, fieldworkerId: p.wes.id }),
    );
    expect(late.code).toBe("CONFLICT");
  });

  it("where the business assigns fieldworkers and none can be paid, the booking waits unassigned", async () => {
    const p = await connectPlatform(deps, "express");
    await p.admin.services.setPreferences({ customersChooseFieldworker: false });
    await t.db
      .updateTable("fieldworker_accounts")
      .set({ charges_enabled: false })
      .where("user_id", "=", p.wes.id)
      .execute();
    const { id } = await p.customer.bookings.create({ serviceId: p.service.id, startsAt: tomorrow() });
    expect((await p.customer.bookings.get({ bookingId: id })).fieldworkerName).toBeNull();
    const error = await rejection(p.customer.bookings.pay({ bookingId: id }));
    expect(error.message).toBe("No fieldworker is assigned to this booking yet, so it cannot be paid.");
    expect(stripe().proxy.sent("POST", "/v1/payment_intents")).toEqual([]);
  });
});
