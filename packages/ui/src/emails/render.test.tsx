// Every template rendered as the recipient gets it: both parts, the words, the links; and with hostile props, no
// secret, no card number, no link out of fieldpay, no markup.
import { describe, expect, it } from "vitest";
import { EXAMPLE_ORIGIN, EXAMPLE_PROPS } from "./examples.ts";
import { EMAILS, type EmailName, renderEmail, UnsafeEmailError } from "./render.tsx";

const business = { name: "Bright Cleaning", contactEmail: "office@bright.test" };
const context = { business, webOrigin: EXAMPLE_ORIGIN };
const names = Object.keys(EMAILS) as EmailName[];

describe("renderEmail", () => {
  it.each(names)(
    "%s: an HTML and a plain-text part, the business's name and contact, and its link",
    async (name) => {
      const props = EXAMPLE_PROPS[name];
      const email = await renderEmail(name, props, context);
      expect(email.subject.length).toBeGreaterThan(10);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.text).not.toContain("<");
      for (const part of [email.html, email.text]) {
        expect(part).toContain("Bright Cleaning");
        expect(part).toContain("office@bright.test");
        expect(part).toContain(String(props.link));
      }
      expect(email.html).toContain(`href="${String(props.link)}"`);
    },
  );

  it("a receipt lists the booking's ledger and what was paid in total", async () => {
    const email = await renderEmail("receipt", EXAMPLE_PROPS.receipt, context);
    expect(email.subject).toBe("Bright Cleaning: receipt for $90.00");
    expect(email.text).toContain("received $90.00 for Deep clean");
    expect(email.text).toMatch(/Deposit\s+\$30\.00/);
    expect(email.text).toMatch(/Balance after the job\s+\$90\.00/);
    expect(email.text).toMatch(/Paid in total\s+\$120\.00/);
  });

  it("sign-in links say they work once", async () => {
    for (const name of ["invitation", "password_reset"] as const) {
      const email = await renderEmail(name, EXAMPLE_PROPS[name], context);
      expect(email.text).toContain("The link works once");
    }
  });

  const hostile = (props: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(props).map(([k, v]) => [
        k,
        typeof v === "string" && k !== "link" && !k.endsWith("Date") && k !== "dueBy" && k !== "currency"
          ? `${v} sk_live_51Habc123DEF rk_test_9xyz whsec_abcDEF123 4242 4242 4242 4242 4000-0025-0000-3155 <script>alert(1)</script>`
          : v,
      ]),
    );

  it.each(names)(
    "%s: hostile props leave no secret or card number in either part, no markup in the HTML",
    async (name) => {
      const email = await renderEmail(name, hostile(EXAMPLE_PROPS[name]), {
        ...context,
        business: { name: "Bright sk_test_abc123", contactEmail: "office@bright.test" },
      });
      for (const part of [email.subject, email.html, email.text]) {
        expect(part).not.toMatch(/sk_live|sk_test_abc|rk_test|whsec_/);
        expect(part).not.toMatch(/4242[ -]?4242[ -]?4242[ -]?4242|4000-0025-0000-3155/);
      }
      // The plain-text part may show the words "<script>"; the HTML part escapes them.
      expect(email.html).not.toContain("<script>");
      expect(email.html).toContain("&lt;script&gt;");
    },
  );

  it("refuses a link that leads anywhere but the web app, and props that do not fit", async () => {
    for (const link of [
      "https://evil.example/pay",
      "javascript:alert(1)",
      `${EXAMPLE_ORIGIN}.evil.example/x`,
    ]) {
      await expect(
        renderEmail("payment_needs_attention", { ...EXAMPLE_PROPS.payment_needs_attention, link }, context),
      ).rejects.toBeInstanceOf(UnsafeEmailError);
    }
    await expect(renderEmail("receipt", { link: `${EXAMPLE_ORIGIN}/x` }, context)).rejects.toThrow(
      /do not fit/,
    );
  });
});
