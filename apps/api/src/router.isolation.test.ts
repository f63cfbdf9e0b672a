// Walks every procedure of the router: role boundaries, and that tenant A's users can neither read nor change
// tenant B's objects. A procedure missing from `cases` fails the first test, so none can be forgotten.

import { listAlerts, syncAlerts } from "@fieldpay/db/repositories/alerts";
import { insertInvitation } from "@fieldpay/db/repositories/invitations";
import { replacePasswordReset } from "@fieldpay/db/repositories/password-resets";
import { insertUser } from "@fieldpay/db/repositories/users";
import { useTestDatabase } from "@fieldpay/db/testing";
import { seedBooking } from "@fieldpay/db/testing/booking";
import { tenantSnapshot } from "@fieldpay/db/testing/tenant-snapshot";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { hashPassword } from "./auth/password.ts";
import { createSession } from "./auth/session.ts";
import type { Auth } from "./context.ts";
import { appRouter } from "./router.ts";
import { authFromToken, callerFor, newBusiness, newCustomer, testDeps } from "./testing/harness.ts";

const SECRET_MATERIAL = /(sk|rk)_(test|live)_[A-Za-z0-9]{4,}|whsec_[A-Za-z0-9]{4,}/;

type Who = "anonymous" | "admin" | "fieldworker" | "customer";
const everyone: Who[] = ["anonymous", "admin", "fieldworker", "customer"];
const signedIn: Who[] = ["admin", "fieldworker", "customer"];

interface Fixture {
  b: {
    slug: string;
    adminEmail: string;
    customerEmail: string;
    tenantId: string;
    ids: string[];
    /** The tenant's service and a booking of its customer (booking portal). */
    portal: { serviceId: string; bookingId: string };
    /** An open invitation of the tenant's (Connect). */
    invitationId?: string;
    /** An open payout alert of the tenant's. */
    alertId?: string;
    /** A reset link the tenant's admin sent its customer. */
    resetId?: string;
  };
}
interface Case {
  allowed: Who[];
  /** Input aimed at tenant B's objects wherever the procedure takes a reference. */
  input: (fx: Fixture) => unknown;
  /** Public by design: B's public name may appear (the booking page header). */
  publicData?: boolean;
}

