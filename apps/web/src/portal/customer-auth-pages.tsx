import { Link, useNavigate } from "react-router";
import { AuthForm, newPasswordField } from "../auth/auth-form.tsx";
import { ForgotPasswordForm } from "../auth/forgot-password-form.tsx";
import { useResetSession } from "../auth/use-me.ts";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { usePortalSlug } from "./use-portal-business.ts";

function useAfterSignIn() {
  const navigate = useNavigate();
  const slug = usePortalSlug();
  const reset = useResetSession();
  return async () => {
    await reset();
    await navigate(`/book/${slug}`);
  };
}

export function CustomerSignInPage() {
  const slug = usePortalSlug();
  const signIn = trpc.auth.customerSignIn.useMutation({ onSuccess: useAfterSignIn() });
  return (
    <>
      <h1>Sign in</h1>
      <AuthForm
        id="customer-sign-in"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
        submitLabel="Sign in"
        busyLabel="Signing in…"
        busy={signIn.isPending}
        error={errorInfo(signIn.error)}
        onSubmit={(v) =>
          signIn.mutate({ tenantSlug: slug, email: v.email ?? "", password: v.password ?? "" })
        }
        footer={
          <p className="muted">
            <Link to={`/book/${slug}/forgot-password`}>Forgot your password?</Link> · First time here?{" "}
            <Link to={`/book/${slug}/sign-up`}>Create an account</Link>
          </p>
        }
      />
    </>
  );
}

export function CustomerSignUpPage() {
  const slug = usePortalSlug();
  const signUp = trpc.auth.customerSignUp.useMutation({ onSuccess: useAfterSignIn() });
  return (
    <>
      <h1>Create your account</h1>
      <AuthForm
        id="customer-sign-up"
        fields={[
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          newPasswordField("Password"),
        ]}
        submitLabel="Create account"
        busyLabel="Creating…"
        busy={signUp.isPending}
        error={errorInfo(signUp.error)}
        onSubmit={(v) =>
          signUp.mutate({
            tenantSlug: slug,
            name: v.name ?? "",
            email: v.email ?? "",
            password: v.password ?? "",
          })
        }
        footer={
          <p className="muted">
            Have an account? <Link to={`/book/${slug}/sign-in`}>Sign in</Link>
          </p>
        }
      />
    </>
  );
}

export function CustomerForgotPasswordPage() {
  const slug = usePortalSlug();
  return (
    <>
      <h1>Forgot your password?</h1>
      <p className="muted">Enter the email of your account; we email you a link to choose a new password.</p>
      <ForgotPasswordForm
        tenantSlug={slug}
        footer={
          <p className="muted">
            Remembered it? <Link to={`/book/${slug}/sign-in`}>Sign in</Link>
          </p>
        }
      />
    </>
  );
}
