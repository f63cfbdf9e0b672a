// The disputes router's zod schemas: every input checked, every output spelled out.
import { z } from "zod";
import { moneyOutput } from "../services/schemas.ts";

/** Stripe's limit is 5 MB a file; the api takes requests up to 1 MB, so an attached file is at most 600 KB. */
export const MAX_EVIDENCE_FILE_BYTES = 600_000;

export const disputeId = z.object({
  disputeId: z
    .string({ message: "Choose a dispute from the list." })
    .trim()
    .regex(/^(du|dp)_[A-Za-z0-9]{1,100}$/, "Choose a dispute from the list."),
});

export const listInput = z
  .object({ bookingId: z.uuid({ message: "Choose a booking." }).optional() })
  .optional();

const file = z.object({
  name: z.string().trim().min(1).max(200),
  type: z.enum(["application/pdf", "image/jpeg", "image/png"], {
    message: "Attach a PDF, JPEG or PNG file: those are what banks accept as evidence.",
  }),
  base64: z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The file could not be read; attach it again.")
    .refine((b) => (b.length * 3) / 4 <= MAX_EVIDENCE_FILE_BYTES, {
      message: "The file is too large: attach one of at most 600 KB (a scan or photo saved smaller works).",
    }),
});

export const submitEvidenceInput = disputeId.extend({
  submit: z.boolean(),
  customerCommunication: z
    .string()
    .max(20_000, "Keep the messages under 20,000 characters; attach longer ones as a PDF.")
    .optional(),
  explanation: z
    .string()
    .max(5_000, "Keep the explanation under 5,000 characters (Stripe's limit).")
    .optional(),
  file: file.optional(),
});

const doc = z.object({ title: z.string(), lines: z.array(z.string()) });

export const disputeOutput = z.object({
  id: z.string(),
  bookingId: z.string(),
  serviceName: z.string(),
  customerName: z.string(),
  startsAt: z.date(),
  amount: moneyOutput,
  status: z.string(),
  statusWords: z.string(),
  open: z.boolean(),
  needsResponse: z.boolean(),
  reason: z.object({
    code: z.string(),
    label: z.string(),
    meaning: z.string(),
    evidence: z.array(z.string()),
  }),
  dueBy: z.date().nullable(),
  openedAt: z.date(),
  stripeFee: moneyOutput,
  withdrawn: moneyOutput,
  reinstated: moneyOutput,
  evidenceSavedAt: z.date().nullable(),
  evidenceSubmittedAt: z.date().nullable(),
  handledBy: z.string().nullable(),
  canRespond: z.boolean(),
  dashboardUrl: z.url(),
  liability: z.enum(["business", "fieldworker"]),
  shareReversed: moneyOutput.nullable(),
  shareResent: z.boolean(),
  prefill: z
    .object({
      serviceDate: z.string(),
      customerName: z.string(),
      customerEmail: z.string(),
      productDescription: z.string(),
      serviceDocumentation: doc,
      receipt: doc,
    })
    .nullable(),
});
