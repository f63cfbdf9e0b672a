import { type ReactNode, type RefObject, useEffect, useRef } from "react";
import { Button } from "./button.tsx";
import { Nav, type NavItem, type RenderLink, renderAnchor } from "./nav.tsx";

export interface ShellUser {
  name: string;
  /** "admin", "fieldworker" or "customer"; anything else is shown as given. */
  role: string;
}

export interface AppShellProps {
  children: ReactNode;
  productName?: string;
  /** Where the product name links to. */
  homeHref?: string;
  /** The signed-in user; null or absent on public pages (no user line, no sign-out). */
  user?: ShellUser | null;
  onSignOut?: () => void;
  /** True while the sign-out request runs: the button is disabled and says "Signing out…". */
  signingOut?: boolean;
  navItems?: ReadonlyArray<NavItem>;
  currentHref?: string;
  renderLink?: RenderLink;
}

const ROLE_LABEL: Readonly<Record<string, string>> = {
  admin: "Admin",
  fieldworker: "Fieldworker",
  customer: "Customer",
};

export function roleLabel(role: string): string {
  return ROLE_LABEL[role] ?? role;
}

export function AppShell({
  children,
  productName = "fieldpay",
  homeHref = "/",
  user,
  onSignOut,
  signingOut = false,
  navItems = [],
  currentHref,
  renderLink = renderAnchor,
}: AppShellProps) {
  const mainRef = useRef<HTMLElement>(null);
  useFocusMainOnNewPage(mainRef, currentHref);
  const hasNav = navItems.length > 0;
  // Who is signed in, with Sign out: in the header on wide screens; on a phone inside the opened menu, so the
  // header is one row (narrow-screens.css shows one or the other).
  const userLine = user && (
    <div className="app-user">
      <p className="app-user-text">
        <span className="visually-hidden">Signed in as </span>
        <span className="app-user-name">{user.name}</span>{" "}
        <span className="app-user-role">{roleLabel(user.role)}</span>
      </p>
      {onSignOut && (
        <Button variant="secondary" busy={signingOut} busyLabel="Signing out…" onClick={onSignOut}>
          Sign out
        </Button>
      )}
    </div>
  );
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className={hasNav ? "app-header app-header-with-menu" : "app-header"}>
        {renderLink({
          href: homeHref,
          className: "app-brand",
          "aria-current": undefined,
          children: productName,
        })}
        {userLine}
      </header>
      <div className={hasNav ? "app-body" : "app-body app-body-no-nav"}>
        {hasNav && (
          <Nav items={navItems} currentHref={currentHref} renderLink={renderLink} footer={userLine} />
        )}
        {/* tabIndex -1 lets the skip link move keyboard focus here, not just scroll. */}
        <main ref={mainRef} id="main-content" className="app-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

/**
 * After a link in the navigation opened another page, keyboard and screen reader users continue at the new page's
 * content, not on a link the closed phone menu has hidden. Focus the page itself put somewhere is left alone.
 */
function useFocusMainOnNewPage(mainRef: RefObject<HTMLElement | null>, currentHref: string | undefined) {
  const shownHref = useRef(currentHref);
  useEffect(() => {
    if (shownHref.current === currentHref) return;
    shownHref.current = currentHref;
    const active = document.activeElement;
    if (active === null || active === document.body || active.closest(".nav"))
      mainRef.current?.focus({ preventScroll: true });
  }, [currentHref, mainRef]);
}
