// The admin's Overview: the setup checklist while anything is not done, then the business's money for a period
// (Today, 7 days, 30 days) against the previous one, with a chart. The period is kept in the address (?range=).
import { Alert } from "@fieldpay/ui/alert";
import { keepPreviousData } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { trpc } from "../lib/trpc.ts";
import { OverviewChecklist } from "./overview-checklist.tsx";
import { OverviewChart, OverviewFigures, PeriodWords } from "./overview-figures.tsx";

const RANGES = [
  { key: "today", label: "Today" },
  { key: "7d", label: "7 days" },
  { key: "30d", label: "30 days" },
] as const;
type Range = (typeof RANGES)[number]["key"];

const isRange = (value: string | null): value is Range => RANGES.some((r) => r.key === value);

// Days start at the admin's own midnight, wherever the browser is.
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function AdminOverview() {
  const [params, setParams] = useSearchParams();
  const asked = params.get("range");
  const range: Range = isRange(asked) ? asked : "7d";
  const overview = trpc.overview.get.useQuery({ range, timeZone }, { placeholderData: keepPreviousData });
  const data = overview.data;
  if (overview.isError)
    return (
      <Alert tone="danger" title="The overview could not be loaded">
        {overview.error.message}
      </Alert>
    );
  if (!data) return <p className="muted">Loading your overview…</p>;
  return (
    <>
      {!data.setup.done && <OverviewChecklist setup={data.setup} />}
      <section
        className="overview-money"
        aria-labelledby="overview-money-title"
        aria-busy={overview.isFetching}
      >
        <div className="overview-money-head">
          <div>
            <h2 id="overview-money-title">Your money</h2>
            <p className="muted overview-period">
              <PeriodWords range={data.range} />
            </p>
          </div>
          <fieldset className="overview-ranges">
            <legend className="visually-hidden">Period</legend>
            {RANGES.map((r) => (
              <button
                key={r.key}
                type="button"
                className="overview-range"
                aria-pressed={r.key === range}
                onClick={() => setParams(r.key === "7d" ? {} : { range: r.key }, { replace: true })}
              >
                {r.label}
              </button>
            ))}
          </fieldset>
        </div>
        <OverviewFigures overview={data} />
        {data.otherCurrencies.length > 0 && (
          <p className="muted">
            Amounts in {data.otherCurrencies.map((c) => c.toUpperCase()).join(", ")} are not included: the
            figures are in {data.currency.toUpperCase()}, your business's currency.
          </p>
        )}
        <OverviewChart overview={data} />
      </section>
    </>
  );
}
