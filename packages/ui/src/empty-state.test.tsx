import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./empty-state.tsx";

describe("EmptyState", () => {
  it("says what is missing, why, and what to do next", () => {
    const html = renderToStaticMarkup(
      <EmptyState
        title="No fieldworkers yet"
        action={<a href="/fieldworkers/invite">Invite a fieldworker</a>}
      >
        Invited fieldworkers appear here once they accept.
      </EmptyState>,
    );
    expect(html).toBe(
      '<div class="empty-state"><p class="empty-state-title">No fieldworkers yet</p>' +
        '<div class="empty-state-body">Invited fieldworkers appear here once they accept.</div>' +
        '<div class="empty-state-action"><a href="/fieldworkers/invite">Invite a fieldworker</a></div></div>',
    );
  });

  it("shows just the title when that is all there is", () => {
    expect(renderToStaticMarkup(<EmptyState title="No payouts yet" />)).toBe(
      '<div class="empty-state"><p class="empty-state-title">No payouts yet</p></div>',
    );
  });
});
