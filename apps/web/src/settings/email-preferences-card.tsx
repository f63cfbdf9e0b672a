// An admin's own email switches (on the Account page): the alerts they may turn off. Customers' and
// fieldworkers' emails, and sign-in links, always go; the card says so.
import { FormError } from "@fieldpay/ui/form-error";
import { useState } from "react";
import { useMe } from "../auth/use-me.ts";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";

export function EmailPreferencesCard() {
  const me = useMe();
  const isAdmin = me.data?.user.role === "admin";
  const utils = trpc.useUtils();
  const preferences = trpc.emailPreferences.list.useQuery(undefined, { enabled: isAdmin });
  // What the admin clicked, shown at once; the server's answer replaces it (or, on an error, a fresh read).
  const [clicked, setClicked] = useState<Record<string, boolean>>({});
  const set = trpc.emailPreferences.set.useMutation({
    onSuccess: (data) => utils.emailPreferences.list.setData(undefined, data),
    onError: () => utils.emailPreferences.list.invalidate(),
    onSettled: (_data, _error, change) => setClicked(({ [change.category]: _done, ...others }) => others),
  });
  if (!isAdmin) return null;
  const error = errorInfo(set.error ?? preferences.error);
  return (
    <section className="card email-preferences" aria-labelledby="email-preferences-heading">
      <h2 id="email-preferences-heading">Emails to you</h2>
      <p className="muted">
        Choose which alerts fieldpay emails you. They stay on the app's pages either way. Your customers'
        receipts and payment links, and your fieldworkers' payout emails, are always sent.
      </p>
      <FormError message={error?.message} fix={error?.fix} />
      {preferences.isPending && <p className="muted">Loading…</p>}
      {preferences.data?.map((p) => (
        <label key={p.category}>
          <input
            type="checkbox"
            checked={clicked[p.category] ?? p.enabled}
            onChange={(e) => {
              const change = { category: p.category, enabled: e.target.checked };
              setClicked((c) => ({ ...c, [change.category]: change.enabled }));
              set.mutate(change);
            }}
          />
          <span>
            <strong>{p.label}</strong>
            <br />
            <span className="muted">{p.description}</span>
          </span>
        </label>
      ))}
    </section>
  );
}
