// Where a connected account stands, in plain words: shown to the fieldworker and, identically, to the admin.
import { Alert } from "@fieldpay/ui/alert";
import { When } from "@fieldpay/ui/dates";
import type { ReactNode } from "react";
import { FieldworkerStatusPill, yesNo } from "./fieldworker-status-pill.tsx";
import type { AccountStatusView } from "./types.ts";

const TYPE: Record<string, string> = { standard: "Standard", express: "Express", custom: "Custom" };

export function AccountStatusCard({
  account,
  audience,
  actions,
}: {
  account: AccountStatusView;
  audience: "fieldworker" | "admin";
  actions?: ReactNode;
}) {
  const you = audience === "fieldworker";
  return (
    <section className="card account-status" aria-labelledby="account-status-title">
      <h2 id="account-status-title">
        Stripe account <FieldworkerStatusPill status={account.status} />
      </h2>
      <p data-testid="account-headline">{account.headline}</p>
      {account.connected && (
        <dl className="summary">
          <dt>Account type</dt>
          <dd>{account.accountType ? TYPE[account.accountType] : "—"}</dd>
          <dt>Card payments</dt>
          <dd>{yesNo(account.chargesEnabled)}</dd>
          <dt>Payouts</dt>
          <dd>{yesNo(account.payoutsEnabled)}</dd>
          <dt>Last checked with Stripe</dt>
          <dd>{account.checkedAt ? <When value={account.checkedAt} relative /> : "Not yet"}</dd>
        </dl>
      )}
      {account.reason && (
        <Alert tone="warning" title={account.reason.title} fix={account.reason.fix}>
          {account.reason.explanation}
        </Alert>
      )}
      {account.due.length > 0 && (
        <>
          <h3>{you ? "Stripe still needs from you" : "Stripe still needs from them"}</h3>
          {account.deadline && (
            <p>
              By <When value={account.deadline} show="day" relative />.
            </p>
          )}
          <ul className="requirements">
            {account.due.map((item) => (
              <li key={item.label}>
                <strong>{item.label}</strong>: {item.action}
              </li>
            ))}
          </ul>
        </>
      )}
      {account.problems.length > 0 && (
        <Alert tone="danger" title="Stripe could not accept some details">
          <ul>
            {account.problems.map((p) => (
              <li key={p.label}>
                {p.label}: {p.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {account.verifying.length > 0 && (
        <p className="muted">Being verified by Stripe: {account.verifying.map((v) => v.label).join("; ")}.</p>
      )}
      {actions && <div className="actions">{actions}</div>}
    </section>
  );
}
