import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Money } from "./money.tsx";

describe("Money", () => {
  it("renders the formatted amount, marking negative ones", () => {
    expect(renderToStaticMarkup(<Money amount={2500} currency="gbp" locale="en-GB" />)).toBe(
      '<span class="money">£25.00</span>',
    );
    expect(renderToStaticMarkup(<Money amount={-2500} currency="gbp" locale="en-GB" />)).toBe(
      '<span class="money money-negative">-£25.00</span>',
    );
  });
});
