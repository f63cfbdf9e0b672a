// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { Alert } from "./alert.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

describe("Alert", () => {
  it("interrupts for danger, with title, body and fix", () => {
    view = mount(
      <Alert tone="danger" title="Payouts are paused" fix="Finish onboarding to resume payouts.">
        Stripe needs more information about this account.
      </Alert>,
    );
    const alert = view.container.querySelector('[role="alert"]');
    expect(alert?.className).toBe("alert alert-danger");
    expect(alert?.querySelector(".alert-title")?.textContent).toBe("Error: Payouts are paused");
    expect(alert?.textContent).toContain("Stripe needs more information about this account.");
    expect(alert?.querySelector(".alert-fix")?.textContent).toBe(
      "How to fix: Finish onboarding to resume payouts.",
    );
  });

  it.each([
    ["info", "Note"],
    ["success", "Done"],
    ["warning", "Warning"],
  ] as const)("uses a polite status for %s and speaks the tone as %s", (tone, word) => {
    view = mount(<Alert tone={tone} title="Keys saved" />);
    const status = view.container.querySelector('[role="status"]');
    expect(status?.textContent).toBe(`${word}: Keys saved`);
    expect(view.container.querySelector('[role="alert"]')).toBeNull();
  });

  it("shows actions and leaves out empty parts", () => {
    view = mount(<Alert title="Onboarding incomplete" actions={<button type="button">Continue</button>} />);
    expect(view.container.querySelector(".alert-actions button")?.textContent).toBe("Continue");
    expect(view.container.querySelector(".alert-body")).toBeNull();
    expect(view.container.textContent).not.toContain("How to fix");
  });
});
