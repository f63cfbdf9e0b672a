import type { ReactNode } from "react";
import { Navigate } from "react-router";
import { useMe } from "../auth/use-me.ts";
import { usePortalSlug } from "./use-portal-business.ts";

/** Pages for this business's signed-in customers; anyone else is sent to the booking page's sign-in. */
export function RequireCustomer({ children }: { children: ReactNode }) {
  const slug = usePortalSlug();
  const me = useMe();
  if (me.isPending) return <p className="muted">Loading…</p>;
  if (me.data?.user.role !== "customer" || me.data.tenant.slug !== slug) {
    return <Navigate to={`/book/${slug}/sign-in`} replace />;
  }
  return children;
}
