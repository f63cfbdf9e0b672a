// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { CheckboxField } from "./checkbox-field.tsx";
import { click, controlByLabel, description, type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("CheckboxField", () => {
  it("toggles when its label is clicked and reports the new state", () => {
    const seen: boolean[] = [];
    view = mount(
      <CheckboxField label="Enable Stripe Connect" onChange={(e) => seen.push(e.target.checked)} />,
    );
    const box = controlByLabel(view.container, "Enable Stripe Connect");
    if (!(box instanceof HTMLInputElement)) throw new Error("not an input");
    expect(box.type).toBe("checkbox");
    click(view.container.querySelector("label"));
    expect(box.checked).toBe(true);
    expect(seen).toEqual([true]);
  });

  it("wires hint and error to the checkbox", () => {
    view = mount(
      <CheckboxField
        label="Save this card for next time"
        hint="Stored by Stripe, not by us."
        error="Accept the terms to save the card."
      />,
    );
    const box = controlByLabel(view.container, "Save this card");
    expect(box.getAttribute("aria-invalid")).toBe("true");
    expect(description(box)).toBe("Stored by Stripe, not by us. Accept the terms to save the card.");
  });
});
