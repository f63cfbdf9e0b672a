import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { FieldMessages, useFieldIds } from "./field-messages.tsx";

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "children"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function CheckboxField({ label, hint, error, id, className, ...rest }: CheckboxFieldProps) {
  const ids = useFieldIds({ id, hint, error, describedBy: rest["aria-describedby"] });
  return (
    <div className={["field", "checkbox-field", className].filter(Boolean).join(" ")}>
      <div className="checkbox-row">
        <input
          {...rest}
          id={ids.controlId}
          type="checkbox"
          aria-describedby={ids.describedBy}
          aria-invalid={ids.errorId ? true : undefined}
        />
        <label htmlFor={ids.controlId}>{label}</label>
      </div>
      <FieldMessages ids={ids} hint={hint} error={error} />
    </div>
  );
}
