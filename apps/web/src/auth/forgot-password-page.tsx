// /forgot-password: business admins and fieldworkers ask for a reset link.
import { PageHeader } from "@fieldpay/ui/page-header";
import { Link } from "react-router";
import { ForgotPasswordForm } from "./forgot-password-form.tsx";

export function ForgotPasswordPage() {
  return (
    <main className="page narrow">
      <PageHeader
        title="Forgot your password?"
        description="Enter the email you sign in with; we email you a link to choose a new password."
      />
      <ForgotPasswordForm
        footer={
          <p className="muted">
            Remembered it? <Link to="/sign-in">Sign in</Link>
          </p>
        }
      />
    </main>
  );
}
