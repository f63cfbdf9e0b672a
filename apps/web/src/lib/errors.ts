import { TRPCClientError } from "@trpc/client";

export interface ErrorInfo {
  message: string;
  fix: string | null;
  fieldErrors: Record<string, string[] | undefined>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** What the api said went wrong (message, fix, per-field problems), ready for FormError and the fields. */
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
 * The api's own checks name their field first ("Deposit: enter a percentage from 1 to 99"); such a message belongs
 * beside that field rather than above the button. `mentions` also claims messages that speak of the field
 * ("A deposit must be less than the price…").
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
