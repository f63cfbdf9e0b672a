// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { currentNavHref, Nav } from "./nav.tsx";
import { type Mounted, mount } from "./test-dom.ts";

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
