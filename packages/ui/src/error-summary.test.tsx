// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { ErrorSummary, withoutLabel } from "./error-summary.tsx";
import { click, type Mounted, mount } from "./test-dom.ts";
import { TextField } from "./text-field.tsx";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const problems = [
  { fieldId: "signup-businessName", label: "Business name", message: "Enter your business's name." },
  { fieldId: "signup-price", label: "Price", message: "Price: Stripe's smallest card payment is $0.50." },
  { message: "That is not a booking of yours." },
];

function form() {
  return (
    <form>
      <ErrorSummary problems={problems} fix="Correct them and send again." />
      <TextField id="signup-businessName" label="Business name" error={problems[0]?.message} />
      <TextField id="signup-price" label="Price" />
    </form>
  );
}

describe("ErrorSummary", () => {
  it("names each field by its label and links to it, once", () => {
    view = mount(form());
    const summary = view.container.querySelector('[role="alert"]');
    expect(summary?.querySelector(".error-summary-title")?.textContent).toBe("There are 3 problems");
    const items = [...(summary?.querySelectorAll("li") ?? [])].map((li) => li.textContent);
    expect(items).toEqual([
      "Business name: Enter your business's name.",
      "Price: Stripe's smallest card payment is $0.50.",
      "That is not a booking of yours.",
    ]);
    const links = [...(summary?.querySelectorAll("a") ?? [])].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["#signup-businessName", "#signup-price"]);
    expect(summary?.textContent).toContain("How to fix: Correct them and send again.");
  });

  it("takes focus when it appears, and a link moves focus to its field", () => {
    view = mount(form());
    const summary = view.container.querySelector('[role="alert"]');
    expect(document.activeElement).toBe(summary);
    click(summary?.querySelector('a[href="#signup-price"]') ?? null);
    expect(document.activeElement).toBe(document.getElementById("signup-price"));
  });

  it("says 'There is a problem' for one, and renders nothing for none", () => {
    view = mount(<ErrorSummary problems={[{ message: "Wrong email or password." }]} />);
    expect(view.container.textContent).toBe("There is a problemWrong email or password.");
    view.rerender(<ErrorSummary problems={[]} />);
    expect(view.container.innerHTML).toBe("");
  });
});

describe("withoutLabel", () => {
  it("drops a leading label the summary already shows", () => {
    expect(withoutLabel("Deposit: enter a percentage from 1 to 99.", "Deposit")).toBe(
      "Enter a percentage from 1 to 99.",
    );
    expect(withoutLabel("A deposit must be less than the price.", "Deposit")).toBe(
      "A deposit must be less than the price.",
    );
  });

  it("drops the field's name before the label's unit too", () => {
    expect(withoutLabel("Deposit: enter a percentage from 1 to 99.", "Deposit (%)")).toBe(
      "Enter a percentage from 1 to 99.",
    );
    expect(withoutLabel("Deposit (%): enter a percentage.", "Deposit (%)")).toBe("Enter a percentage.");
    expect(withoutLabel("Depositor: who?", "Deposit (%)")).toBe("Depositor: who?");
  });
});
