import { type ReactNode, useId } from "react";
import { hasContent } from "./has-content.ts";

// Shared by text, select and checkbox fields, and usable on its own to wrap a control this package does not
// render (a Stripe Element, say) so its hint and error are announced the same way.

export interface FieldIds {
  controlId: string;
  hintId: string | undefined;
  errorId: string | undefined;
  /** Value for the control's aria-describedby: hint, then error, then anything the caller passed. */
  describedBy: string | undefined;
}

export function useFieldIds(options: {
  id?: string;
  hint?: ReactNode;
  error?: ReactNode;
  describedBy?: string;
}): FieldIds {
  const generated = useId();
  const controlId = options.id ?? generated;
  const hintId = hasContent(options.hint) ? `${controlId}-hint` : undefined;
  const errorId = hasContent(options.error) ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId, options.describedBy].filter(Boolean).join(" ") || undefined;
  return { controlId, hintId, errorId, describedBy };
}

export function FieldMessages({ ids, hint, error }: { ids: FieldIds; hint?: ReactNode; error?: ReactNode }) {
  return (
    <>
      {ids.hintId && (
        <p id={ids.hintId} className="field-hint">
          {hint}
        </p>
      )}
      {ids.errorId && (
        <p id={ids.errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