const cases: Record<string, Case> = {
  "system.status": { allowed: everyone, input: () => undefined },
  "auth.me": { allowed: everyone, input: () => undefined },
  "auth.signUpBusiness": {
    allowed: everyone,
    input: (fx) => ({
      businessName: "Copycat",
      slug: fx.b.slug,
      name: "C",
      email: "copy@cat.test",
      password: "long enough pw",
    }),
  },
  "auth.signIn": {
    allowed: everyone,
    input: (fx) => ({ email: fx.b.adminEmail, password: "wrong password" }),
  },
  "auth.customerSignUp": {
    allowed: everyone,
    input: (fx) => ({
      tenantSlug: fx.b.slug,
      name: "C",
      email: fx.b.customerEmail,
      password: "long enough pw",
    }),
  },
  "auth.customerSignIn": {
    allowed: everyone,
    input: (fx) => ({ tenantSlug: fx.b.slug, email: fx.b.customerEmail, password: "wrong password" }),
  },
  "auth.signOut": { allowed: signedIn, input: () => undefined },
  "auth.changePassword": {
    allowed: signedIn,
    input: () => ({ currentPassword: "wrong password", newPassword: "another long pw" }),
  },
  // Anyone may ask for a reset link for any address (only its owner gets the email, and the answer is the same
  // for every address), so no address of B's is used here: that would, by design, write B a reset link.
  "auth.requestPasswordReset": { allowed: everyone, input: () => ({ email: "nobody@isolation.test" }) },
  "auth.passwordReset": { allowed: everyone, input: () => ({ token: "x".repeat(43) }) },
  "auth.resetPassword": {
    allowed: everyone,
    input: () => ({ token: "x".repeat(43), password: "long enough pw" }),
  },
  "portal.business": { allowed: everyone, input: (fx) => ({ slug: fx.b.slug }), publicData: true },
  "people.customers": { allowed: ["admin"], input: () => undefined },
  "people.sendPasswordReset": { allowed: ["admin"], input: (fx) => ({ customerId: fx.b.ids[2] }) },
  "people.passwordResetDelivery": {
    allowed: ["admin"],
    input: (fx) => ({ resetId: fx.b.resetId ?? "00000000-0000-4000-8000-000000000000" }),
  },
  "emailDeliveries.balanceDue": { allowed: ["admin"], input: (fx) => ({ bookingId: fx.b.portal.bookingId }) },
  "emailPreferences.list": { allowed: ["admin"], input: () => undefined },
  "emailPreferences.set": { allowed: ["admin"], input: () => ({ category: "health", enabled: false }) },
  "paymentSettings.get": { allowed: ["admin"], input: () => undefined },
  "paymentSettings.update": {
    allowed: ["admin"],
    input: () => ({
      mode: "direct",
      publishableKey: "pk_test_isolation1",
      secretKey: "sk_test_isolation1",
      connectAccountType: "express",
      currency: "usd",
    }),
  },
  // Booking portal: services (admin), bookings (customer and admin), saved cards (customer).
  "services.list": { allowed: ["admin"], input: () => undefined },
  "services.catalog": { allowed: everyone, input: (fx) => ({ slug: fx.b.slug }), publicData: true },
  "services.create": {
    allowed: ["admin"],
    input: () => ({ name: "Window wash", price: "30.00", durationMinutes: 45 }),
  },
  "services.update": {
    allowed: ["admin"],
    input: (fx) => ({ id: fx.b.portal.serviceId, name: "Taken", price: "1.00", durationMinutes: 30 }),
  },
  "services.preferences": { allowed: ["admin"], input: () => undefined },
  "services.setPreferences": { allowed: ["admin"], input: () => ({ customersChooseFieldworker: false }) },
  "bookings.options": { allowed: ["customer"], input: () => undefined },
  "bookings.create": {
    allowed: ["customer"],
    input: (fx) => ({ serviceId: fx.b.portal.serviceId, startsAt: new Date(Date.now() + 86_400_000) }),
  },
  "bookings.mine": { allowed: ["customer"], input: () => undefined },
  "bookings.get": {
    allowed: ["customer", "admin", "fieldworker"],
    input: (fx) => ({ bookingId: fx.b.portal.bookingId }),
  },
  "bookings.myJobs": { allowed: ["fieldworker"], input: () => undefined },
  "bookings.markDone": {
    allowed: ["fieldworker", "admin"],
    input: (fx) => ({ bookingId: fx.b.portal.bookingId }),
  },
  "overview.get": { allowed: ["admin"], input: () => ({ range: "7d" }) },
  "bookings.pay": { allowed: ["customer"], input: (fx) => ({ bookingId: fx.b.portal.bookingId }) },
  "bookings.refreshPayment": {
    allowed: ["customer", "admin"],
    input: (fx) => ({ bookingId: fx.b.portal.bookingId }),
  },
  "bookings.list": { allowed: ["admin"], input: () => undefined },
  "bookings.refund": {
    allowed: ["admin"],
    input: (fx) => ({
      bookingId: fx.b.portal.bookingId,
      requestId: "0b7c8a52-6a55-4c1e-9d0e-3f7a0c1d2e3f",
      refundApplicationFee: true,
      reverseTransfer: true,
    }),
  },
  "bookings.refundPreview": {
    allowed: ["admin"],
    input: (fx) => ({ bookingId: fx.b.portal.bookingId, refundApplicationFee: true, reverseTransfer: true }),
  },
  "bookings.assignableFieldworkers": { allowed: ["admin"], input: () => undefined },
  "bookings.assignFieldworker": {
    allowed: ["admin"],
    input: (fx) => ({ bookingId: fx.b.portal.bookingId, fieldworkerId: fx.b.ids[3] }),
  },
  "savedCards.list": { allowed: ["customer"], input: () => undefined },
  "savedCards.startSetup": { allowed: ["customer"], input: () => undefined },
  "savedCards.remove": { allowed: ["customer"], input: () => ({ paymentMethodId: "pm_card_visa" }) },
  // Ops (issue 5): no references in their input; the tenant comes from the session only.
  "alerts.list": { allowed: ["admin"], input: () => undefined },
  "alerts.checkPayoutsNow": { allowed: ["admin"], input: () => undefined },
  "alerts.setDismissed": {
    allowed: ["admin"],
    input: (fx) => ({ alertId: fx.b.alertId ?? "00000000-0000-4000-8000-000000000000", dismissed: true }),
  },
  "disputes.list": { allowed: ["admin"], input: (fx) => ({ bookingId: fx.b.portal.bookingId }) },
  "disputes.get": { allowed: ["admin"], input: () => ({ disputeId: "du_isolationB" }) },
  "disputes.submitEvidence": {
    allowed: ["admin"],
    input: () => ({ disputeId: "du_isolationB", submit: true }),
  },
  "paymentSettings.setDisputeLiability": { allowed: ["admin"], input: () => ({ liability: "fieldworker" }) },
  "healthReports.list": { allowed: ["admin"], input: () => undefined },
  "healthReports.runNow": { allowed: ["admin"], input: () => undefined },
  // Connect: fieldworkers (admin), invitations (admin; accepting is public, the token is the credential),
  // a fieldworker's own account (always the signed-in fieldworker: no input names anyone).
  "fieldworkers.list": { allowed: ["admin"], input: () => undefined },
  "fieldworkers.get": { allowed: ["admin"], input: (fx) => ({ fieldworkerId: fx.b.ids[3] }) },
  "fieldworkers.setCommission": {
    allowed: ["admin"],
    input: (fx) => ({ fieldworkerId: fx.b.ids[3], percent: "50", fixed: null }),
  },
  "fieldworkers.refreshStatus": {
    allowed: ["admin", "fieldworker"],
    input: (fx) => ({ fieldworkerId: fx.b.ids[3] }),
  },
  "fieldworkers.previewSplit": {
    allowed: ["admin"],
    input: (fx) => ({ amount: "100.00", fieldworkerId: fx.b.ids[3], bookingId: fx.b.portal.bookingId }),
  },
  "fieldworkers.invite": {
    allowed: ["admin"],
    input: (fx) => ({ email: fx.b.adminEmail, name: "Copy" }),
  },
  "fieldworkers.invitations": { allowed: ["admin"], input: () => undefined },
  "fieldworkers.resendInvitation": {
    allowed: ["admin"],
    input: (fx) => ({ invitationId: fx.b.invitationId ?? "00000000-0000-4000-8000-000000000000" }),
  },
  "fieldworkers.revokeInvitation": {
    allowed: ["admin"],
    input: (fx) => ({ invitationId: fx.b.invitationId ?? "00000000-0000-4000-8000-000000000000" }),
  },
  "fieldworkers.invitation": {
    allowed: everyone,
    input: () => ({ token: "Aq3xZ9kLmN0pQrStUvWxYz0123456789abcdefGHIJK" }),
  },
  "fieldworkers.acceptInvitation": {
    allowed: everyone,
    input: () => ({
      token: "Aq3xZ9kLmN0pQrStUvWxYz0123456789abcdefGHIJK",
      name: "Eve",
      password: "long enough pw",
    }),
  },
  "fieldworkers.outbox": { allowed: ["admin"], input: () => undefined },
  "fieldworkers.myAccount": { allowed: ["fieldworker"], input: () => undefined },
  "fieldworkers.startOnboarding": { allowed: ["fieldworker"], input: () => undefined },
  "fieldworkers.completeOnboarding": { allowed: ["fieldworker"], input: () => undefined },
  "fieldworkers.dashboardLink": { allowed: ["fieldworker"], input: () => undefined },
  "fieldworkers.myEarnings": { allowed: ["fieldworker"], input: () => ({ period: "month" }) },
};

