import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { TextField } from "@fieldpay/ui/text-field";
import type { FormEvent, ReactNode } from "react";
import { type ErrorInfo, firstFieldError } from "../lib/errors.ts";

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

/** The one form behind every sign-in and sign-up page: labelled fields, per-field errors, one busy button. */
export function AuthForm(props: {
  fields: AuthField[];
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  error: ErrorInfo | null;
  onSubmit: (values: Record<string, string>) => void;
  footer?: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    props.onSubmit(Object.fromEntries(props.fields.map((f) => [f.name, String(data.get(f.name) ?? "")])));
  };
  return (
    <form className="card auth-form" onSubmit={submit} noValidate>
      <FormError message={props.error?.message} fix={props.error?.fix ?? undefined} />
      {props.fields.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={field.label}
          type={field.type ?? "text"}
          autoComplete={field.autoComplete}
          hint={field.hint}
          defaultValue={field.defaultValue}
          error={firstFieldError(props.error, field.name)}
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
