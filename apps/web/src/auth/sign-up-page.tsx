import { PageHeader } from "@fieldpay/ui/page-header";
import { Link, useNavigate } from "react-router";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { AuthForm, newPasswordField } from "./auth-form.tsx";
import { useResetSession } from "./use-me.ts";

export function SignUpPage() {
  const navigate = useNavigate();
  const reset = useResetSession();
  const signUp = trpc.auth.signUpBusiness.useMutation({
    onSuccess: async () => {
      await reset();
      await navigate("/app");
    },
  });
  return (
    <main className="page narrow">
      <PageHeader title="Set up your business" description="You will be its admin. Connect Stripe next." />
      <AuthForm
        id="sign-up"
        fields={[
          { name: "businessName", label: "Business name", autoComplete: "organization" },
          {
            name: "slug",
            label: "Booking page address",
            autoComplete: "off",
            hint: "Lower-case letters, digits and dashes: your customers book at /book/<this>.",
          },
          { name: "name", label: "Your name", autoComplete: "name" },
          { name: "email", label: "Email", type: "email", autoComplete: "email" },
          newPasswordField("Password"),
        ]}
        submitLabel="Create business"
        busyLabel="Creating…"
        busy={signUp.isPending}
        error={errorInfo(signUp.error)}
        onSubmit={(v) =>
          signUp.mutate({
            businessName: v.businessName ?? "",
            slug: v.slug ?? "",
            name: v.name ?? "",
            email: v.email ?? "",
            password: v.password ?? "",
          })
        }
        footer={
          <p className="muted">
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </p>
        }
      />
    </main>
  );
}
