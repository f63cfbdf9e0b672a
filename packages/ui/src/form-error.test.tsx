// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { FormError } from "./form-error.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("FormError", () => {
  it("announces the message and how to fix it as a one-line error summary", () => {
    view = mount(
      <FormError
        message="Stripe rejected the secret key."
        fix="Copy the Secret key from Developers > API keys in your Stripe dashboard."
      />,
    );
    const alert = view.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(
      "There is a problemStripe rejected the secret key.How to fix: Copy the Secret key from Developers > API keys in your Stripe dashboard.",
    );
  });

  it("renders nothing without a message", () => {
    view = mount(<FormError message={null} fix="ignored" />);
    expect(view.container.innerHTML).toBe("");
  });
});
