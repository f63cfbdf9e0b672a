import { Outlet } from "react-router";
import { usePortalBusiness } from "./use-portal-business.ts";

/** The customer-facing frame: the business's name, never the admin navigation. */
export function PortalLayout() {
  const { business } = usePortalBusiness();
  if (business.isPending) return <p className="page muted">Loading…</p>;
  if (business.isError) {
    return (
      <main className="page narrow">
        <h1>Booking page not found</h1>
        <p role="alert">{business.error.message} Check the address you were given.</p>
      </main>
    );
  }
  return (
    <div className="portal">
      <header className="portal-header">
        <span className="portal-business">{business.data.name}</span>
      </header>
      <main className="page narrow">
        <Outlet />
      </main>
    </div>
  );
}
