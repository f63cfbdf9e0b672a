import type { AppRouter } from "@fieldpay/api/router";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { TextField } from "@fieldpay/ui/text-field";
import type { inferRouterOutputs } from "@trpc/server";
import { type FormEvent, useState } from "react";
import { errorInfo, firstFieldError } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { ChoiceGroup } from "./choice-group.tsx";
import { accountTypeChoices, modeChoices } from "./choices.tsx";
import { WebhookEndpointsCard } from "./webhook-endpoints-card.tsx";

type Current = inferRouterOutputs<AppRouter>["paymentSettings"]["get"];

export function PaymentSettingsForm({ current }: { current: Current }) {
  const saved = current.settings;
  const utils = trpc.useUtils();
  const [mode, setMode] = useState(saved?.mode ?? "direct");
  const [accountType, setAccountType] = useState(saved?.connectAccountType ?? "express");
  const update = trpc.paymentSettings.update.useMutation({
    onSuccess: () => utils.paymentSettings.get.invalidate(),
  });
  const error = errorInfo(update.error);

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
      <section className="card">
        <ChoiceGroup
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
          name="publishableKey"
          label="Publishable key"
          autoComplete="off"
          defaultValue={saved?.publishableKey ?? ""}
          hint="Starts with pk_test_ or pk_live_."
          error={firstFieldError(error, "publishableKey")}
        />
        <TextField
          name="secretKey"
          label="Secret key"
          type="password"
          autoComplete="off"
          hint={
            saved
              ? `Saved: ${saved.secretKeyHint}. Leave blank to keep it.`
              : "Starts with sk_test_ or sk_live_ (or rk_ for a restricted key)."
          }
          error={firstFieldError(error, "secretKey")}
        />
        <TextField
          name="currency"
          label="Currency"
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
            name="accountType"
            legend="Fieldworker account type"
            choices={accountTypeChoices}
            value={accountType}
            onChange={setAccountType}
          />
          <div className="field-row">
            <TextField
              name="commissionPercent"
              label="Default commission (%)"
              inputMode="decimal"
              defaultValue={saved?.commissionPercent ?? "0"}
              hint="Kept by your business from each payment; you can override it per fieldworker."
            />
            <TextField
              name="commissionFixed"
              label="Plus a fixed amount"
              inputMode="decimal"
              defaultValue={saved?.commissionFixedDecimal ?? "0"}
              hint="In your currency, e.g. 0.30."
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
        errors={{
          webhookSecret: firstFieldError(error, "webhookSecret"),
          connectWebhookSecret: firstFieldError(error, "connectWebhookSecret"),
        }}
      />
      <FormError message={error?.message} fix={error?.fix ?? undefined} />
      {update.isSuccess && (
        <Alert tone="success" title="Saved: Stripe accepted your keys">
          Connected to Stripe account {update.data.settings.stripeAccountId} ({update.data.settings.keyMode}{" "}
          mode).
          {update.data.warnings.map((w) => (
            <span key={w} className="block">
              {w}
            </span>
          ))}
        </Alert>
      )}
      <Button type="submit" busy={update.isPending} busyLabel="Checking your keys with Stripe…">
        Check with Stripe and save
      </Button>
    </form>
  );
}
