import { PageHeader } from "@fieldpay/ui/page-header";
import { Link } from "react-router";
import { useMe } from "../auth/use-me.ts";
import { AdminOverview } from "./overview-admin.tsx";
import "./overview-page.css";

export function OverviewPage() {
  const me = useMe();
  if (!me.data) return null;
  const { user, tenant } = me.data;
  if (user.role !== "admin")
    return (
      <>
        <PageHeader eyebrow={tenant.name} title={`Welcome, ${user.name}`} />
        <section className="card">
          <p>Your earnings and payouts will show here once your business pays you through Stripe Connect.</p>
        </section>
      </>
    );
  return (
    <>
      <PageHeader
        eyebrow={tenant.name}
        title={`Welcome, ${user.name}`}
        description={
          <>
            Customers book and pay at <Link to={`/book/${tenant.slug}`}>/book/{tenant.slug}</Link>.
          </>
        }
      />
      <AdminOverview />
    </>
  );
}
