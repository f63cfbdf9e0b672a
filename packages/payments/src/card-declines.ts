export interface DeclineText {
  readonly message: string;
  readonly fix: string;
  readonly retryable: boolean;
}

const OTHER_CARD = "Ask the customer to use another card or to contact their bank.";

// Reasons that are safe and useful to tell the person paying. Issuer reasons that hint at fraud (lost_card,
// stolen_card, fraudulent, pickup_card, merchant_blacklist...) deliberately fall through to the generic text:
// Stripe advises not to reveal them, since that helps someone testing stolen cards.
const DECLINES: Readonly<Record<string, DeclineText>> = {
  insufficient_funds: {
    message: "The card was declined: insufficient funds.",
    fix: OTHER_CARD,
    retryable: false,
  },
  expired_card: {
    message: "The card has expired.",
    fix: "Use a card that has not expired.",
    retryable: false,
  },
  incorrect_cvc: {
    message: "The card's security code (CVC) is incorrect.",
    fix: "Check the 3 or 4 digit code on the card and try again.",
    retryable: false,
  },
  invalid_cvc: {
    message: "The card's security code (CVC) is incorrect.",
    fix: "Check the 3 or 4 digit code on the card and try again.",
    retryable: false,
  },
  incorrect_number: {
    message: "The card number is incorrect.",
    fix: "Check the card number and try again.",
    retryable: false,
  },
  invalid_number: {
    message: "The card number is incorrect.",
    fix: "Check the card number and try again.",
    retryable: false,
  },
  invalid_expiry_month: {
    message: "The card's expiry date is incorrect.",
    fix: "Check the expiry date and try again.",
    retryable: false,
  },
  invalid_expiry_year: {
    message: "The card's expiry date is incorrect.",
    fix: "Check the expiry date and try again.",
    retryable: false,
  },
  card_velocity_exceeded: {
    message: "The card has reached its spending limit.",
    fix: OTHER_CARD,
    retryable: false,
  },
  card_not_supported: {
    message: "This card does not support this kind of payment.",
    fix: OTHER_CARD,
    retryable: false,
  },
  currency_not_supported: {
    message: "This card cannot be charged in this currency.",
    fix: OTHER_CARD,
    retryable: false,
  },
  processing_error: {
    message: "An error occurred while processing the card.",
    fix: "Try again in a moment; if it fails again, use another card.",
    retryable: true,
  },
  try_again_later: {
    message: "The bank could not approve the payment right now.",
    fix: "Try again in a moment; if it fails again, use another card.",
    retryable: true,
  },
};

const GENERIC: DeclineText = { message: "The card was declined.", fix: OTHER_CARD, retryable: false };

/** What to tell people about a card decline, from Stripe's decline_code (or error code for card errors). */
export function cardDeclineText(declineCode: string): DeclineText {
  // hasOwn: a code like "constructor" must not reach Object.prototype.
  return (Object.hasOwn(DECLINES, declineCode) ? DECLINES[declineCode] : undefined) ?? GENERIC;
}
