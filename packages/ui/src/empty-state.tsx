import type { ReactNode } from "react";
import { hasContent } from "./has-content.ts";

export interface EmptyStateProps {
  /** What is missing, e.g. "No payouts yet". */
  title: ReactNode;
  /** Why, or what will make something appear. */
  children?: ReactNode;
  /** The next step, e.g. an "Invite a fieldworker" button. */
  action?: ReactNode;
}

export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {hasContent(children) && <div className="empty-state-body">{children}</div>}
      {hasContent(action) && <div className="empty-state-action">{action}</div>}
    </div>
  );
}
