import { PageHeader } from "@fieldpay/ui/page-header";
import { Link } from "react-router";
import { useMe } from "../auth/use-me.ts";

export function OverviewPage() {
  const me = useMe();
  if (!me.data) return null;
  const { user, tenant } = me.data;
  return (
    <>
      <PageHeader eyebrow={tenant.name} title={`Welcome, ${user.name}`} />
      {user.role === "admin" ? (
        <section className="card">
          <h2>Your booking page</h2>
          <p>
            Customers book and pay at <Link to={`/book/${tenant.slug}`}>/book/{tenant.slug}</Link>.
          </p>
        </section>
      ) : (
        <section className="card">
          <p>Your earnings and payouts will show here once your business pays you through Stripe Connect.</p>
        </section>
      )}
    </>
  );
}
