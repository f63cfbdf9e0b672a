// Shown on the customer's save-card form and booking payment form: Stripe's logo there tells customers
// their card goes to Stripe, not to the business. No Stripe.js here; the wordmark is drawn inline so the
// badge renders before (and without) any script from Stripe.

export const STRIPE_BLURPLE = "#635bff";

/** The lowercase "stripe" wordmark, drawn as thick rounded strokes. */
export function StripeLogo({ height = 20 }: { height?: number }) {
  // The viewBox is 58 x 26; the width follows the height to keep the letters' proportions.
  return (
    <svg
      className="stripe-logo"
      role="img"
      aria-label="Stripe"
      viewBox="0 0 58 26"
      height={height}
      width={(height * 58) / 26}
      focusable="false"
    >
      <g fill="none" stroke={STRIPE_BLURPLE} strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round">
        {/* s */}
        <path d="M9 10.6C8.1 9.5 6.8 9 5.4 9 3.4 9 2 10.1 2 11.7c0 3.8 7.2 2.4 7.2 6.2 0 1.9-1.6 3.1-3.9 3.1-1.6 0-3.1-.6-4-1.7" />
        {/* t */}
        <path d="M14 5.2v12.3c0 2.3 1 3.5 3.1 3.5h.9M11.4 10h6.4" />
        {/* r */}
        <path d="M21.6 9.6v11.4M21.6 13.6c.8-2.8 2.7-4.3 5.2-4.3" />
        {/* i */}
        <path d="M30.4 10v11" />
        {/* p */}
        <path d="M34.6 9.6v14.8M34.6 15c0-3.6 2.1-6 4.7-6s4.6 2.5 4.6 6-2 6-4.6 6-4.7-2.4-4.7-6" />
        {/* e */}
        <path d="M47 15.1h8.6c0-3.6-1.9-6.1-4.7-6.1-2.9 0-4.9 2.6-4.9 6 0 3.6 2.2 6 5.3 6 1.7 0 3.1-.6 4.1-1.6" />
      </g>
      <circle cx="30.4" cy="4.7" r="2.1" fill={STRIPE_BLURPLE} />
    </svg>
  );
}

export interface StripeBadgeProps {
  /** A smaller, borderless badge for tight spaces such as beside a Pay button. */
  compact?: boolean;
}

export function StripeBadge({ compact = false }: StripeBadgeProps) {
  return (
    <p className={compact ? "stripe-badge stripe-badge-compact" : "stripe-badge"}>
      <svg className="stripe-badge-lock" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path
          d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5A1 1 0 0 1 13 8v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.5 0h4V5a2 2 0 0 0-4 0z"
          fill="currentColor"
        />
      </svg>
      <span className="stripe-badge-text">Payments secured by Stripe</span>
      <StripeLogo height={compact ? 16 : 22} />
    </p>
  );
}
