import type { ReactNode } from "react";
import { ErrorSummary } from "./error-summary.tsx";

export interface FormErrorProps {
  /** What went wrong, in the user's words. Nothing renders while it is empty. */
  message?: string | null;
  /** One line on how to fix it, shown after "How to fix:". */
  fix?: ReactNode;
}

/** A failed action that belongs to no field (a button on a page, not a form): the error summary with one line. */
export function FormError({ message, fix }: FormErrorProps) {
  if (!message?.trim()) return null;
  return <ErrorSummary problems={[{ message }]} fix={fix} />;
}
