import { Alert } from "@fieldpay/ui/alert";
import { PageHeader } from "@fieldpay/ui/page-header";
import { AuthForm, newPasswordField } from "../auth/auth-form.tsx";
import { useResetSession } from "../auth/use-me.ts";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { EmailPreferencesCard } from "../settings/email-preferences-card.tsx";

export function AccountPage() {
  const reset = useResetSession();
  const change = trpc.auth.changePassword.useMutation({ onSuccess: () => reset() });
  return (
    <>
      <PageHeader
        title="Account"
        description="Change your password. Every other device you are signed in on is signed out."
      />
      {change.isSuccess && (
        <Alert tone="success" title="Password changed">
          You are still signed in here; your other devices were signed out.
        </Alert>
      )}
      <AuthForm
        fields={[
          {
            name: "currentPassword",
            label: "Current password",
            type: "password",
            autoComplete: "current-password",
          },
          newPasswordField("New password", "newPassword"),
        ]}
        submitLabel="Change password"
        busyLabel="Changing…"
        busy={change.isPending}
        error={errorInfo(change.error)}
        onSubmit={(v) =>
          change.mutate({ currentPassword: v.currentPassword ?? "", newPassword: v.newPassword ?? "" })
        }
      />
      <EmailPreferencesCard />
    </>
  );
}
