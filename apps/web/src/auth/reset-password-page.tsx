// /reset-password/:token: the link from the reset email. Shows whose account it is, takes the new password, and
// signs in (staff to the app, customers back to their business's booking page).
import { Alert } from "@fieldpay/ui/alert";
import { PageHeader } from "@fieldpay/ui/page-header";
import { Link, useNavigate, useParams } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { AuthForm, newPasswordField } from "./auth-form.tsx";
import { useResetSession } from "./use-me.ts";

export function ResetPasswordPage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const resetSession = useResetSession();
  const link = trpc.auth.passwordReset.useQuery({ token }, { retry: false });
  const reset = trpc.auth.resetPassword.useMutation({
    onSuccess: async ({ portalSlug }) => {
      await resetSession();
      await navigate(portalSlug ? `/book/${portalSlug}` : "/app");
    },
  });
  if (link.isPending) return <p className="page muted">Loading…</p>;
  if (link.isError) {
    const info = errorInfo(link.error);
    return (
      <main className="page narrow">
        <Alert tone="danger" title={info?.message ?? "This reset link cannot be used."} fix={info?.fix}>
          Staff: <Link to="/forgot-password">ask for a new link</Link>. Customers: use “Forgot your password?”
          on your business's booking page.
        </Alert>
      </main>
    );
  }
  const { email, businessName } = link.data;
  return (
    <main className="page narrow">
      <PageHeader
        title="Choose a new password"
        description={`For ${email} at ${businessName}. Every device signed in with the old password is signed out.`}
      />
      <AuthForm
        id="reset-password"
        fields={[newPasswordField("New password")]}
        submitLabel="Save and sign in"
        busyLabel="Saving…"
        busy={reset.isPending}
        error={errorInfo(reset.error)}
        onSubmit={(v) => reset.mutate({ token, password: v.password ?? "" })}
      />
    </main>
  );
}
