// /app/disputes/:disputeId: one dispute (the link in the "dispute opened" email lands here).
import { Alert } from "@fieldpay/ui/alert";
import { PageHeader } from "@fieldpay/ui/page-header";
import { useParams } from "react-router";
import { trpc } from "../lib/trpc.ts";
import { DisputeCard } from "./dispute-card.tsx";

export function DisputePage() {
  const { disputeId = "" } = useParams();
  const dispute = trpc.disputes.get.useQuery({ disputeId });
  return (
    <>
      <PageHeader
        eyebrow="Disputes"
        title={dispute.data ? `${dispute.data.customerName}'s dispute` : "Dispute"}
      />
      {dispute.isPending && <p className="muted">Loading…</p>}
      {dispute.isError && (
        <Alert tone="danger" title="Could not load this dispute">
          {dispute.error.message}
        </Alert>
      )}
      {dispute.data && <DisputeCard dispute={dispute.data} />}
    </>
  );
}
