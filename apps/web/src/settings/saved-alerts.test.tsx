// "Saved" says only what went well; what Stripe still needs is a separate warning with its fix.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SavedAlerts } from "./saved-alerts.tsx";

const boxes = (html: string) => html.split(/(?=<div role=)/).filter((part) => part.startsWith("<div role="));

describe("after saving the payment settings", () => {
  it("keeps what Stripe still needs out of the green Saved box, in a warning that says the fix", () => {
    const html = renderToStaticMarkup(
      <SavedAlerts
        accountId="acct_123"
        keyMode="test"
        warnings={[
          "These are test keys: no real card will be charged.",
          "Stripe has not enabled card payments on this account yet: make sure the account is fully set up, verified and not restricted.",
          "Stripe cannot pay out to a bank yet: add and verify a bank account in the Stripe dashboard.",
        ]}
      />,
    );
    const [saved, warning, ...rest] = boxes(html);
    expect(rest).toEqual([]);
    expect(saved).toContain("alert-success");
    expect(saved).toContain("Connected to Stripe account acct_123 (test mode). These are test keys");
    expect(saved).not.toMatch(/card payments|pay out/);
    expect(warning).toContain("alert-warning");
    expect(warning).toContain("Stripe has not enabled card payments");
    expect(warning).toContain("Stripe cannot pay out to a bank yet");
    expect(warning).toContain("How to fix:");
  });

  it("shows only the Saved box when Stripe needs nothing more", () => {
    const html = renderToStaticMarkup(<SavedAlerts accountId="acct_123" keyMode="live" warnings={[]} />);
    expect(boxes(html)).toHaveLength(1);
    expect(html).not.toContain("test keys");
  });
});
