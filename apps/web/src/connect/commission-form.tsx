// A fieldworker's own commission; empty fields mean "the business default".
import { Alert } from "@fieldpay/ui/alert";
import { Button } from "@fieldpay/ui/button";
import { FormError } from "@fieldpay/ui/form-error";
import { Money } from "@fieldpay/ui/money";
import { TextField } from "@fieldpay/ui/text-field";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../lib/errors.ts";
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
  const error = errorInfo(save.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    save.mutate({
      fieldworkerId,
      percent: String(data.get("percent") ?? "").trim() || null,
      fixed: String(data.get("fixed") ?? "").trim() || null,
    });
  };
  const currency = commission.currency.toUpperCase();
  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Commission</h2>
      <p>
        Now: {commission.percent}% + {commission.fixed} {currency}{" "}
        {commission.source === "fieldworker" ? "(this fieldworker's own rate)" : "(your business default)"}. A
        booking can still have its own rate, which wins over both.
      </p>
      <div className="field-row">
        <TextField
          name="percent"
          label="Percentage for this fieldworker"
          inputMode="decimal"
          defaultValue={commission.overridePercent ?? ""}
          hint="Empty: your business default."
        />
        <TextField
          name="fixed"
          label={`Fixed part (${currency})`}
          inputMode="decimal"
          defaultValue={commission.overrideFixed ?? ""}
          hint="Empty with a percentage set: no fixed part."
        />
      </div>
      <FormError message={error?.message} fix={error?.fix} />
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
