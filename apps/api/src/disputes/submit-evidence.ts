// Answering a dispute from fieldpay: the evidence the booking gives (service date, job-done record, receipt, the
// customer's name and email) plus what the admin adds (messages with the customer, an explanation, a file), sent
// through Stripe's API, for the bank's decision or kept at Stripe as a draft. Standard accounts answer their own.
import { resolveDisputeAlert } from "@fieldpay/db/repositories/dispute-alerts";
import { recordEvidence } from "@fieldpay/db/repositories/disputes";
import type { EvidenceFile } from "@fieldpay/payments/disputes";
import { type PaymentDeps, requireStrategy } from "../booking/tenant-payments.ts";
import { fromPaymentError } from "../business-stripe/payment-error.ts";
import type { Auth } from "../context.ts";
import { DomainError } from "../errors.ts";
import { FIELDWORKER_ACCOUNT_HANDLES, findDisputeView } from "./dispute-view.ts";

export interface SubmitEvidenceInput {
  disputeId: string;
  submit: boolean;
  customerCommunication?: string | undefined;
  explanation?: string | undefined;
  file?: { name: string; type: EvidenceFile["type"]; base64: string } | undefined;
}

export async function submitEvidence(deps: PaymentDeps, auth: Auth, input: SubmitEvidenceInput) {
  const view = await findDisputeView(deps.db, auth.tenant, input.disputeId);
  if (view.handledBy !== null) {
    throw new DomainError(
      "conflict",
      FIELDWORKER_ACCOUNT_HANDLES,
      "Ask the fieldworker to respond before the deadline.",
    );
  }
  if (view.evidenceSubmittedAt !== null) {
    throw new DomainError(
      "conflict",
      "Evidence for this dispute was already submitted; the bank is deciding.",
      "Stripe takes one submission per dispute. Add anything more from the Stripe Dashboard if Stripe asks for it.",
    );
  }
  if (!view.needsResponse || view.prefill === null) {
    throw new DomainError("conflict", `This dispute is not waiting for evidence: ${view.statusWords}.`);
  }
  const { strategy } = await requireStrategy(deps, auth.tenant.id);
  const p = view.prefill;
  const messages = input.customerCommunication?.trim();
  const result = await strategy.submitDisputeEvidence({
    tenantId: auth.tenant.id,
    disputeId: view.id,
    submit: input.submit,
    evidence: {
      serviceDate: p.serviceDate,
      customerName: p.customerName,
      customerEmail: p.customerEmail,
      productDescription: p.productDescription,
      ...(input.explanation?.trim() && { uncategorizedText: input.explanation.trim() }),
      serviceDocumentation: p.serviceDocumentation,
      receipt: p.receipt,
      ...(messages && {
        customerCommunication: { title: "Messages with the customer", lines: messages.split(/\r?\n/) },
      }),
      ...(input.file && {
        file: {
          name: input.file.name,
          type: input.file.type,
          data: new Uint8Array(Buffer.from(input.file.base64, "base64")),
        },
      }),
    },
  });
  if (!result.ok) throw fromPaymentError(result.error);
  const at = new Date();
  await recordEvidence(deps.db, {
    tenantId: auth.tenant.id,
    disputeId: view.id,
    submitted: input.submit,
    at,
  });
  if (input.submit) await resolveDisputeAlert(deps.db, auth.tenant.id, view.id);
  return findDisputeView(deps.db, auth.tenant, view.id);
}
