import { describe, expect, it } from "vitest";
import { cardDeclineText } from "./card-declines.ts";

describe("cardDeclineText", () => {
  it("explains decline reasons the payer can act on", () => {
    expect(cardDeclineText("insufficient_funds").message).toBe("The card was declined: insufficient funds.");
    expect(cardDeclineText("expired_card").message).toBe("The card has expired.");
    expect(cardDeclineText("incorrect_cvc").fix).toContain("3 or 4 digit code");
  });

  it("marks temporary problems as worth retrying", () => {
    expect(cardDeclineText("processing_error").retryable).toBe(true);
    expect(cardDeclineText("insufficient_funds").retryable).toBe(false);
  });

  it.each([
    "stolen_card",
    "lost_card",
    "fraudulent",
    "pickup_card",
    "do_not_honor",
    "something_new",
    "constructor",
  ])("gives the generic text for %s", (code) => {
    expect(cardDeclineText(code)).toEqual({
      message: "The card was declined.",
      fix: "Ask the customer to use another card or to contact their bank.",
      retryable: false,
    });
  });
});
