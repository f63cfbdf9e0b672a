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

const t = useTestDatabase();

const count = async (table: "tenants" | "users" | "sessions") =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("business sign-up", () => {
  it("creates the business and its admin, and signs the admin in", async () => {
    const { caller, cookies } = callerFor(testDeps(t.db));
    await caller.auth.signUpBusiness({
      businessName: "Spark Electric",
      slug: "spark",
      name: "Sam",
      email: "Sam@Spark.test",
      password: "long enough pw",
    });
    const auth = await authFromToken(t.db, cookies.token!);
    expect(auth.user).toMatchObject({ role: "admin", email: "sam@spark.test", name: "Sam" });
    expect(auth.tenant).toMatchObject({ slug: "spark", name: "Spark Electric" });
    const me = await callerFor(testDeps(t.db), auth).caller.auth.me();
    expect(me).toMatchObject({ user: { role: "admin" }, emailOutbox: true });
  });

  it("refuses a taken address or email with a clear message and writes nothing", async () => {
    const biz = await newBusiness(t.db);
    const before = [await count("tenants"), await count("users")];
    const { caller } = callerFor(testDeps(t.db));
    const taken = await rejection(
      caller.auth.signUpBusiness({
        businessName: "Xylo Co",
        slug: biz.slug,
        name: "X",
        email: "new@x.test",
        password: "long enough pw",
      }),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toBe("That booking page address is already taken.");
    const dupe = await rejection(
      caller.auth.signUpBusiness({
        businessName: "Xylo Co",
        slug: "fresh-one",
        name: "X",
        email: biz.email,
        password: "long enough pw",
      }),
    );
    expect(dupe.message).toBe("An account with this email already exists.");
    expect([await count("tenants"), await count("users")]).toEqual(before);
  });

  it.each([
    [{ slug: "Has Spaces" }, /^Use 2 to 41 lower-case letters/],
    [{ email: "not-an-email" }, /^Enter a valid email address/],
    [{ password: "short" }, /^Use at least 10 characters/],
    [{ businessName: "" }, /^Enter your business's name/],
  ])("rejects bad input %o with a clear message and no writes", async (override, message) => {
    const before = await count("tenants");
    const { caller } = callerFor(testDeps(t.db));
    const input = {
      businessName: "Good Co",
      slug: "good-co",
      name: "G",
      email: "g@good.test",
      password: "long enough pw",
      ...override,
    };
    const error = await rejection(caller.auth.signUpBusiness(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    // Sentences for the user: the field's code name is for fieldErrors, never in the text.
    expect(error.message).not.toMatch(/slug|email:|password:|businessName/);
    expect(await count("tenants")).toBe(before);
  });
});

describe("sign-in", () => {
  it("issues a new session on every sign-in", async () => {
    const biz = await newBusiness(t.db);
    const first = callerFor(testDeps(t.db));
    await first.caller.auth.signIn({ email: biz.email.toUpperCase(), password: biz.password });
    const second = callerFor(testDeps(t.db));
    await second.caller.auth.signIn({ email: biz.email, password: biz.password });
    expect(first.cookies.token).not.toBe(second.cookies.token);
    expect(await validateSessionToken(t.db, first.cookies.token!)).not.toBeNull();
  });

  it("gives one generic message for a wrong password and an unknown email", async () => {
    const biz = await newBusiness(t.db);
    const { caller } = callerFor(testDeps(t.db));
    const wrong = await rejection(caller.auth.signIn({ email: biz.email, password: "not the password" }));
    const unknown = await rejection(
      caller.auth.signIn({ email: "nobody@nowhere.test", password: "whatever pw" }),
    );
    expect(wrong.code).toBe("UNAUTHORIZED");
    expect(wrong.message).toBe(unknown.message);
    expect(wrong.message).toBe("That email and password don't match an account.");
  });

  it("locks an account after 5 failures, even for the right password, without locking others", async () => {
    const biz = await newBusiness(t.db);
    const other = await newBusiness(t.db);
    const { caller } = callerFor(testDeps(t.db), null, {
      ip: "203.0.113.9",
      origin: null,
      secFetchSite: "same-origin",
    });
    for (let i = 0; i < 5; i++)
      await rejection(caller.auth.signIn({ email: biz.email, password: `wrong ${i}` }));
    const locked = await rejection(caller.auth.signIn({ email: biz.email, password: biz.password }));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    expect(locked.message).toBe("Too many sign-in attempts.");
    await expect(caller.auth.signIn({ email: other.email, password: other.password })).resolves.toEqual({
      signedIn: true,
    });
  });

  it("limits one address trying many accounts", async () => {
    const biz = await newBusiness(t.db);
    const request = { ip: "198.51.100.7", origin: null, secFetchSite: "same-origin" };
    const { caller } = callerFor(testDeps(t.db), null, request);
    for (let i = 0; i < 30; i++)
      await rejection(caller.auth.signIn({ email: `probe${i}@x.test`, password: "guess pw" }));
    const limited = await rejection(caller.auth.signIn({ email: biz.email, password: biz.password }));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
  });
});

describe("customers on a booking portal", () => {
  it("sign up and sign in per business; the same email may exist at two businesses", async () => {
    const a = await newBusiness(t.db);
    const b = await newBusiness(t.db);
    const ca = await newCustomer(t.db, a.slug, "pat@example.com");
    const cb = await newCustomer(t.db, b.slug, "pat@example.com");
    expect(ca.auth.tenant.id).toBe(a.auth.tenant.id);
    expect(cb.auth.tenant.id).toBe(b.auth.tenant.id);
    const { caller, cookies } = callerFor(testDeps(t.db));
    await caller.auth.customerSignIn({ tenantSlug: b.slug, email: "pat@example.com", password: cb.password });
    expect((await authFromToken(t.db, cookies.token!)).tenant.id).toBe(b.auth.tenant.id);
    // Customers cannot use the staff sign-in.
    expect(
      (await rejection(caller.auth.signIn({ email: "pat@example.com", password: cb.password }))).code,
    ).toBe("UNAUTHORIZED");
  });

  it("says clearly when the booking page does not exist", async () => {
    const { caller } = callerFor(testDeps(t.db));
    const error = await rejection(
      caller.auth.customerSignUp({
        tenantSlug: "no-such-biz",
        name: "N",
        email: "n@x.test",
        password: "long enough pw",
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toBe("This booking page was not found.");
  });
});

describe("sign-out and password change", () => {
  it("sign-out ends the session", async () => {
    const biz = await newBusiness(t.db);
    const { caller, cookies } = callerFor(testDeps(t.db), biz.auth);
    await caller.auth.signOut();
    expect(cookies.cleared).toBe(true);
    expect(await validateSessionToken(t.db, biz.token)).toBeNull();
  });

  it("password change revokes every session and issues a new one", async () => {
    const biz = await newBusiness(t.db);
    const laptop = callerFor(testDeps(t.db));
    await laptop.caller.auth.signIn({ email: biz.email, password: biz.password });
    const { caller, cookies } = callerFor(testDeps(t.db), biz.auth);
    await caller.auth.changePassword({ currentPassword: biz.password, newPassword: "a brand new password" });
    expect(await validateSessionToken(t.db, biz.token)).toBeNull();
    expect(await validateSessionToken(t.db, laptop.cookies.token!)).toBeNull();
    expect(await validateSessionToken(t.db, cookies.token!)).not.toBeNull();
    const signIn = callerFor(testDeps(t.db)).caller.auth.signIn;
    expect((await rejection(signIn({ email: biz.email, password: biz.password }))).code).toBe("UNAUTHORIZED");
    await expect(signIn({ email: biz.email, password: "a brand new password" })).resolves.toEqual({
      signedIn: true,
    });
  });

  it("password change with a wrong current password changes nothing", async () => {
    const biz = await newBusiness(t.db);
    const { caller } = callerFor(testDeps(t.db), biz.auth);
    const error = await rejection(
      caller.auth.changePassword({ currentPassword: "not it at all", newPassword: "a brand new password" }),
    );
    expect(error.message).toBe("Your current password is not right.");
    expect(await validateSessionToken(t.db, biz.token)).not.toBeNull();
  });
});