const t = useTestDatabase();

/** A tenant with one signed-in user of each role. */
async function tenantWithEveryRole(label: string) {
  const biz = await newBusiness(t.db, label);
  const customer = await newCustomer(t.db, biz.slug);
  const worker = await insertUser(t.db, {
    tenant_id: biz.auth.tenant.id,
    role: "fieldworker",
    email: `worker@${biz.slug}.test`,
    name: "Wes Worker",
    password_hash: await hashPassword("worker password"),
  });
  const workerSession = await createSession(t.db, { id: worker.id, tenantId: biz.auth.tenant.id });
  const sessions: Record<Who, Auth | null> = {
    anonymous: null,
    admin: biz.auth,
    customer: customer.auth,
    fieldworker: await authFromToken(t.db, workerSession.token),
  };
  const portal = await seedBooking(t.db, biz.auth.tenant.id, customer.auth.user.id);
  const invitation = await insertInvitation(t.db, {
    tenantId: biz.auth.tenant.id,
    email: `invitee@${biz.slug}.test`,
    name: "Ivy Invitee",
    tokenHash: crypto.getRandomValues(new Uint8Array(32)),
    expiresAt: new Date(Date.now() + 86_400_000),
    invitedBy: biz.auth.user.id,
  });
  await syncAlerts(t.db, {
    tenantId: biz.auth.tenant.id,
    findings: [
      {
        key: "late:po_isolation",
        kind: "late",
        severity: "warning",
        accountId: "acct_isolation",
        fieldworkerId: null,
        payoutId: "po_isolation",
        title: "Payout is late",
        explanation: "Late.",
        fix: "Wait.",
        since: new Date(),
      },
    ],
    kinds: ["late"],
    checkedAccounts: ["acct_isolation"],
    watchedAccounts: ["acct_isolation"],
  });
  const { open } = await listAlerts(t.db, biz.auth.tenant.id);
  const reset = await replacePasswordReset(t.db, {
    tenantId: biz.auth.tenant.id,
    userId: customer.auth.user.id,
    tokenHash: crypto.getRandomValues(new Uint8Array(32)),
    expiresAt: new Date(Date.now() + 3_600_000),
  });
  return {
    biz,
    customer,
    worker,
    sessions,
    portal,
    invitationId: invitation.id,
    alertId: open[0]?.id,
    resetId: reset.id,
  };
}

