// /app/services: what customers can book, at what price and for how long, and how they pay; and what the booking
// page allows, with the business's default for how customers pay.
import type { AppRouter } from "@fieldpay/api/router";
import { Button } from "@fieldpay/ui/button";
import { DataTable } from "@fieldpay/ui/data-table";
import { Money } from "@fieldpay/ui/money";
import { PageHeader } from "@fieldpay/ui/page-header";
import { StatusPill } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { trpc } from "../lib/trpc.ts";
import { planLine } from "./plan-words.ts";
import { Preferences } from "./preferences-card.tsx";
import { ServiceForm } from "./service-form.tsx";

type Service = inferRouterOutputs<AppRouter>["services"]["list"][number];
type Prefs = inferRouterOutputs<AppRouter>["services"]["preferences"];

function servicePlan(s: Service, prefs: Prefs | undefined): string {
  if (s.paymentPlan !== "business_default")
    return planLine(s.paymentPlan, s.depositKind, s.depositValue, s.price.currency);
  if (!prefs) return "Business default";
  return `Business default: ${planLine(prefs.paymentPlan, prefs.depositKind, prefs.depositValue, s.price.currency)}`;
}

export function ServicesPage() {
  const services = trpc.services.list.useQuery();
  const prefs = trpc.services.preferences.useQuery();
  const [editing, setEditing] = useState<Service | null>(null);
  const currency = services.data?.[0]?.price.currency;
  const businessDefault = prefs.data
    ? planLine(prefs.data.paymentPlan, prefs.data.depositKind, prefs.data.depositValue, currency)
    : "";
  return (
    <>
      <PageHeader
        title="Services"
        description="What customers can book on your booking page, with price, duration and how they pay."
      />
      {services.isError && <p role="alert">{services.error.message}</p>}
      <DataTable
        caption="Services"
        hideCaption
        rows={services.data ?? []}
        rowKey={(s) => s.id}
        emptyMessage={services.isPending ? "Loading…" : "No services yet: add your first below."}
        columns={[
          { key: "name", header: "Service", rowHeader: true, cell: (s) => s.name },
          { key: "duration", header: "Duration", cell: (s) => `${s.durationMinutes} min` },
          { key: "price", header: "Price", align: "right", cell: (s) => <Money {...s.price} /> },
          { key: "plan", header: "How customers pay", cell: (s) => servicePlan(s, prefs.data) },
          {
            key: "active",
            header: "On the booking page",
            cell: (s) => (
              <StatusPill tone={s.active ? "good" : "neutral"}>{s.active ? "Shown" : "Hidden"}</StatusPill>
            ),
          },
          {
            key: "edit",
            header: "",
            cell: (s) => (
              <Button variant="secondary" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
                Edit
              </Button>
            ),
          },
        ]}
      />
      {prefs.data && (
        <ServiceForm
          key={editing?.id ?? "new"}
          editing={editing}
          onDone={() => setEditing(null)}
          businessDefault={businessDefault}
        />
      )}
      <Preferences />
    </>
  );
}
