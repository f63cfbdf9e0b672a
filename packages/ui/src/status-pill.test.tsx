import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccountStatusPill, CheckStatusPill, StatusPill } from "./status-pill.tsx";

describe("StatusPill", () => {
  it("renders its text with the tone's class", () => {
    const html = renderToStaticMarkup(<StatusPill tone="bad">restricted</StatusPill>);
    expect(html).toBe('<span class="pill pill-bad">restricted</span>');
  });
});

describe("AccountStatusPill", () => {
  it.each([
    ["onboarding_incomplete", "Onboarding incomplete", "pill-warn"],
    ["pending_verification", "Pending verification", "pill-neutral"],
    ["restricted", "Restricted", "pill-bad"],
    ["active", "Active", "pill-good"],
  ] as const)("shows %s as %s in %s", (status, words, toneClass) => {
    const html = renderToStaticMarkup(<AccountStatusPill status={status} />);
    expect(html).toBe(`<span class="pill ${toneClass}">${words}</span>`);
  });
});

describe("CheckStatusPill", () => {
  it.each([
    ["pass", "Passed", "pill-good"],
    ["warn", "Warning", "pill-warn"],
    ["fail", "Failed", "pill-bad"],
  ] as const)("shows %s as %s in %s", (status, words, toneClass) => {
    const html = renderToStaticMarkup(<CheckStatusPill status={status} />);
    expect(html).toBe(`<span class="pill ${toneClass}">${words}</span>`);
  });
});
