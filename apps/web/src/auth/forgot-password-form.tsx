// "Forgot your password?": the address in, a reset link out by email. The answer is the same whether or not the
// address has an account, so the page says "if".
import { Alert } from "@fieldpay/ui/alert";
import type { ReactNode } from "react";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { AuthForm } from "./auth-form.tsx";

/** Staff leave `tenantSlug` out; on a booking portal it is the business whose customer account it is. */
export function ForgotPasswordForm(props: { tenantSlug?: string; footer: ReactNode }) {
  const request = trpc.auth.requestPasswordReset.useMutation();
  if (request.isSuccess) {
    return (
      <Alert tone="success" title="Check your email">
        If {request.variables.email} has an account here, we sent it a link to choose a new password. The link
        works once and expires in an hour. Nothing there? Look in your spam folder, or ask again in a few
        minutes.
      </Alert>
    );
  }
  return (
    <AuthForm
      id="forgot-password"
      fields={[{ name: "email", label: "Email", type: "email", autoComplete: "email" }]}
      submitLabel="Email me a reset link"
      busyLabel="Sending…"
      busy={request.isPending}
      error={errorInfo(request.error)}
      onSubmit={(v) =>
        request.mutate({
          email: v.email ?? "",
          ...(props.tenantSlug !== undefined && { tenantSlug: props.tenantSlug }),
        })
      }
      footer={props.footer}
    />
  );
}
