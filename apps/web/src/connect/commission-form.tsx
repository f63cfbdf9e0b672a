// A fieldworker's own commission; empty fields mean "the business default".

import { formatMoney } from "@fieldpay/payments/money/format";
import { MAX_COMMISSION_BPS, maximumFixedCommission } from "@fieldpay/payments/money/limits";
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { ErrorSummary } from "@fieldpay/ui/error-summary";
import { Money } from "@fieldpay/ui/money";
import { TextField } from "@fieldpay/ui/text-field";
import { type FormEvent, useState } from "react";
import { errorInfo, formErrors } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";

interface Commission {
  source: "booking" | "fieldworker" | "business";
  percent: string;
  fixed: string;
  currency: string;
  overridePercent: string | null;
  overrideFixed: string | null;
}

export function CommissionForm({
  fieldworkerId,
  commission,
}: {
  fieldworkerId: string;
  commission: Commission;
}) {
  const utils = trpc.useUtils();
  const save = trpc.fieldworkers.setCommission.useMutation({
    onSuccess: () => utils.fieldworkers.invalidate(),
  });
  const [amount, setAmount] = useState("100.00");
  const preview = trpc.fieldworkers.previewSplit.useQuery(
    { amount, fieldworkerId },
    { enabled: amount.trim() !== "" },
  );
  const currency = commission.currency.toUpperCase();
  const form = formErrors("commission", errorInfo(save.error), [
    { name: "percent", label: "Percentage for this fieldworker" },
    { name: "fixed", label: `Fixed part (${currency})` },
  ]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({
      fieldworkerId,
      percent: String(data.get("percent") ?? "").trim() || null,
      fixed: String(data.get("fixed") ?? "").trim() || null,
    });
  };
  const fixedCap = formatMoney(maximumFixedCommission(commission.currency), commission.currency);
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Commission</h2>
      <p>
        Now: {commission.percent}% + {commission.fixed} {currency}{" "}
        {commission.source === "fieldworker" ? "(this fieldworker's own rate)" : "(your business default)"}. A
        booking can still have its own rate, which wins over both.
      </p>
      <ErrorSummary {...form.summary} />
      <div className="field-row">
        <TextField
          {...form.field("percent")}
          inputMode="decimal"
          defaultValue={commission.overridePercent ?? ""}
          hint={`From 0 to ${MAX_COMMISSION_BPS / 100}%, so the fieldworker keeps at least half. Empty: your business default.`}
        />
        <TextField
          {...form.field("fixed")}
          inputMode="decimal"
          defaultValue={commission.overrideFixed ?? ""}
          hint={`At most ${fixedCap}. Empty with a percentage set: no fixed part.`}
        />
      </div>
      {save.isSuccess && <Alert tone="success" title="Commission saved" />}
      <Button type="submit" busy={save.isPending} busyLabel="Saving…">
        Save commission
      </Button>
      <h3>What a payment would look like</h3>
      <TextField
        name="previewAmount"
        label={`Booking amount (${currency})`}
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={preview.isError ? preview.error.message : undefined}
      />
      {preview.data && (
        <p data-testid="split-preview">
          You keep <Money {...preview.data.applicationFee} />; the fieldworker gets{" "}
          <Money {...preview.data.fieldworkerNet} />.
          {preview.data.capped && " (The commission was capped at the whole amount.)"}
        </p>
      )}
    </form>
  );
}
