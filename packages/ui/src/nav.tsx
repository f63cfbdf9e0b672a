import { type ReactNode, useEffect, useId, useRef, useState } from "react";

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
  /** Shown under the links in the opened phone menu only (the app shell puts who is signed in and Sign out here). */
  footer?: ReactNode;
}

/**
 * The list of links, beside the page on wide screens. On narrow ones (styles/narrow-screens.css) only a "Menu"
 * button shows; it opens the full list (and the footer), and Escape, a click elsewhere or following a link closes
 * it again.
 */
export function Nav({ items, currentHref, label = "Main", renderLink = renderAnchor, footer }: NavProps) {
  const current = currentNavHref(items, currentHref);
  const listId = useId();
  const navRef = useRef<HTMLElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Following a link (or any other change of page) closes the menu.
  const [openedOn, setOpenedOn] = useState(currentHref);
  if (openedOn !== currentHref) {
    setOpenedOn(currentHref);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggleRef.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !navRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);
  return (
    <nav ref={navRef} className={open ? "nav nav-open" : "nav"} aria-label={label}>
      <button
        ref={toggleRef}
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        <svg className="nav-toggle-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path
            d={open ? CLOSE_ICON : MENU_ICON}
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
          />
        </svg>
        Menu
      </button>
      <div id={listId} className="nav-panel">
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
        {footer && <div className="nav-footer">{footer}</div>}
      </div>
    </nav>
  );
}

const MENU_ICON = "M2 4h12M2 8h12M2 12h12";
const CLOSE_ICON = "M3.5 3.5l9 9M12.5 3.5l-9 9";
