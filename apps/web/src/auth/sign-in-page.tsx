import { PageHeader } from "@fieldpay/ui/page-header";
import { Link, useNavigate, useSearchParams } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { AuthForm } from "./auth-form.tsx";
import { useResetSession } from "./use-me.ts";

/** Only same-app paths are followed after sign-in, never another site. */
export function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/app";
}

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const reset = useResetSession();
  const signIn = trpc.auth.signIn.useMutation({
    onSuccess: async () => {
      await reset();
      await navigate(safeNext(params.get("next")));
    },
  });
  return (
    <main className="page narrow">
      <PageHeader title="Sign in" description="For business admins and fieldworkers." />
      <AuthForm
        id="sign-in"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
        submitLabel="Sign in"
        busyLabel="Signing in…"
        busy={signIn.isPending}
        error={errorInfo(signIn.error)}
        onSubmit={(v) => signIn.mutate({ email: v.email ?? "", password: v.password ?? "" })}
        footer={
          <p className="muted">
            <Link to="/forgot-password">Forgot your password?</Link> · New to fieldpay?{" "}
            <Link to="/sign-up">Set up your business</Link>
          </p>
        }
      />
    </main>
  );
}
