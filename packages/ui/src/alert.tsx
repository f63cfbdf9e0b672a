import type { ReactNode } from "react";
import { hasContent } from "./has-content.ts";

export type AlertTone = "info" | "success" | "warning" | "danger";

export interface AlertProps {
  tone?: AlertTone;
  title: ReactNode;
  /** The body: what happened or what the user should know. */
  children?: ReactNode;
  /** What the user can do about it, shown after "How to fix:". */
  fix?: ReactNode;
  /** Buttons or links, e.g. "Retry onboarding". */
  actions?: ReactNode;
}

// Colour alone does not tell a screen-reader user how serious this is, so the tone is also spoken.
const TONE_WORD: Readonly<Record<AlertTone, string>> = {
  info: "Note",
  success: "Done",
  warning: "Warning",
  danger: "Error",
};

export function Alert({ tone = "info", title, children, fix, actions }: AlertProps) {
  // Only failures interrupt (role="alert"); everything else waits politely (role="status").
  const role = tone === "danger" ? "alert" : "status";
  return (
    <div role={role} className={`alert alert-${tone}`}>
      <p className="alert-title">
        <span className="visually-hidden">{TONE_WORD[tone]}: </span>
        {title}
      </p>
      {hasContent(children) && <div className="alert-body">{children}</div>}
      {hasContent(fix) && (
        <p className="alert-fix">
          <strong>How to fix:</strong> {fix}
        </p>
      )}
      {hasContent(actions) && <div className="alert-actions">{actions}</div>}
    </div>
  );
}
