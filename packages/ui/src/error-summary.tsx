import { type MouseEvent, type ReactNode, useEffect, useRef } from "react";
import { hasContent } from "./has-content.ts";

export interface SummaryProblem {
  /** id of the field's control; with a label the problem links to it. */
  fieldId?: string;
  /** The field's visible label, so the summary names fields the way the form does. */
  label?: string;
  /** What is wrong, in the user's words. */
  message: string;
}

export interface ErrorSummaryProps {
  problems: ReadonlyArray<SummaryProblem>;
  /** One line on how to fix it, shown after "How to fix:". */
  fix?: ReactNode;
}

/**
 * "Price: Price: enter…" reads badly: a message that already starts with its field's label drops the repeat, and
 * so does one naming the field without the label's unit ("Deposit: …" beside "Deposit (%)").
 */
export function withoutLabel(message: string, label: string | undefined): string {
  if (!label) return message;
  const names = [label, label.replace(/\s*\([^)]*\)$/, "")];
  const prefix = names
    .map((name) => `${name}:`)
    .find((p) => message.toLowerCase().startsWith(p.toLowerCase()));
  if (!prefix) return message;
  const rest = message.slice(prefix.length).trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : message;
}

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView?.({ block: "center" });
  field.focus();
}

/**
 * The top of a form that did not go through, as GOV.UK's error summary: every problem, each naming its field by
 * its label and linking to it (the link moves focus there). It takes focus when it appears, so a keyboard or
 * screen-reader user starts from the list; each field also shows its own message beside it.
 */
export function ErrorSummary({ problems, fix }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = problems.map((p) => `${p.fieldId ?? ""}:${p.message}`).join("|");
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (problems.length === 0) return null;
  const title = problems.length === 1 ? "There is a problem" : `There are ${problems.length} problems`;
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="form-error error-summary">
      <p className="form-error-message error-summary-title">{title}</p>
      <ul className="error-summary-list">
        {problems.map((problem) => (
          <li key={`${problem.fieldId ?? ""}:${problem.message}`}>
            {problem.fieldId && problem.label ? (
              <a href={`#${problem.fieldId}`} onClick={(e) => focusField(e, problem.fieldId ?? "")}>
                <strong>{problem.label}</strong>: {withoutLabel(problem.message, problem.label)}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
      {hasContent(fix) && (
        <p className="form-error-fix">
          <strong>How to fix:</strong> {fix}
        </p>
      )}
    </div>
  );
}
