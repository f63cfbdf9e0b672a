// A Stripe Connect business for portal tests: 10% + $0.30 commission, a service, a fieldworker who can be paid
// (Wes), one who cannot (Ria), and a signed-in customer.
import type { Db } from "@fieldpay/db/client";
import { applyPaymentIntentSnapshot } from "@fieldpay/db/repositories/payment-events";
import { insertUser } from "@fieldpay/db/repositories/users";
import type { ConnectAccountType } from "@fieldpay/db/schema";
import type { ApiDeps } from "../../context.ts";
import { callerFor, newBusiness, newCustomer } from "../../testing/harness.ts";
import { connectedFieldworker, setUpPayments } from "./portal-setup.ts";

export async function fieldworker(
  db: Db,
  tenantId: string,
  name: string,
  account: Parameters<typeof connectedFieldworker>[3],
) {
  const user = await insertUser(db, {
    tenant_id: tenantId,
    role: "fieldworker",
    email: `${name.toLowerCase()}-${account.id.toLowerCase()}@fw.test`,
    name,
    password_hash: null,
  });
  await connectedFieldworker(db, tenantId, user.id, account);
  return user;
}

export async function connectPlatform(deps: ApiDeps, type: ConnectAccountType) {
  const biz = await newBusiness(deps.db, `connect-${type}`);
  const tenantId = biz.auth.tenant.id;
  await setUpPayments(deps, tenantId, { mode: "connect", accountType: type, commissionBps: 1000, fixed: 30 });
  const admin = callerFor(deps, biz.auth).caller;
  const service = await admin.services.create({ name: "Lawn mowing", price: "100.00", durationMinutes: 60 });
  const suffix = tenantId.slice(0, 8);
  const wes = await fieldworker(deps.db, tenantId, "Wes", { id: `acct_wes${suffix}`, type });
  const ria = await fieldworker(deps.db, tenantId, "Ria", {
    id: `acct_ria${suffix}`,
    type,
    chargesEnabled: false,
  });
  const customer = callerFor(deps, (await newCustomer(deps.db, biz.slug)).auth).caller;
  return { biz, tenantId, admin, service, wes, ria, customer, suffix, wesAccount: `acct_wes${suffix}` };
}

/** What the worker does when Stripe's payment_intent.succeeded arrives for the booking's newest attempt. */
export async function markPaid(db: Db, tenantId: string, bookingId: string) {
  const row = await db
    .selectFrom("payments")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "=", bookingId)
    .orderBy("attempt", "desc")
    .executeTakeFirstOrThrow();
  await applyPaymentIntentSnapshot(db, {
    tenantId,
    paymentIntentId: row.payment_intent_id ?? "",
    status: "succeeded",
    eventAt: new Date(),
  });
  return row;
}
