// After a save: "Saved" says only what went well; what Stripe still needs before customers can pay is a separate
// warning with its fix, so a green box never also says card payments are off.
import { Alert } from "@fieldpay/ui/alert";

const TEST_KEYS = /^These are test keys/;

export function SavedAlerts({
  accountId,
  keyMode,
  warnings,
}: {
  accountId: string;
  keyMode: string;
  warnings: ReadonlyArray<string>;
}) {
  const toDo = warnings.filter((w) => !TEST_KEYS.test(w));
  return (
    <>
      <Alert tone="success" title="Saved: Stripe accepted your keys">
        Connected to Stripe account {accountId} ({keyMode} mode).
        {keyMode === "test" && " These are test keys: no real card will be charged."}
      </Alert>
      {toDo.length > 0 && (
        <Alert
          tone="warning"
          title="Before customers can pay, Stripe needs more from you"
          fix="Finish these in your Stripe dashboard, then save here again: fieldpay checks the account each time."
        >
          <ul className="plain-list">
            {toDo.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
