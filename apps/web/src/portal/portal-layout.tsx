import { NavLink, Outlet } from "react-router";
import { useMe } from "../auth/use-me.ts";
import { usePortalBusiness } from "./use-portal-business.ts";

function PortalNav({ slug }: { slug: string }) {
  const links = [
    { to: `/book/${slug}`, label: "Book", end: true },
    { to: `/book/${slug}/bookings`, label: "My bookings", end: false },
    { to: `/book/${slug}/cards`, label: "Saved cards", end: false },
  ];
  return (
    <nav aria-label="Booking page" className="portal-nav">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end}>
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
}

/** The customer-facing frame: the business's name, never the admin navigation. */
export function PortalLayout() {
  const { slug, business } = usePortalBusiness();
  const me = useMe();
  if (business.isPending) return <p className="page muted">Loading…</p>;
  if (business.isError) {
    return (
      <main className="page narrow">
        <h1>Booking page not found</h1>
        <p role="alert">{business.error.message} Check the address you were given.</p>
      </main>
    );
  }
  const customerHere = me.data?.user.role === "customer" && me.data.tenant.slug === slug;
  return (
    <div className="portal">
      <header className="portal-header">
        <span className="portal-business">{business.data.name}</span>
        {customerHere && <PortalNav slug={slug} />}
      </header>
      <main className="page narrow">
        <Outlet />
      </main>
    </div>
  );
}
