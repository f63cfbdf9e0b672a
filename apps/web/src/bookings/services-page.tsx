// /app/services: what customers can book, at what price and for how long; and whether they pick a fieldworker.
import type { AppRouter } from "@fieldpay/api/router";
import { Button } from "@fieldpay/ui/button";
import { CheckboxField } from "@fieldpay/ui/checkbox-field";
import { DataTable } from "@fieldpay/ui/data-table";
import { Money } from "@fieldpay/ui/money";
import { PageHeader } from "@fieldpay/ui/page-header";
import { StatusPill } from "@fieldpay/ui/status-pill";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { trpc } from "../lib/trpc.ts";
import { ServiceForm } from "./service-form.tsx";

type Service = inferRouterOutputs<AppRouter>["services"]["list"][number];

function Preferences() {
  const prefs = trpc.services.preferences.useQuery();
  const utils = trpc.useUtils();
  const save = trpc.services.setPreferences.useMutation({
    onSuccess: (data) => utils.services.preferences.setData(undefined, data),
  });
  if (!prefs.data) return null;
  return (
    <section className="card">
      <h2>Booking page</h2>
      <CheckboxField
        label="Customers choose their fieldworker"
        hint="In Stripe Connect mode. When off, each booking goes to the first fieldworker who can be paid."
        checked={prefs.data.customersChooseFieldworker}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ customersChooseFieldworker: e.target.checked })}
      />
    </section>
  );
}

export function ServicesPage() {
  const services = trpc.services.list.useQuery();
  const [editing, setEditing] = useState<Service | null>(null);
  return (
    <>
      <PageHeader
        title="Services"
        description="What customers can book on your booking page, with price and duration."
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
      <ServiceForm key={editing?.id ?? "new"} editing={editing} onDone={() => setEditing(null)} />
      <Preferences />
    </>
  );
}
