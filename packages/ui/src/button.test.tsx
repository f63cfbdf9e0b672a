// @vitest-environment jsdom
import { type FormEvent, useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { Button } from "./button.tsx";
import { buttonByText, click, type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

function SaveForm({ onSave }: { onSave: () => void }) {
  const [saving, setSaving] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
    setSaving(true);
  };
  return (
    <form onSubmit={submit}>
      <Button type="submit" busy={saving} busyLabel="Saving…">
        Save card
      </Button>
    </form>
  );
}

describe("Button", () => {
  it("submits once, then says Saving… and stays disabled against a double click", () => {
    let saves = 0;
    view = mount(<SaveForm onSave={() => saves++} />);
    const button = buttonByText(view.container, "Save card");
    click(button);
    click(button);
    expect(saves).toBe(1);
    expect(button.textContent).toBe("Saving…");
    expect(button.disabled).toBe(true);
    expect(button.getAttribute("aria-busy")).toBe("true");
  });

  it("does not submit a surrounding form unless it is type=submit", () => {
    let submits = 0;
    view = mount(
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submits++;
        }}
      >
        <Button variant="secondary">Cancel</Button>
      </form>,
    );
    click(buttonByText(view.container, "Cancel"));
    expect(submits).toBe(0);
  });

  it("calls onClick, and not while disabled", () => {
    let clicks = 0;
    view = mount(
      <Button variant="danger" onClick={() => clicks++}>
        Disconnect
      </Button>,
    );
    const button = buttonByText(view.container, "Disconnect");
    click(button);
    expect(clicks).toBe(1);
    expect(button.className).toBe("btn btn-danger");
    view.rerender(
      <Button variant="danger" disabled onClick={() => clicks++}>
        Disconnect
      </Button>,
    );
    click(button);
    expect(clicks).toBe(1);
    expect(button.disabled).toBe(true);
  });
});
