import { useParams } from "react-router";
import { trpc } from "../lib/trpc.ts";

export function usePortalSlug(): string {
  return useParams().tenantSlug ?? "";
}

export function usePortalBusiness() {
  const slug = usePortalSlug();
  return { slug, business: trpc.portal.business.useQuery({ slug }, { retry: false }) };
}
