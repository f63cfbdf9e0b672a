import { CheckStatusPill } from "@fieldpay/ui/status-pill";

export interface Check {
  id: string;
  title: string;
  status: "pass" | "warn" | "fail";
  explanation: string;
  fix: string;
}

const ORDER = { fail: 0, warn: 1, pass: 2 } as const;

/** Problems first: what failed, then what deserves a look, then what is fine. */
export function CheckList({ checks }: { checks: readonly Check[] }) {
  const sorted = [...checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  return (
    <ul className="check-list">
      {sorted.map((check) => (
        <li key={check.id} className={`check-item check-${check.status}`}>
          <p className="check-title">
            <CheckStatusPill status={check.status} /> <strong>{check.title}</strong>
          </p>
          <p>{check.explanation}</p>
          {check.status !== "pass" && (
            <p className="check-fix">
              <strong>How to fix:</strong> {check.fix}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
