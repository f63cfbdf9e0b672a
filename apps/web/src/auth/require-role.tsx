import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useMe } from "./use-me.ts";

type Role = "admin" | "fieldworker" | "customer";

/** Renders children for a signed-in user of one of the roles; sends anyone else to the right sign-in page. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending || (!me.data && me.isFetching)) return <p className="page muted">Loading…</p>;
  if (me.isError)
    return (
      <p className="page" role="alert">
        We could not reach fieldpay: {me.error.message}
      </p>
    );
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (me.data.user.role === "customer" && !roles.includes("customer")) {
    return <Navigate to={`/book/${me.data.tenant.slug}`} replace />;
  }
  if (!roles.includes(me.data.user.role)) {
    return (
      <p className="page" role="alert">
        Your account does not have access to this page.
      </p>
    );
  }
  return children;
}
