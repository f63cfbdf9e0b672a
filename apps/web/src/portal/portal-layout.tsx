import { Button } from "@fieldpay/ui/button";
import { Nav, type NavLinkProps } from "@fieldpay/ui/nav";
import { Link, Outlet, useLocation } from "react-router";
import { useMe } from "../auth/use-me.ts";
import { StandaloneDeadEnd } from "../pages/dead-end.tsx";
import { usePortalBusiness } from "./use-portal-business.ts";

function renderLink({ href, children, ...rest }: NavLinkProps) {
  return (
    <Link to={href} {...rest}>
      {children}
    </Link>
  );
}

function PortalNav({ slug }: { slug: string }) {
  const location = useLocation();
  const items = [
    { href: `/book/${slug}`, label: "Book" },
    { href: `/book/${slug}/bookings`, label: "My bookings" },
    { href: `/book/${slug}/cards`, label: "Saved cards" },
  ];
  return <Nav items={items} currentHref={location.pathname} label="Booking page" renderLink={renderLink} />;
}

/** An address under /book/ that names no business, or the business could not be loaded. */
function NoBusiness({ notFound, retry }: { notFound: boolean; retry: () => void }) {
  if (!notFound)
    return (
      <StandaloneDeadEnd
        eyebrow="Could not load"
        title="This booking page did not load"
        actions={<Button onClick={retry}>Try again</Button>}
      >
        <p>We could not reach the booking page. Check your connection and try again.</p>
      </StandaloneDeadEnd>
    );
  return (
    <StandaloneDeadEnd
      eyebrow="Booking page not found"
      title="There is no booking page at this address"
      actions={
        // Opened from a link: back to where it was. Typed in: there is nowhere to go back to, only the address.
        window.history.length > 1 && (
          <Button variant="secondary" onClick={() => window.history.back()}>
            Go back
          </Button>
        )
      }
    >
      <p>
        Check the address the business gave you: it ends with the business's own name, such as
        /book/bright-cleaning.
      </p>
    </StandaloneDeadEnd>
  );
}

/** The customer-facing frame: the business's name, never the admin navigation. */
export function PortalLayout() {
  const { slug, business } = usePortalBusiness();
  const me = useMe();
  if (business.isPending) return <p className="page muted">Loading…</p>;
  if (business.isError)
    return (
      <NoBusiness
        notFound={business.error.data?.code === "NOT_FOUND"}
        retry={() => void business.refetch()}
      />
    );
  const customerHere = me.data?.user.role === "customer" && me.data.tenant.slug === slug;
  return (
    <div className="portal">
      <header className="portal-header">
        <Link className="portal-business" to={`/book/${slug}`}>
          {business.data.name}
        </Link>
        {customerHere && <PortalNav slug={slug} />}
      </header>
      <main id="main-content" className="page narrow">
        <Outlet />
      </main>
    </div>
  );
}
