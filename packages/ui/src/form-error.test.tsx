// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { FormError } from "./form-error.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("FormError", () => {
  it("announces the message and how to fix it", () => {
    view = mount(
      <FormError
        message="Stripe rejected the secret key."
        fix="Copy the Secret key from Developers > API keys in your Stripe dashboard."
      />,
    );
    const alert = view.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(
      "Stripe rejected the secret key.How to fix: Copy the Secret key from Developers > API keys in your Stripe dashboard.",
    );
  });

  it("links each field problem to its field", () => {
    view = mount(
      <FormError
        message="Two fields need attention."
        fields={[
          { fieldId: "pk", message: "Enter the publishable key" },
          { fieldId: "sk", message: "Enter the secret key" },
        ]}
      />,
    );
    const links = [...view.container.querySelectorAll('[role="alert"] a')];
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Enter the publishable key", "#pk"],
      ["Enter the secret key", "#sk"],
    ]);
    expect(view.container.textContent).not.toContain("How to fix");
  });

  it("renders nothing without a message", () => {
    view = mount(<FormError message={null} fix="ignored" />);
    expect(view.container.innerHTML).toBe("");
  });
});
