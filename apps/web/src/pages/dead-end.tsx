import type { ReactNode } from "react";

export interface DeadEndProps {
  /** A short word above the title, e.g. "Page not found" or "Error". */
  eyebrow: string;
  /** The heading: the page's one <h1>. */
  title: ReactNode;
  /** What happened and what to do, in a sentence or two. */
  children: ReactNode;
  /** The ways back: links or buttons (false where there is none to offer). */
  actions: ReactNode;
}

/** Where a link leads nowhere (or a page broke): says so plainly and always offers a way back. */
export function DeadEnd({ eyebrow, title, children, actions }: DeadEndProps) {
  return (
    <section className="dead-end" aria-labelledby="dead-end-title">
      <p className="dead-end-eyebrow">{eyebrow}</p>
      <h1 id="dead-end-title">{title}</h1>
      <div className="dead-end-body">{children}</div>
      {actions ? <div className="dead-end-actions">{actions}</div> : null}
    </section>
  );
}

/** For a dead end shown without any layout around it: the main landmark the page would otherwise lack. */
export function StandaloneDeadEnd(props: DeadEndProps) {
  return (
    <main id="main-content" className="dead-end-page">
      <DeadEnd {...props} />
    </main>
  );
}
