// @vitest-environment jsdom

import { act } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { currentNavHref, Nav } from "./nav.tsx";
import { buttonByText, click, type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const items = [
  { href: "/", label: "Overview" },
  { href: "/payments", label: "Payments" },
  { href: "/payments/settings", label: "Payment integration" },
  { href: "/payouts", label: "Payouts" },
];

describe("Nav", () => {
  it("is a named navigation landmark listing every link, the current one marked", () => {
    view = mount(<Nav items={items} currentHref="/payouts" label="Admin" />);
    const nav = view.container.querySelector("nav");
    expect(nav?.getAttribute("aria-label")).toBe("Admin");
    const links = [...view.container.querySelectorAll("nav li a")];
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Overview", "/"],
      ["Payments", "/payments"],
      ["Payment integration", "/payments/settings"],
      ["Payouts", "/payouts"],
    ]);
    expect(view.container.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
    expect(view.container.querySelector('[aria-current="page"]')?.textContent).toBe("Payouts");
  });

  it("renders links through the app's renderer", () => {
    view = mount(
      <Nav
        items={items}
        currentHref="/payments"
        renderLink={({ href, className, children, "aria-current": current }) => (
          <a data-to={href} href={href} className={className} aria-current={current}>
            {children}
          </a>
        )}
      />,
    );
    const current = view.container.querySelector('[aria-current="page"]');
    expect(current?.getAttribute("data-to")).toBe("/payments");
    expect(current?.className).toBe("nav-link nav-link-current");
  });
});

describe("Nav's menu button (what narrow screens show instead of the list)", () => {
  const pressEscape = () =>
    act(() => {
      document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });

  it("opens and closes the list it controls, and says which it is", () => {
    view = mount(<Nav items={items} currentHref="/payouts" />);
    const menu = buttonByText(view.container, "Menu");
    const panel = view.container.querySelector(".nav-panel");
    expect(panel?.querySelector("ul")).not.toBeNull();
    expect(menu.getAttribute("aria-controls")).toBe(panel?.id);
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(view.container.querySelector("nav")?.className).toBe("nav");
    click(menu);
    expect(menu.getAttribute("aria-expanded")).toBe("true");
    expect(view.container.querySelector("nav")?.className).toBe("nav nav-open");
    click(menu);
    expect(menu.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes on Escape and gives focus back to the button", () => {
    view = mount(<Nav items={items} currentHref="/payouts" />);
    const menu = buttonByText(view.container, "Menu");
    click(menu);
    view.container.querySelector<HTMLAnchorElement>("li a")?.focus();
    pressEscape();
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(menu);
  });

  it("closes when another page is shown, or on a click outside it", () => {
    view = mount(<Nav items={items} currentHref="/payouts" />);
    const menu = buttonByText(view.container, "Menu");
    click(menu);
    view.rerender(<Nav items={items} currentHref="/payments" />);
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    click(menu);
    act(() => {
      document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
  });
});

describe("currentNavHref", () => {
  it("prefers the exact or deepest matching section and never lets / claim everything", () => {
    expect(currentNavHref(items, "/")).toBe("/");
    expect(currentNavHref(items, "/payments/py_123")).toBe("/payments");
    expect(currentNavHref(items, "/payments/settings/keys")).toBe("/payments/settings");
    expect(currentNavHref(items, "/payoutsx")).toBeUndefined();
    expect(currentNavHref(items, "/unknown")).toBeUndefined();
    expect(currentNavHref(items, undefined)).toBeUndefined();
  });
});
