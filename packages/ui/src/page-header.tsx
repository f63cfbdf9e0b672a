import type { ReactNode } from "react";
import { hasContent } from "./has-content.ts";

export interface PageHeaderProps {
  /** The page's one <h1>. */
  title: ReactNode;
  /** A short line under the title. */
  description?: ReactNode;
  /** Where the page sits, e.g. "Settings / Financial Settings", shown above the title. */
  eyebrow?: ReactNode;
  /** Buttons for the page's main actions, placed beside the title (below it on narrow screens). */
  actions?: ReactNode;
}

export function PageHeader({ title, description, eyebrow, actions }: PageHeaderProps) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        {hasContent(eyebrow) && <p className="page-header-eyebrow">{eyebrow}</p>}
        <h1>{title}</h1>
        {hasContent(description) && <p className="page-header-description">{description}</p>}
      </div>
      {hasContent(actions) && <div className="page-header-actions">{actions}</div>}
    </header>
  );
}
