// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { SelectField } from "./select-field.tsx";
import { controlByLabel, description, type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const accountTypes = [
  { value: "standard", label: "Standard" },
  { value: "express", label: "Express" },
  { value: "custom", label: "Custom", disabled: true },
];

describe("SelectField", () => {
  it("offers the placeholder first, then every option, with disabled ones unpickable", () => {
    view = mount(
      <SelectField
        label="Connected account type"
        options={accountTypes}
        placeholder="Choose a type"
        defaultValue=""
      />,
    );
    const select = controlByLabel(view.container, "Connected account type");
    if (!(select instanceof HTMLSelectElement)) throw new Error("not a select");
    expect([...select.options].map((o) => o.text)).toEqual([
      "Choose a type",
      "Standard",
      "Express",
      "Custom",
    ]);
    expect(select.value).toBe("");
    expect(select.options[3]?.disabled).toBe(true);
  });

  it("shows the chosen value and wires hint and error", () => {
    view = mount(
      <SelectField
        label="Connected account type"
        options={accountTypes}
        defaultValue="express"
        hint="Express accounts get a Stripe dashboard login."
        error="Pick an account type before enabling Connect."
      />,
    );
    const select = controlByLabel(view.container, "Connected account type");
    if (!(select instanceof HTMLSelectElement)) throw new Error("not a select");
    expect(select.value).toBe("express");
    expect(select.getAttribute("aria-invalid")).toBe("true");
    expect(description(select)).toBe(
      "Express accounts get a Stripe dashboard login. Pick an account type before enabling Connect.",
    );
  });
});
