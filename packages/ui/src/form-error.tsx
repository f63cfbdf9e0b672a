import type { ReactNode } from "react";
import { hasContent } from "./has-content.ts";

export interface FormFieldProblem {
  /** id of the field's control, so the summary can link straight to it. */
  fieldId: string;
  message: string;
}

export interface FormErrorProps {
  /** What went wrong, in the user's words. Nothing renders while it is empty. */
  message?: ReactNode;
  /** One line on how to fix it, shown after "How to fix:". */
  fix?: ReactNode;
  /** Per-field problems, listed as links to the fields (useful on long forms). */
  fields?: ReadonlyArray<FormFieldProblem>;
}

// role="alert" so the summary is announced as soon as a failed submit shows it.
export function FormError({ message, fix, fields = [] }: FormErrorProps) {
  if (!hasContent(message)) return null;
  return (
    <div role="alert" className="form-error">
      <p className="form-error-message">{message}</p>
      {fields.length > 0 && (
        <ul className="form-error-fields">
          {fields.map((field) => (
            <li key={field.fieldId}>
              <a href={`#${field.fieldId}`}>{field.message}</a>
            </li>
          ))}
        </ul>
      )}
      {hasContent(fix) && (
        <p className="form-error-fix">
          <strong>How to fix:</strong> {fix}
        </p>
      )}
    </div>
  );
}
