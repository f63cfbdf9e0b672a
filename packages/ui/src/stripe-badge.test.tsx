// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { STRIPE_WORDMARK_PATH, StripeBadge } from "./stripe-badge.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const painted = (root: Element) =>
  [...root.querySelectorAll("path")].map((path) => [path.getAttribute("d"), path.getAttribute("fill")]);

describe("StripeBadge", () => {
  it("is a link to stripe.com named Powered by Stripe, drawn with Stripe's wordmark in white on blurple", () => {
    view = mount(<StripeBadge />);
    const badge = view.container.querySelector("a");
    expect(badge?.getAttribute("href")).toBe("https://stripe.com");
    expect(badge?.getAttribute("aria-label")).toBe("Powered by Stripe");
    expect(badge?.getAttribute("rel")).toBe("noopener noreferrer");
    expect(badge?.className).toBe("stripe-badge stripe-badge-blurple");
    expect(badge?.textContent).toBe("Powered by ");
    expect(painted(view.container)).toEqual([[STRIPE_WORDMARK_PATH, "#ffffff"]]);
    expect(STRIPE_WORDMARK_PATH).toMatch(/^M59\.64 14\.28h-8\.06c\.19 1\.93/);
    expect(badge?.querySelector('svg[role="img"]')?.getAttribute("aria-label")).toBe("Stripe");
  });

  it("comes in Stripe's black and white colourings", () => {
    view = mount(
      <>
        <StripeBadge variant="black" />
        <StripeBadge variant="white" />
      </>,
    );
    const [black, white] = view.container.querySelectorAll("a");
    expect(black?.className).toBe("stripe-badge stripe-badge-black");
    expect(painted(black as Element)).toEqual([[STRIPE_WORDMARK_PATH, "#ffffff"]]);
    expect(white?.className).toBe("stripe-badge stripe-badge-white");
    expect(painted(white as Element)).toEqual([[STRIPE_WORDMARK_PATH, "#000000"]]);
  });
});
