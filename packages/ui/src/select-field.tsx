import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { FieldMessages, useFieldIds } from "./field-messages.tsx";

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "children"> {
  label: ReactNode;
  options: ReadonlyArray<SelectOption>;
  /** A first, empty choice such as "Choose an account type"; with `required` the browser insists on a pick. */
  placeholder?: string;
  hint?: ReactNode;
  error?: ReactNode;
  ref?: Ref<HTMLSelectElement>;
}

export function SelectField({
  label,
  options,
  placeholder,
  hint,
  error,
  id,
  className,
  ...rest
}: SelectFieldProps) {
  const ids = useFieldIds({ id, hint, error, describedBy: rest["aria-describedby"] });
  return (
    <div className={["field", className].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={ids.controlId}>
        {label}
      </label>
      <select
        {...rest}
        id={ids.controlId}
        className="field-control"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.errorId ? true : undefined}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages ids={ids} hint={hint} error={error} />
    </div>
  );
}
