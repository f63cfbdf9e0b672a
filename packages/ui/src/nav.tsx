import type { ReactNode } from "react";

export interface NavItem {
  href: string;
  label: ReactNode;
}

/** What a link renderer receives; pass it on to the router's Link (`to={href}`) or to a plain <a>. */
export interface NavLinkProps {
  href: string;
  className: string;
  "aria-current": "page" | undefined;
  children: ReactNode;
}

/** Lets the app render links through its router so navigation stays client-side. */
export type RenderLink = (props: NavLinkProps) => ReactNode;

export function renderAnchor({ href, className, children, "aria-current": current }: NavLinkProps) {
  return (
    <a href={href} className={className} aria-current={current}>
      {children}
    </a>
  );
}

/**
 * The item the current path belongs to: an exact match, else the longest item that is a parent path
 * ("/payouts/po_1" is under "/payouts"). "/" only matches itself, or it would claim every page.
 */
export function currentNavHref(items: ReadonlyArray<NavItem>, currentHref: string | undefined) {
  if (currentHref === undefined) return undefined;
  let best: string | undefined;
  for (const { href } of items) {
    const matches =
      href === currentHref || (href !== "/" && currentHref.startsWith(`${href.replace(/\/$/, "")}/`));
    if (matches && (best === undefined || href.length > best.length)) best = href;
  }
  return best;
}

export interface NavProps {
  items: ReadonlyArray<NavItem>;
  /** The path being shown (e.g. the router's location.pathname); its item gets aria-current="page". */
  currentHref?: string;
  /** Names the landmark; use a different one for each nav on a page. */
  label?: string;
  renderLink?: RenderLink;
}

export function Nav({ items, currentHref, label = "Main", renderLink = renderAnchor }: NavProps) {
  const current = currentNavHref(items, currentHref);
  return (
    <nav className="nav" aria-label={label}>
      <ul className="nav-list">
        {items.map((item) => (
          <li key={item.href}>
            {renderLink({
              href: item.href,
              className: item.href === current ? "nav-link nav-link-current" : "nav-link",
              "aria-current": item.href === current ? "page" : undefined,
              children: item.label,
            })}
          </li>
        ))}
      </ul>
    </nav>
  );
}
