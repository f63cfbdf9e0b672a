import { type SummaryProblem, withoutLabel } from "@fieldpay/ui/error-summary";
import { TRPCClientError } from "@trpc/client";

export interface ErrorInfo {
  message: string;
  fix: string | null;
  fieldErrors: Record<string, string[] | undefined>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What the api said went wrong (message, fix, per-field problems), ready for the error summary and the fields. */
export function errorInfo(error: unknown): ErrorInfo | null {
  if (!error) return null;
  if (error instanceof TRPCClientError && isRecord(error.data)) {
    const data = error.data;
    const fields = isRecord(data.fieldErrors) ? data.fieldErrors : {};
    return {
      message: error.message,
      fix: typeof data.fix === "string" ? data.fix : null,
      fieldErrors: Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : undefined]),
      ),
    };
  }
  return {
    message: "We could not reach fieldpay. Check your connection and try again.",
    fix: null,
    fieldErrors: {},
  };
}

export const firstFieldError = (info: ErrorInfo | null, field: string) => info?.fieldErrors[field]?.[0];

/**
 * The api keys its problems by field (`fieldErrors`); older domain checks name their field first instead
 * ("Deposit: enter a percentage from 1 to 99"), and `mentions` also claims messages that speak of the field
 * ("A deposit must be less than the price…"). Either way the message belongs beside that field.
 */
export function errorAtField(
  info: ErrorInfo | null,
  field: string,
  label: string,
  mentions?: RegExp,
): string | undefined {
  if (!info) return undefined;
  const fromSchema = firstFieldError(info, field);
  if (fromSchema) return fromSchema;
  const message = info.message;
  if (message.startsWith(`${label}:`) || mentions?.test(message)) return message;
  return undefined;
}

export interface FormField<N extends string = string> {
  /** The name the api knows the field by (its `fieldErrors` key). */
  name: N;
  /** The label the form shows: the summary names the field by it, never by `name`. */
  label: string;
  mentions?: RegExp;
}

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
}

export interface FormErrors<N extends string = string> {
  /** For <ErrorSummary> at the top of the form. */
  summary: { problems: SummaryProblem[]; fix: string | undefined };
  /** Props for the field's TextField/SelectField/CheckboxField: a stable id to link to, its label and message. */
  field(name: N): FieldProps;
}

/**
 * The one way a form shows what the api refused: each problem beside its field, and all of them at the top,
 * named by label and linked to the field (`${formId}-${name}`). A problem of no field the form shows (a message
 * with no field, or a field the form does not have) is listed without a link, in the api's words, which are
 * sentences meant for the user.
 */
export function formErrors<N extends string>(
  formId: string,
  info: ErrorInfo | null,
  fields: ReadonlyArray<FormField<N>>,
): FormErrors<N> {
  const idOf = (name: string) => `${formId}-${name}`;
  const at = new Map<string, string>();
  for (const f of fields) {
    const message = errorAtField(info, f.name, f.label, f.mentions);
    if (message) at.set(f.name, withoutLabel(message, f.label));
  }
  const problems: SummaryProblem[] = fields.flatMap((f) => {
    const message = at.get(f.name);
    return message ? [{ fieldId: idOf(f.name), label: f.label, message }] : [];
  });
  const known = new Set<string>(fields.map((f) => f.name));
  const placed = new Set(fields.map((f) => firstFieldError(info, f.name)));
  const elsewhere = Object.entries(info?.fieldErrors ?? {})
    .filter(([name]) => !known.has(name))
    .flatMap(([, messages]) => messages ?? [])
    .filter((m) => !placed.has(m));
  for (const message of new Set(elsewhere)) problems.push({ message });
  // The api's top-line message restates its field problems; it is shown only when nothing else explains it.
  if (info && problems.length === 0) problems.push({ message: info.message });
  return {
    summary: { problems, fix: info?.fix ?? undefined },
    field: (name) => ({
      id: idOf(name),
      name,
      label: fields.find((f) => f.name === name)?.label ?? "",
      error: at.get(name),
    }),
  };
}
