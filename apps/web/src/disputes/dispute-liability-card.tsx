// Payment integration (Stripe Connect): who gives the money back when a customer wins a dispute of a destination
// charge (Express and Custom fieldworkers). Standard accounts' disputes are always their own.
import { Alert } from "@fieldpay/ui/alert";
import { FormError } from "@fieldpay/ui/form-error";
import { useState } from "react";
import { errorInfo } from "../lib/errors.ts";
import { trpc } from "../lib/trpc.ts";
import { ChoiceGroup } from "../settings/choice-group.tsx";

type Liability = "business" | "fieldworker";

const CHOICES = [
  {
    value: "business" as const,
    title: "My business",
    description:
      "A lost dispute comes out of your balance; the fieldworker keeps their share. Simple for fieldworkers, and your risk.",
  },
  {
    value: "fieldworker" as const,
    title: "The fieldworker's share too",
    description:
      "When a dispute opens, fieldpay takes the fieldworker's share of the disputed amount back from their transfer (a transfer reversal), and sends it to them again if you win. They see it in their earnings.",
  },
];

export function DisputeLiabilityCard({ current }: { current: Liability }) {
  const [value, setValue] = useState<Liability>(current);
  const utils = trpc.useUtils();
  const save = trpc.paymentSettings.setDisputeLiability.useMutation({
    onSuccess: () => utils.paymentSettings.get.invalidate(),
  });
  const error = errorInfo(save.error);
  return (
    <section className="card" aria-labelledby="dispute-liability-heading">
      <h2 id="dispute-liability-heading">Who carries a lost dispute</h2>
      <p>
        For destination charges (Express and Custom fieldworkers) the money lands on your account first, so
        Stripe takes a disputed amount from you. Standard fieldworkers' payments are on their own account:
        their disputes are always theirs. Disputes already open keep the choice they opened with.
      </p>
      <ChoiceGroup
        name="disputeLiability"
        legend="When a customer disputes a payment"
        choices={CHOICES}
        value={value}
        onChange={(next) => {
          setValue(next);
          save.mutate({ liability: next });
        }}
      />
      <FormError message={error?.message} fix={error?.fix ?? undefined} />
      {save.isSuccess && (
        <Alert tone="success" title="Saved">
          {save.data.disputeLiability === "business"
            ? "Your business carries lost disputes."
            : "Fieldworkers' shares go back with a dispute, and come back if you win."}
        </Alert>
      )}
    </section>
  );
}
