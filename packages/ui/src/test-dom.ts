// Test-only helpers for jsdom tests (a .ts file, so the package's "./*" -> "*.tsx" export never exposes it).
// They find elements the way a user or a screen reader does: by label, role and description.
import { act, type ReactNode } from "react";
import { createRoot } from "react-dom/client";

// Tells React that updates in these tests are wrapped in act(), so it flushes them and does not warn.
Reflect.set(globalThis, "IS_REACT_ACT_ENVIRONMENT", true);

export interface Mounted {
  container: HTMLElement;
  rerender(ui: ReactNode): void;
  unmount(): void;
}

export function mount(ui: ReactNode): Mounted {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(ui));
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

export function click(element: Element | null): void {
  if (!(element instanceof HTMLElement)) throw new Error("nothing to click");
  act(() => element.click());
}

/** Types into a React-controlled input: React listens for "input" after the native value setter ran. */
export function typeInto(element: Element | null, value: string): void {
  if (!(element instanceof HTMLInputElement)) throw new Error("not an input");
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** The form control a visible <label> names, as assistive technology pairs them (for/id). */
export function controlByLabel(container: ParentNode, labelText: string): HTMLElement {
  const label = [...container.querySelectorAll("label")].find((l) => l.textContent?.includes(labelText));
  const control = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
  if (!control) throw new Error(`no control labelled "${labelText}"`);
  return control;
}

/** The text a screen reader reads as the element's description (aria-describedby, in order). */
export function description(element: Element): string {
  const ids = element.getAttribute("aria-describedby")?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

export function buttonByText(container: ParentNode, text: string): HTMLButtonElement {
  const button = [...container.querySelectorAll("button")].find((b) => b.textContent?.includes(text));
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}
