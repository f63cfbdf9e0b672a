// "Forgot your password?" end to end through the api: the link arrives (outbox), works once, ends every old
// session, lifts a sign-in lockout; asking never tells whether an address has an account.
import { useTestDatabase } from "@fieldpay/db/testing";
import { describe, expect, it } from "vitest";
import { validateSessionToken } from "../../auth/session.ts";
import {
  authFromToken,
  callerFor,
  newBusiness,
  newCustomer,
  rejection,
  testDeps,
} from "../../testing/harness.ts";
import { emailsTo as emailsToAddress } from "../../testing/outbox.ts";

const t = useTestDatabase();
const LINK = /http:\/\/localhost:5173\/reset-password\/([A-Za-z0-9_-]{43})/;

let visitors = 0;

function setUp() {
  const deps = testDeps(t.db);
  // A browser on our page, from an address of its own.
  const visitor = () =>
    callerFor(deps, null, {
      ip: `10.0.${Math.floor(visitors / 250)}.${(visitors++ % 250) + 1}`,
      origin: null,
      secFetchSite: "same-origin",
    });
  return { deps, visitor };
}

const emailsTo = (address: string) => emailsToAddress(t.db, address);

describe("password reset", () => {
  it("emails a link that sets a new password once, signs out the old sessions and signs in", async () => {
    const { visitor } = setUp();
    const biz = await newBusiness(t.db, "reset");
    expect(await visitor().caller.auth.requestPasswordReset({ email: biz.email.toUpperCase() })).toEqual({
      requested: true,
    });
    const [mail] = await emailsTo(biz.email);
    expect(mail?.subject).toBe(`Reset your ${biz.auth.tenant.name} password`);
    const token = LINK.exec(mail?.body ?? "")?.[1] ?? "";
    expect(await visitor().caller.auth.passwordReset({ token })).toEqual({
      email: biz.email,
      businessName: biz.auth.tenant.name,
      portalSlug: null,
    });
    const browser = visitor();
    expect(await browser.caller.auth.resetPassword({ token, password: "a brand new pw" })).toEqual({
      signedIn: true,
      portalSlug: null,
    });
    expect((await authFromToken(t.db, browser.cookies.token ?? "")).user.email).toBe(biz.email);
    expect(await validateSessionToken(t.db, biz.token)).toBeNull();
    await expect(
      visitor().caller.auth.signIn({ email: biz.email, password: biz.password }),
    ).rejects.toThrow();
    await visitor().caller.auth.signIn({ email: biz.email, password: "a brand new pw" });
    const again = await rejection(visitor().caller.auth.resetPassword({ token, password: "another new pw" }));
    expect(again).toMatchObject({ code: "CONFLICT", message: "This reset link was already used." });
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const { visitor } = setUp();
    expect(await visitor().caller.auth.requestPasswordReset({ email: "nobody@nowhere.test" })).toEqual({
      requested: true,
    });
    expect(await emailsTo("nobody@nowhere.test")).toEqual([]);
  });

  it("a customer resets on their business's portal; a customer address is not a staff account", async () => {
    const { visitor } = setUp();
    const biz = await newBusiness(t.db, "reset-portal");
    const customer = await newCustomer(t.db, biz.slug);
    await visitor().caller.auth.requestPasswordReset({ email: customer.email });
    expect(await emailsTo(customer.email)).toEqual([]);
    await visitor().caller.auth.requestPasswordReset({ email: customer.email, tenantSlug: biz.slug });
    const token = LINK.exec((await emailsTo(customer.email))[0]?.body ?? "")?.[1] ?? "";
    expect(await visitor().caller.auth.passwordReset({ token })).toMatchObject({ portalSlug: biz.slug });
    const browser = visitor();
    expect(await browser.caller.auth.resetPassword({ token, password: "customer new pw" })).toEqual({
      signedIn: true,
      portalSlug: biz.slug,
    });
    await visitor().caller.auth.customerSignIn({
      tenantSlug: biz.slug,
      email: customer.email,
      password: "customer new pw",
    });
  });

  it("only the newest link works, an expired or made-up one is explained, and a weak password changes nothing", async () => {
    const { visitor } = setUp();
    const biz = await newBusiness(t.db, "reset-old");
    await visitor().caller.auth.requestPasswordReset({ email: biz.email });
    await visitor().caller.auth.requestPasswordReset({ email: biz.email });
    const [first, second] = (await emailsTo(biz.email)).map((m) => LINK.exec(m.body ?? "")?.[1] ?? "");
    expect(await rejection(visitor().caller.auth.passwordReset({ token: first ?? "" }))).toMatchObject({
      code: "NOT_FOUND",
      message: "This reset link is not valid.",
    });
    const weak = await rejection(
      visitor().caller.auth.resetPassword({ token: second ?? "", password: "short" }),
    );
    expect(weak.code).toBe("BAD_REQUEST");
    await t.db
      .updateTable("password_resets")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect(
      await rejection(
        visitor().caller.auth.resetPassword({ token: second ?? "", password: "long enough pw" }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      message: "This reset link has expired (links last an hour).",
    });
    await visitor().caller.auth.signIn({ email: biz.email, password: biz.password });
  });

  it("lifts a sign-in lockout, and limits how many reset emails one address can ask for", async () => {
    const { visitor } = setUp();
    const biz = await newBusiness(t.db, "reset-locked");
    const attacker = callerFor(testDeps(t.db), null, {
      ip: "10.9.9.9",
      origin: null,
      secFetchSite: "same-origin",
    });
    for (let i = 0; i < 5; i++)
      await rejection(attacker.caller.auth.signIn({ email: biz.email, password: "wrong guess" }));
    expect(
      await rejection(visitor().caller.auth.signIn({ email: biz.email, password: biz.password })),
    ).toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    await visitor().caller.auth.requestPasswordReset({ email: biz.email });
    const token = LINK.exec((await emailsTo(biz.email))[0]?.body ?? "")?.[1] ?? "";
    await visitor().caller.auth.resetPassword({ token, password: "unlocked new pw" });
    await visitor().caller.auth.signIn({ email: biz.email, password: "unlocked new pw" });
    await visitor().caller.auth.requestPasswordReset({ email: biz.email });
    await visitor().caller.auth.requestPasswordReset({ email: biz.email });
    const flood = await rejection(visitor().caller.auth.requestPasswordReset({ email: biz.email }));
    expect(flood).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "Too many reset emails were asked for.",
    });
    expect(await emailsTo(biz.email)).toHaveLength(3);
  });

  it("an admin sends a customer of theirs a reset link; another business's customer is not found", async () => {
    const { deps } = setUp();
    const biz = await newBusiness(t.db, "reset-admin");
    const other = await newBusiness(t.db, "reset-other");
    const customer = await newCustomer(t.db, biz.slug);
    const stranger = await newCustomer(t.db, other.slug);
    const admin = callerFor(deps, biz.auth).caller;
    const sent = await admin.people.sendPasswordReset({ customerId: customer.auth.user.id });
    expect(sent).toEqual({ email: customer.email, resetId: expect.any(String) });
    // The admin follows the email: on its way until the worker delivers it, then delivered.
    expect(await admin.people.passwordResetDelivery({ resetId: sent.resetId })).toMatchObject({
      status: "queued",
      summary: "Sending: emails usually arrive within a minute.",
    });
    const token = LINK.exec((await emailsTo(customer.email))[0]?.body ?? "")?.[1] ?? "";
    expect(await admin.people.passwordResetDelivery({ resetId: sent.resetId })).toMatchObject({
      status: "delivered",
    });
    const strangersView = await rejection(
      callerFor(deps, other.auth).caller.people.passwordResetDelivery({ resetId: sent.resetId }),
    );
    expect(strangersView.code).toBe("NOT_FOUND");
    expect(await setUp().visitor().caller.auth.passwordReset({ token })).toMatchObject({
      portalSlug: biz.slug,
    });
    const foreign = await rejection(admin.people.sendPasswordReset({ customerId: stranger.auth.user.id }));
    expect(foreign).toMatchObject({ code: "NOT_FOUND", message: "This customer was not found." });
    const self = await rejection(admin.people.sendPasswordReset({ customerId: biz.auth.user.id }));
    expect(self.code).toBe("NOT_FOUND");
    expect(await emailsTo(stranger.email)).toEqual([]);
  });
});
