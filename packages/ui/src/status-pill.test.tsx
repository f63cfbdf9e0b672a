import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusPill } from "./status-pill.tsx";

describe("StatusPill", () => {
  it("renders its text with the tone's class", () => {
    const html = renderToStaticMarkup(<StatusPill tone="bad">restricted</StatusPill>);
    expect(html).toBe('<span class="pill pill-bad">restricted</span>');
  });
});
