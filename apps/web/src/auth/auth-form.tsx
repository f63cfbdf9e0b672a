import { Button } from "@fieldpay/ui/button";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { TextField } from "@fieldpay/ui/text-field";
import { type FormEvent, type ReactNode, useId } from "react";
import { type ErrorInfo, formErrors } from "../lib/errors.ts";

export interface AuthField {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  autoComplete: string;
  hint?: string;
  defaultValue?: string;
}

/** A field for choosing a password: the browser may suggest one, and the length rule is said up front. */
export function newPasswordField(label: string, name = "password"): AuthField {
  return { name, label, type: "password", autoComplete: "new-password", hint: "At least 10 characters." };
}

/**
 * The one form behind every sign-in and sign-up page: labelled fields, each problem beside its field and all of
 * them in the summary at the top, one busy button.
 */
export function AuthForm(props: {
  /** Prefix of the fields' ids, which the error summary links to; a generated one by default. */
  id?: string;
  fields: AuthField[];
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  error: ErrorInfo | null;
  onSubmit: (values: Record<string, string>) => void;
  footer?: ReactNode;
}) {
  const generated = useId();
  const form = formErrors(props.id ?? generated, props.error, props.fields);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    props.onSubmit(Object.fromEntries(props.fields.map((f) => [f.name, String(data.get(f.name) ?? "")])));
  };
  return (
    <form className="card auth-form" onSubmit={submit} noValidate>
      <ErrorSummary {...form.summary} />
      {props.fields.map((field) => (
        <TextField
          key={field.name}
          {...form.field(field.name)}
          type={field.type ?? "text"}
          autoComplete={field.autoComplete}
          hint={field.hint}
          defaultValue={field.defaultValue}
          required
        />
      ))}
      <Button type="submit" busy={props.busy} busyLabel={props.busyLabel}>
        {props.submitLabel}
      </Button>
      {props.footer}
    </form>
  );
}
