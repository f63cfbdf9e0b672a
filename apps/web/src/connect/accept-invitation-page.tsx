// /invite/:token: the invited fieldworker sees whose invitation it is, chooses a password, and goes on to set up
// payouts with Stripe.
import { Alert } from "@fieldpay/ui/alert";
import { PageHeader } from "@fieldpay/ui/page-header";
import { Link, useNavigate, useParams } from "react-router";
import { AuthForm, newPasswordField } from "../auth/auth-form.tsx";
import { useResetSession } from "../auth/use-me.ts";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { BEFORE_ACCOUNT, ProgressSteps } from "./setup-progress.tsx";

export function AcceptInvitationPage() {
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const reset = useResetSession();
  const invitation = trpc.fieldworkers.invitation.useQuery({ token }, { retry: false });
  const accept = trpc.fieldworkers.acceptInvitation.useMutation({
    onSuccess: async () => {
      await reset();
      await navigate("/app/stripe");
    },
  });
  if (invitation.isPending) return <p className="page muted">Loading…</p>;
  if (invitation.isError) {
    const info = errorInfo(invitation.error);
    return (
      <main className="page narrow">
        <Alert tone="danger" title={info?.message ?? "This invitation cannot be used."} fix={info?.fix}>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </Alert>
      </main>
    );
  }
  const { businessName, email, name } = invitation.data;
  return (
    <main className="page narrow">
      <PageHeader
        title={`Join ${businessName}`}
        description={`${businessName} invited you (${email}) to fieldpay as a fieldworker. Check your name, choose a password, and next set up payouts with Stripe.`}
      />
      <ProgressSteps steps={BEFORE_ACCOUNT} />
      <AuthForm
        id="accept-invitation"
        fields={[
          { name: "name", label: "Your name", autoComplete: "name", defaultValue: name },
          newPasswordField("Choose a password"),
        ]}
        submitLabel="Accept invitation"
        busyLabel="Creating your account…"
        busy={accept.isPending}
        error={errorInfo(accept.error)}
        onSubmit={(v) => accept.mutate({ token, name: v.name ?? "", password: v.password ?? "" })}
      />
    </main>
  );
}
