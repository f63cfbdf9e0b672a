import { stripeDashboardUrl } from "@fieldpay/payments/dashboard-links";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StripeLink } from "./stripe-link.tsx";

describe("Stripe Dashboard links", () => {
  it.each([
    [{ id: "pi_123", mode: "test" }, "https://dashboard.stripe.com/test/payments/pi_123"],
    [{ id: "pi_123", mode: "live" }, "https://dashboard.stripe.com/payments/pi_123"],
    [{ id: "acct_9", mode: "test" }, "https://dashboard.stripe.com/test/connect/accounts/acct_9"],
    [
      { id: "re_1", mode: "live", onAccount: "acct_std" },
      "https://dashboard.stripe.com/acct_std/refunds/re_1",
    ],
    [
      { id: "du_1", mode: "test", onAccount: "acct_std" },
      "https://dashboard.stripe.com/acct_std/test/disputes/du_1",
    ],
    [{ id: "po_1", mode: "test" }, "https://dashboard.stripe.com/test/payouts/po_1"],
    [{ id: "tr_1", mode: "test" }, "https://dashboard.stripe.com/test/connect/transfers/tr_1"],
  ] as const)("%o opens %s", (input, url) => {
    expect(stripeDashboardUrl(input)).toBe(url);
  });

  it("links the id and says it opens the Dashboard", () => {
    const html = renderToStaticMarkup(<StripeLink id="pi_123" mode="test" />);
    expect(html).toContain('href="https://dashboard.stripe.com/test/payments/pi_123"');
    expect(html).toContain("opens the Stripe Dashboard");
  });

  it("shows an id without a Dashboard page as plain text", () => {
    const html = renderToStaticMarkup(<StripeLink id="local-refund-1" mode="test" />);
    expect(html).toBe('<code class="stripe-id">local-refund-1</code>');
  });
});
