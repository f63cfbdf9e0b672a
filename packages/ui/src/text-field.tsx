import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { FieldMessages, useFieldIds } from "./field-messages.tsx";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "children"> {
  label: ReactNode;
  /** Guidance shown under the label, e.g. "Starts with pk_test_ or pk_live_". */
  hint?: ReactNode;
  /** When set the field is marked invalid and the message is read with it. */
  error?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({ label, hint, error, id, className, type = "text", ...rest }: TextFieldProps) {
  const ids = useFieldIds({ id, hint, error, describedBy: rest["aria-describedby"] });
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={ids.controlId}>
        {label}
      </label>
      <input
        {...rest}
        id={ids.controlId}
        type={type}
        className="field-control"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.errorId ? true : undefined}
      />
      <FieldMessages ids={ids} hint={hint} error={error} />
    </div>
  );
}