async function outcome(promise: Promise<unknown>): Promise<{ ok: boolean; code?: string; text: string }> {
  try {
    return { ok: true, text: JSON.stringify(await promise) ?? "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, text: error.message };
  }
}

function call(path: string, auth: Auth | null, input: unknown) {
  const { caller } = callerFor(testDeps(t.db), auth);
  const segments = path.split(".");
  // Walk the caller proxy by path; every leaf is a procedure function.
  let target: unknown = caller;
  for (const segment of segments) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== "function") throw new Error(`${path} is not callable`);
  return outcome((target as (input: unknown) => Promise<unknown>)(input));
}

describe("every procedure", () => {
  it("has a case here (a new procedure must say who may call it and how it is scoped)", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(cases).sort());
  });

  it("refuses the roles it does not allow", async () => {
    const a = await tenantWithEveryRole("roles");
    for (const [path, c] of Object.entries(cases)) {
      for (const who of everyone) {
        const result = await call(
          path,
          a.sessions[who],
          c.input({
            b: {
              slug: a.biz.slug,
              adminEmail: a.biz.email,
              customerEmail: a.customer.email,
              tenantId: "",
              ids: [],
              portal: a.portal,
            },
          }),
        );
        const refused =
          !result.ok &&
          (result.code === "UNAUTHORIZED" || result.code === "FORBIDDEN") &&
          /Sign in|does not have access/.test(result.text);
        expect({ path, who, refused }).toEqual({ path, who, refused: !c.allowed.includes(who) });
      }
    }
  });

  it("never lets tenant A read or change tenant B's objects", async () => {
    const a = await tenantWithEveryRole("tenant-a");
    const b = await tenantWithEveryRole("tenant-b");
    const fx: Fixture = {
      b: {
        slug: b.biz.slug,
        adminEmail: b.biz.email,
        customerEmail: b.customer.email,
        tenantId: b.biz.auth.tenant.id,
        ids: [b.biz.auth.tenant.id, b.biz.auth.user.id, b.customer.auth.user.id, b.worker.id],
        portal: b.portal,
        invitationId: b.invitationId,
        ...(b.alertId && { alertId: b.alertId }),
        resetId: b.resetId,
      },
    };
    const secretsOfB = [...fx.b.ids, b.biz.email, b.customer.email, b.worker.email];
    secretsOfB.push(fx.b.portal.serviceId, fx.b.portal.bookingId);
    secretsOfB.push(b.invitationId, `invitee@${b.biz.slug}.test`);
    if (b.alertId) secretsOfB.push(b.alertId);
    secretsOfB.push(b.resetId);
    const before = await tenantSnapshot(t.db, fx.b.tenantId);
    for (const [path, c] of Object.entries(cases)) {
      for (const who of c.allowed) {
        const result = await call(path, a.sessions[who], c.input(fx));
        for (const secret of secretsOfB)
          expect({ path, who, leaked: result.text.includes(secret) }).toEqual({ path, who, leaked: false });
        // No response, success or error, may carry key material of anyone.
        expect({ path, who, secret: SECRET_MATERIAL.test(result.text) }).toEqual({
          path,
          who,
          secret: false,
        });
        if (!c.publicData)
          expect({ path, who, leaked: result.text.includes(b.biz.auth.tenant.name) }).toEqual({
            path,
            who,
            leaked: false,
          });
      }
    }
    expect(await tenantSnapshot(t.db, fx.b.tenantId)).toEqual(before);
  });
});
