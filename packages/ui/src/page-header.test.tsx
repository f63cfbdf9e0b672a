// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { PageHeader } from "./page-header.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("PageHeader", () => {
  it("gives the page its heading, context, description and actions", () => {
    view = mount(
      <PageHeader
        eyebrow="Settings / Financial Settings"
        title="Payment integration"
        description="Choose how your business takes card payments."
        actions={<button type="button">Save</button>}
      />,
    );
    const headings = view.container.querySelectorAll("h1");
    expect([...headings].map((h) => h.textContent)).toEqual(["Payment integration"]);
    expect(view.container.querySelector(".page-header-eyebrow")?.textContent).toBe(
      "Settings / Financial Settings",
    );
    expect(view.container.querySelector(".page-header-description")?.textContent).toBe(
      "Choose how your business takes card payments.",
    );
    expect(view.container.querySelector(".page-header-actions button")?.textContent).toBe("Save");
  });

  it("renders only the heading when nothing else is given", () => {
    view = mount(<PageHeader title="Payouts" />);
    expect(view.container.textContent).toBe("Payouts");
    expect(view.container.querySelector(".page-header-actions")).toBeNull();
  });
});
