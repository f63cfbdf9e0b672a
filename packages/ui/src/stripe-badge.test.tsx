// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { StripeBadge, StripeLogo } from "./stripe-badge.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("StripeBadge", () => {
  it("shows the Stripe logo as an image named Stripe, and says payments are secured by Stripe", () => {
    view = mount(<StripeBadge />);
    const logo = view.container.querySelector('svg[role="img"]');
    expect(logo?.getAttribute("aria-label")).toBe("Stripe");
    expect(view.container.querySelectorAll('[role="img"]')).toHaveLength(1);
    expect(view.container.textContent).toBe("Payments secured by Stripe");
    expect(view.container.querySelector(".stripe-badge")?.className).toBe("stripe-badge");
  });

  it("draws the wordmark in Stripe's purple", () => {
    view = mount(<StripeLogo />);
    const painted = [...view.container.querySelectorAll("[fill], [stroke]")]
      .flatMap((el) => [el.getAttribute("fill"), el.getAttribute("stroke")])
      .filter((colour) => colour !== null && colour !== "none");
    expect(painted.length).toBeGreaterThan(0);
    expect(new Set(painted)).toEqual(new Set(["#635bff"]));
    expect(view.container.querySelectorAll("path").length).toBe(6);
  });

  it("has a compact variant with the same logo and words at a smaller size", () => {
    view = mount(<StripeBadge compact />);
    expect(view.container.querySelector(".stripe-badge")?.className).toBe(
      "stripe-badge stripe-badge-compact",
    );
    expect(view.container.querySelector('[role="img"]')?.getAttribute("aria-label")).toBe("Stripe");
    expect(view.container.textContent).toBe("Payments secured by Stripe");
    expect(Number(view.container.querySelector(".stripe-logo")?.getAttribute("height"))).toBeLessThan(20);
  });
});
