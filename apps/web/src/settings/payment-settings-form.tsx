import type { AppRouter } from "@fieldpay/api/router";
import { formatMoney } from "@fieldpay/payments/money/format";
import { MAX_COMMISSION_BPS, maximumFixedCommission } from "@fieldpay/payments/money/limits";
import { Button } from "@fieldpay/ui/button";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { ChoiceGroup } from "./choice-group.tsx";
import { accountTypeChoices, modeChoices } from "./choices.tsx";
import { SavedAlerts } from "./saved-alerts.tsx";
import { WebhookEndpointsCard } from "./webhook-endpoints-card.tsx";

type Current = inferRouterOutputs<AppRouter>["paymentSettings"]["get"];

const FIELDS = [
  { name: "mode", label: "How do you take payments?" },
  { name: "publishableKey", label: "Publishable key" },
  { name: "secretKey", label: "Secret key" },
  { name: "currency", label: "Currency" },
  { name: "connectAccountType", label: "Fieldworker account type" },
  { name: "commissionPercent", label: "Default commission (%)" },
  { name: "commissionFixed", label: "Plus a fixed amount" },
  { name: "webhookSecret", label: "Signing secret" },
  { name: "connectWebhookSecret", label: "Connect signing secret" },
] as const;

/** The caps the api enforces, said before anything is typed. */
function fixedHint(currency: string): string {
  try {
    return `In your currency, e.g. 0.30; at most ${formatMoney(maximumFixedCommission(currency), currency)}.`;
  } catch {
    return "In your currency, e.g. 0.30.";
  }
}

export function PaymentSettingsForm({ current }: { current: Current }) {
  const saved = current.settings;
  const utils = trpc.useUtils();
  const [mode, setMode] = useState(saved?.mode ?? "direct");
  const [accountType, setAccountType] = useState(saved?.connectAccountType ?? "express");
  const update = trpc.paymentSettings.update.useMutation({
    onSuccess: () => utils.paymentSettings.get.invalidate(),
  });
  const form = formErrors("settings", errorInfo(update.error), FIELDS);
  const problems = form.summary.problems.length;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    update.mutate({
      mode,
      connectAccountType: accountType,
      publishableKey: text("publishableKey"),
      secretKey: text("secretKey") || undefined,
      webhookSecret: text("webhookSecret") || undefined,
      connectWebhookSecret: text("connectWebhookSecret") || undefined,
      commissionPercent: text("commissionPercent") || "0",
      commissionFixed: text("commissionFixed") || "0",
      currency: text("currency"),
    });
  };

  return (
    <form onSubmit={submit} noValidate className="settings-form">
      <ErrorSummary {...form.summary} />
      <section className="card">
        <ChoiceGroup
          id={form.field("mode").id}
          name="mode"
          legend="How do you take payments?"
          choices={modeChoices}
          value={mode}
          onChange={setMode}
        />
      </section>
      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Your Stripe API keys</h2>
        <p>
          In your Stripe dashboard, open <strong>Developers &gt; API keys</strong>. Copy the Publishable key,
          then click <strong>Reveal</strong> to copy the Secret key. Use both from the same mode (test or
          live). fieldpay checks them with Stripe before saving, and never shows the Secret key again.
        </p>
        <TextField
          {...form.field("publishableKey")}
          autoComplete="off"
          defaultValue={saved?.publishableKey ?? ""}
          hint="Starts with pk_test_ or pk_live_."
        />
        <TextField
          {...form.field("secretKey")}
          type="password"
          autoComplete="off"
          hint={
            saved
              ? `Saved: ${saved.secretKeyHint}. Leave blank to keep it.`
              : "Starts with sk_test_ or sk_live_ (or rk_ for a restricted key)."
          }
        />
        <TextField
          {...form.field("currency")}
          defaultValue={saved?.currency ?? "usd"}
          hint="Three letters, e.g. usd, eur, gbp, jpy."
        />
      </section>
      {mode === "connect" && (
        <section className="card" aria-labelledby="connect-heading">
          <h2 id="connect-heading">Stripe Connect</h2>
          <p>
            Turn on Connect in your Stripe dashboard (Connect &gt; Get started) before inviting fieldworkers.
          </p>
          <ChoiceGroup
            id={form.field("connectAccountType").id}
            name="accountType"
            legend="Fieldworker account type"
            choices={accountTypeChoices}
            value={accountType}
            onChange={setAccountType}
          />
          <div className="field-row">
            <TextField
              {...form.field("commissionPercent")}
              inputMode="decimal"
              defaultValue={saved?.commissionPercent ?? "0"}
              hint={`Kept by your business from each payment, from 0 to ${MAX_COMMISSION_BPS / 100}% (the fieldworker keeps at least half); you can override it per fieldworker.`}
            />
            <TextField
              {...form.field("commissionFixed")}
              inputMode="decimal"
              defaultValue={saved?.commissionFixedDecimal ?? "0"}
              hint={fixedHint(saved?.currency ?? "usd")}
            />
          </div>
        </section>
      )}
      <WebhookEndpointsCard
        account={current.endpoints.account}
        connect={current.endpoints.connect}
        showConnect={mode === "connect"}
        accountHint={saved?.webhookSecretHint ?? null}
        connectHint={saved?.connectWebhookSecretHint ?? null}
        field={form.field}
      />
      {problems > 0 && (
        <p className="field-error">
          Not saved: fix {problems === 1 ? "the problem" : `the ${problems} problems`} listed at the top of
          the form.
        </p>
      )}
      {update.isSuccess && (
        <SavedAlerts
          accountId={update.data.settings.stripeAccountId}
          keyMode={update.data.settings.keyMode}
          warnings={update.data.warnings}
        />
      )}
      <Button type="submit" busy={update.isPending} busyLabel="Checking your keys with Stripe…">
        Check with Stripe and save
      </Button>
    </form>
  );
}
