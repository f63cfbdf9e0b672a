// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { AppShell } from "./app-shell.tsx";
import { buttonByText, click, type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const navItems = [
  { href: "/settings/payments", label: "Payment integration" },
  { href: "/fieldworkers", label: "Fieldworkers" },
];

describe("AppShell", () => {
  it("shows the product, who is signed in and in what role, the nav and the page", () => {
    view = mount(
      <AppShell
        user={{ name: "Ada Lovelace", role: "admin" }}
        onSignOut={() => {}}
        navItems={navItems}
        currentHref="/fieldworkers"
      >
        <h1>Fieldworkers</h1>
      </AppShell>,
    );
    const header = view.container.querySelector("header");
    expect(header?.querySelector(".app-brand")?.textContent).toBe("fieldpay");
    expect(header?.querySelector(".app-brand")?.getAttribute("href")).toBe("/");
    expect(header?.querySelector(".app-user-text")?.textContent).toBe("Signed in as Ada Lovelace Admin");
    expect(view.container.querySelector('nav [aria-current="page"]')?.textContent).toBe("Fieldworkers");
    // On a phone the header is one row: who is signed in and Sign out are in the menu the Menu button opens.
    const menu = buttonByText(view.container, "Menu");
    const panel = view.container.querySelector(`[id="${menu.getAttribute("aria-controls")}"]`);
    expect(panel?.querySelector(".nav-footer .app-user-text")?.textContent).toBe(
      "Signed in as Ada Lovelace Admin",
    );
    expect(buttonByText(panel ?? view.container, "Sign out").closest(".nav-footer")).not.toBeNull();
    expect(header?.className).toBe("app-header app-header-with-menu");
    expect(view.container.querySelector("main h1")?.textContent).toBe("Fieldworkers");
    const skip = view.container.querySelector(".skip-link");
    expect(skip?.getAttribute("href")).toBe(`#${view.container.querySelector("main")?.id}`);
  });

  it("moves focus to the new page's content when a navigation link opened it", () => {
    const shell = (href: string) => (
      <AppShell navItems={navItems} currentHref={href}>
        page
      </AppShell>
    );
    view = mount(shell("/fieldworkers"));
    view.container.querySelector<HTMLAnchorElement>('nav a[href="/settings/payments"]')?.focus();
    view.rerender(shell("/settings/payments"));
    expect(document.activeElement).toBe(view.container.querySelector("main"));
  });

  it("signs out through the callback and cannot be pressed twice while that runs", () => {
    let signOuts = 0;
    const shell = (signingOut: boolean) => (
      <AppShell
        user={{ name: "Lin", role: "fieldworker" }}
        onSignOut={() => signOuts++}
        signingOut={signingOut}
      >
        page
      </AppShell>
    );
    view = mount(shell(false));
    expect(view.container.textContent).toContain("Fieldworker");
    const button = buttonByText(view.container, "Sign out");
    click(button);
    expect(signOuts).toBe(1);
    view.rerender(shell(true));
    expect(button.textContent).toBe("Signing out…");
    click(button);
    expect(signOuts).toBe(1);
  });

  it("has no user line, sign-out or nav on a public page, and uses the app's link renderer", () => {
    view = mount(
      <AppShell
        productName="Demo Field Services"
        homeHref="/portal"
        renderLink={({ href, className, children }) => (
          <a href={href} className={className} data-router-link="">
            {children}
          </a>
        )}
      >
        Book a service
      </AppShell>,
    );
    const brand = view.container.querySelector(".app-brand");
    expect(brand?.textContent).toBe("Demo Field Services");
    expect(brand?.getAttribute("href")).toBe("/portal");
    expect(brand?.hasAttribute("data-router-link")).toBe(true);
    expect(view.container.querySelector("button")).toBeNull();
    expect(view.container.querySelector("nav")).toBeNull();
    expect(view.container.querySelector(".app-user")).toBeNull();
  });
});
