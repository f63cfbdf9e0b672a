// Answering a dispute from fieldpay: what fieldpay sends from the booking (shown as it will go), what the admin
// adds (messages with the customer, an explanation, a file), then submit, after a confirmation, or save a draft.
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { FieldMessages, useFieldIds } from "@fieldpay/ui/field-messages";
import { type FormEvent, type ReactNode, useState } from "react";
import { type ErrorInfo, errorInfo, type FieldProps, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import type { DisputeView } from "./dispute-words.ts";

type Upload = { name: string; type: "application/pdf" | "image/jpeg" | "image/png"; base64: string };
const TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

function readFile(file: File): Promise<Upload | string> {
  const type = TYPES.find((t) => t === file.type);
  if (!type)
    return Promise.resolve("Attach a PDF, JPEG or PNG file: those are what banks accept as evidence.");
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({ name: file.name, type, base64: String(reader.result).split(",")[1] ?? "" });
    reader.onerror = () => resolve("The file could not be read; attach it again.");
    reader.readAsDataURL(file);
  });
}

const FIELDS = [
  { name: "customerCommunication", label: "Messages with the customer (optional)" },
  { name: "explanation", label: "Your explanation (optional)" },
  { name: "file", label: "A photo or document (optional)" },
] as const;

/** A control with its label, hint and message, announced as the ui package's fields are. */
function Field(
  props: FieldProps & { hint: string; children: (ids: ReturnType<typeof useFieldIds>) => ReactNode },
) {
  const ids = useFieldIds({ id: props.id, hint: props.hint, error: props.error });
  return (
    <div className="field">
      <label className="field-label" htmlFor={ids.controlId}>
        {props.label}
      </label>
      {props.children(ids)}
      <FieldMessages ids={ids} hint={props.hint} error={props.error} />
    </div>
  );
}

function TextArea(props: FieldProps & { hint: string; rows?: number }) {
  return (
    <Field {...props}>
      {(ids) => (
        <textarea
          id={ids.controlId}
          name={props.name}
          className="field-control"
          rows={props.rows ?? 4}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.errorId ? true : undefined}
        />
      )}
    </Field>
  );
}

const unreadable = (message: string): ErrorInfo => ({ message, fix: null, fieldErrors: { file: [message] } });

function Prefilled({ prefill }: { prefill: NonNullable<DisputeView["prefill"]> }) {
  return (
    <details className="evidence-prefill">
      <summary>What fieldpay sends from the booking</summary>
      <dl className="summary">
        <dt>Service date</dt>
        <dd>{prefill.serviceDate}</dd>
        <dt>Customer</dt>
        <dd>
          {prefill.customerName} ({prefill.customerEmail})
        </dd>
        <dt>Service</dt>
        <dd>{prefill.productDescription}</dd>
        {[prefill.serviceDocumentation, prefill.receipt].map((doc) => (
          <div key={doc.title} className="summary-pair">
            <dt>{doc.title} (PDF)</dt>
            <dd>
              {doc.lines.map((line) => (
                <span key={line} className="block">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

export function EvidenceForm({ dispute: d }: { dispute: DisputeView }) {
  const utils = trpc.useUtils();
  const [confirming, setConfirming] = useState<Omit<Parameters<typeof send.mutate>[0], "submit"> | null>(
    null,
  );
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const send = trpc.disputes.submitEvidence.useMutation({
    onSuccess: async () => {
      setConfirming(null);
      await utils.disputes.invalidate();
    },
  });
  const form = formErrors(
    `evidence-${d.id}`,
    fileProblem ? unreadable(fileProblem) : errorInfo(send.error),
    FIELDS,
  );
  const collect = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const picked = data.get("file");
    const upload = picked instanceof File && picked.size > 0 ? await readFile(picked) : undefined;
    if (typeof upload === "string") {
      setFileProblem(upload);
      return null;
    }
    setFileProblem(null);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    return {
      disputeId: d.id,
      customerCommunication: text("customerCommunication"),
      explanation: text("explanation"),
      ...(upload && { file: upload }),
    };
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = await collect(event.currentTarget);
    if (input) setConfirming(input);
  };
  const draft = async (form: HTMLFormElement | null) => {
    const input = form && (await collect(form));
    if (input) send.mutate({ ...input, submit: false });
  };
  return (
    <form className="evidence-form" onSubmit={submit} noValidate>
      <h3>Answer with evidence</h3>
      {d.prefill && <Prefilled prefill={d.prefill} />}
      <ErrorSummary {...form.summary} />
      <TextArea
        {...form.field("customerCommunication")}
        hint="Paste texts or emails confirming the booking, the visit or the work; they go as a PDF."
        rows={5}
      />
      <TextArea
        {...form.field("explanation")}
        hint="In a few sentences: what was booked, what was done, and why the charge is right."
      />
      <Field
        {...form.field("file")}
        hint="PDF, JPEG or PNG, at most 600 KB: a photo of the finished work, a signed sheet."
      >
        {(ids) => (
          <input
            id={ids.controlId}
            name="file"
            type="file"
            accept="application/pdf,image/jpeg,image/png"
            aria-describedby={ids.describedBy}
            aria-invalid={ids.errorId ? true : undefined}
          />
        )}
      </Field>
      {send.isSuccess && !send.data.evidenceSubmittedAt && (
        <Alert tone="success" title="Draft saved at Stripe">
          Nothing was sent to the bank yet. Submit it before the deadline.
        </Alert>
      )}
      {confirming ? (
        <Alert
          tone="warning"
          title="Submit this evidence to the bank?"
          actions={
            <>
              <Button
                busy={send.isPending}
                busyLabel="Submitting…"
                onClick={() => send.mutate({ ...confirming, submit: true })}
              >
                Yes, submit it
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(null)}>
                Not yet
              </Button>
            </>
          }
        >
          Stripe takes one submission per dispute: nothing can be added or changed afterwards.
        </Alert>
      ) : (
        <div className="actions">
          <Button type="submit">Submit evidence</Button>
          <Button
            type="button"
            variant="secondary"
            busy={send.isPending}
            busyLabel="Saving…"
            onClick={(e) => draft(e.currentTarget.form)}
          >
            Save as draft
          </Button>
        </div>
      )}
    </form>
  );
}
