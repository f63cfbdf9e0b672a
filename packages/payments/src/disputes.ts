// Answering a dispute through Stripe's API (documents uploaded through Stripe Files, then disputes.update with the
// evidence, submitted or kept as a draft) and, when the fieldworker carries a destination charge's dispute, taking
// their share back from the charge's transfer and sending it again if the dispute is won. Every POST carries an
// idempotency key derived from our ids (and, for what the admin may change between tries, a hash of the content).
import { createHash } from "node:crypto";
import type Stripe from "stripe";
import { failure, type Outcome, stripeCall } from "./errors.ts";
import { textPdf } from "./evidence-pdf.ts";
import { idempotencyKey } from "./idempotency.ts";
import { proportionalPart } from "./ledger.ts";
import type { Money } from "./money.ts";

/** A document written by fieldpay, sent to Stripe as a PDF. */
export interface EvidenceDocument {
  title: string;
  lines: string[];
}

/** A file the admin attached (PDF, JPEG or PNG, as Stripe accepts for dispute evidence). */
export interface EvidenceFile {
  name: string;
  type: "application/pdf" | "image/jpeg" | "image/png";
  data: Uint8Array;
}

export interface DisputeEvidenceInput {
  tenantId: string;
  disputeId: string;
  /** Send it for the bank's decision now (no changes afterwards), or keep it at Stripe as a draft. */
  submit: boolean;
  evidence: {
    /** YYYY-MM-DD. */
    serviceDate: string;
    customerName: string;
    customerEmail: string;
    productDescription: string;
    uncategorizedText?: string;
    serviceDocumentation: EvidenceDocument;
    receipt: EvidenceDocument;
    customerCommunication?: EvidenceDocument;
    file?: EvidenceFile;
  };
}

export interface DisputeEvidenceResult {
  status: string;
  submitted: boolean;
  files: Record<string, string>;
}

const digest = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex").slice(0, 24);

async function upload(
  stripe: Stripe,
  input: DisputeEvidenceInput,
  field: string,
  file: EvidenceFile,
): Promise<string> {
  const created = await stripe.files.create(
    {
      purpose: "dispute_evidence",
      file: { data: Buffer.from(file.data), name: file.name, type: file.type },
    },
    {
      idempotencyKey: idempotencyKey("file:create", [
        input.tenantId,
        input.disputeId,
        field,
        digest(file.data),
      ]),
    },
  );
  return created.id;
}

const asPdf = (name: string, doc: EvidenceDocument): EvidenceFile => ({
  name,
  type: "application/pdf",
  data: textPdf(doc.title, doc.lines),
});

export async function submitDisputeEvidence(
  stripe: Stripe,
  input: DisputeEvidenceInput,
): Promise<Outcome<{ result: DisputeEvidenceResult }>> {
  const e = input.evidence;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.serviceDate)) {
    return failure("invalid_input", { message: "The service date must be a day (YYYY-MM-DD)." });
  }
  return stripeCall(async () => {
    const files: Record<string, string> = {
      service_documentation: await upload(
        stripe,
        input,
        "service_documentation",
        asPdf("job-done-record.pdf", e.serviceDocumentation),
      ),
      receipt: await upload(stripe, input, "receipt", asPdf("receipt.pdf", e.receipt)),
    };
    if (e.customerCommunication) {
      files.customer_communication = await upload(
        stripe,
        input,
        "customer_communication",
        asPdf("customer-communication.pdf", e.customerCommunication),
      );
    }
    if (e.file) files.uncategorized_file = await upload(stripe, input, "uncategorized_file", e.file);
    const params: Stripe.DisputeUpdateParams = {
      evidence: {
        service_date: e.serviceDate,
        customer_name: e.customerName,
        customer_email_address: e.customerEmail,
        product_description: e.productDescription,
        ...(e.uncategorizedText && { uncategorized_text: e.uncategorizedText }),
        ...files,
      },
      submit: input.submit,
      metadata: { tenant_id: input.tenantId },
    };
    const dispute = await stripe.disputes.update(input.disputeId, params, {
      idempotencyKey: idempotencyKey("dispute:update", [
        input.tenantId,
        input.disputeId,
        input.submit ? "submit" : "draft",
        digest(JSON.stringify(params)),
      ]),
    });
    return { result: { status: dispute.status, submitted: input.submit, files } };
  });
}

/**
 * The fieldworker's part of a disputed amount: their share of the charge (what the transfer left them after the
 * application fee) in the proportion the dispute takes of the charge, rounded half-up.
 */
export function disputedShare(input: {
  fieldworkerShare: number;
  charged: number;
  disputed: number;
}): number {
  const { fieldworkerShare, charged, disputed } = input;
  if (charged <= 0 || fieldworkerShare <= 0) return 0;
  return proportionalPart({
    total: fieldworkerShare,
    of: charged,
    before: 0,
    now: Math.min(disputed, charged),
  });
}

export interface ReverseDisputedShareInput {
  tenantId: string;
  disputeId: string;
  chargeId: string;
  /** The charge's transfer to the fieldworker when known (transfer.created); else Stripe's charge says. */
  transferId: string | null;
  amount: Money;
}

export async function reverseDisputedShare(
  stripe: Stripe,
  input: ReverseDisputedShareInput,
): Promise<Outcome<{ reversal: { id: string; transferId: string; amount: number } }>> {
  if (!Number.isSafeInteger(input.amount.amount) || input.amount.amount <= 0) {
    return failure("invalid_input", { message: "A transfer reversal must be more than zero." });
  }
  return stripeCall(async () => {
    const transferId = input.transferId ?? idOf((await stripe.charges.retrieve(input.chargeId)).transfer);
    if (transferId === null) throw new NoTransferError(input.chargeId);
    const reversal = await stripe.transfers.createReversal(
      transferId,
      {
        amount: input.amount.amount,
        description: "Fieldworker's share of a disputed payment",
        metadata: { tenant_id: input.tenantId, dispute_id: input.disputeId },
      },
      { idempotencyKey: idempotencyKey("transfer_reversal:create", [input.tenantId, input.disputeId]) },
    );
    return { reversal: { id: reversal.id, transferId, amount: reversal.amount } };
  });
}

export interface ResendDisputedShareInput {
  tenantId: string;
  disputeId: string;
  bookingId: string;
  destination: string;
  amount: Money;
}

/** The share taken back, sent to the fieldworker again once the dispute is won. */
export async function resendDisputedShare(
  stripe: Stripe,
  input: ResendDisputedShareInput,
): Promise<Outcome<{ transferId: string }>> {
  return stripeCall(async () => {
    const transfer = await stripe.transfers.create(
      {
        amount: input.amount.amount,
        currency: input.amount.currency,
        destination: input.destination,
        transfer_group: input.bookingId,
        description: "Fieldworker's share again: the dispute was won",
        metadata: { tenant_id: input.tenantId, booking_id: input.bookingId, dispute_id: input.disputeId },
      },
      { idempotencyKey: idempotencyKey("transfer:create", [input.tenantId, input.disputeId, "dispute_won"]) },
    );
    return { transferId: transfer.id };
  });
}

class NoTransferError extends Error {
  constructor(chargeId: string) {
    super(`Stripe shows no transfer for charge ${chargeId}, so there is no fieldworker share to take back.`);
  }
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : value.id;
}
