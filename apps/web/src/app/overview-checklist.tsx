// "Get ready to take payments": the setup steps in order, each done or with what to do and a link to its page.
import { Link } from "react-router";
import type { RouterOutputs } from "./overview-figures.tsx";

type Setup = RouterOutputs["overview"]["get"]["setup"];

export function OverviewChecklist({ setup }: { setup: Setup }) {
  const next = setup.items.find((item) => !item.done);
  return (
    <section className="card overview-setup" aria-labelledby="overview-setup-title">
      <h2 id="overview-setup-title">Get ready to take payments</h2>
      <p className="overview-setup-progress">
        <label htmlFor="overview-setup-meter">
          {setup.completed} of {setup.total} steps done
        </label>
        <progress id="overview-setup-meter" max={setup.total} value={setup.completed} />
      </p>
      <ol className="overview-steps">
        {setup.items.map((item) => (
          <li
            key={item.id}
            className={item.done ? "overview-step overview-step-done" : "overview-step"}
            aria-current={item === next ? "step" : undefined}
          >
            <span className="overview-step-mark" aria-hidden="true">
              {item.done ? "✓" : ""}
            </span>
            <div className="overview-step-text">
              <h3>
                {item.title}
                <span className="visually-hidden">{item.done ? " (done)" : " (to do)"}</span>
              </h3>
              <p>{item.detail}</p>
              {!item.done && (
                <Link
                  to={item.action.href}
                  className={item === next ? "btn btn-primary" : "btn btn-secondary"}
                >
                  {item.action.label}
                </Link>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
