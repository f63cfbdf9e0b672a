// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { FieldMessages, useFieldIds } from "./field-messages.tsx";
import { description, type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

// How the app wraps a control this package does not render, such as a Stripe card element's container.
function CardBox({ error, describedBy }: { error?: string; describedBy?: string }) {
  const ids = useFieldIds({ hint: "Card details go straight to Stripe.", error, describedBy });
  return (
    <div>
      <fieldset id={ids.controlId} aria-describedby={ids.describedBy}>
        <legend>Card</legend>
      </fieldset>
      <FieldMessages ids={ids} hint="Card details go straight to Stripe." error={error} />
    </div>
  );
}

describe("useFieldIds + FieldMessages", () => {
  it("describes a foreign control by its hint, then its error, then the caller's own description", () => {
    view = mount(
      <>
        <p id="terms">By paying you accept the terms.</p>
        <CardBox error="Your card number is incomplete." describedBy="terms" />
      </>,
    );
    const group = view.container.querySelector("fieldset");
    if (!group) throw new Error("no group");
    expect(description(group)).toBe(
      "Card details go straight to Stripe. Your card number is incomplete. By paying you accept the terms.",
    );
  });

  it("drops the error from the description once it is fixed", () => {
    view = mount(<CardBox error="Your card number is incomplete." />);
    view.rerender(<CardBox error="" />);
    const group = view.container.querySelector("fieldset");
    if (!group) throw new Error("no group");
    expect(description(group)).toBe("Card details go straight to Stripe.");
    expect(view.container.querySelector(".field-error")).toBeNull();
  });
});
