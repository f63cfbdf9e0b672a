// @vitest-environment jsdom
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { controlByLabel, description, type Mounted, mount, typeInto } from "./test-dom.ts";
import { TextField } from "./text-field.tsx";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("TextField", () => {
  it("is named by its label and described by its hint", () => {
    view = mount(<TextField label="Publishable key" hint="Starts with pk_test_ or pk_live_" name="pk" />);
    const input = controlByLabel(view.container, "Publishable key");
    expect(input.tagName).toBe("INPUT");
    expect(input.getAttribute("name")).toBe("pk");
    expect(description(input)).toBe("Starts with pk_test_ or pk_live_");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
  });

  it("marks itself invalid and reads the error after the hint", () => {
    view = mount(
      <TextField
        label="Secret key"
        type="password"
        hint="Shown once, then only its last 4"
        error="Stripe did not accept this key."
      />,
    );
    const input = controlByLabel(view.container, "Secret key");
    expect(input.getAttribute("type")).toBe("password");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(description(input)).toBe("Shown once, then only its last 4 Stripe did not accept this key.");
    expect(view.container.textContent).toContain("Stripe did not accept this key.");
  });

  it("has no description when there is neither hint nor error, and keeps a caller's own id", () => {
    view = mount(<TextField label="Business name" id="business-name" />);
    const input = controlByLabel(view.container, "Business name");
    expect(input.id).toBe("business-name");
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });

  it("reports what the user types", () => {
    function Controlled() {
      const [value, setValue] = useState("");
      return (
        <>
          <TextField label="Email" value={value} onChange={(e) => setValue(e.target.value)} />
          <output>{value}</output>
        </>
      );
    }
    view = mount(<Controlled />);
    typeInto(controlByLabel(view.container, "Email"), "ada@demo.test");
    expect(view.container.querySelector("output")?.textContent).toBe("ada@demo.test");
  });
});
