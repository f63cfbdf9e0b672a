import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatDayShort, relativeTime, When } from "./dates.tsx";

const now = new Date("2026-12-02T14:05:00Z");

describe("the one date format", () => {
  it("shows day, short month, year and a 24-hour time", () => {
    expect(formatDateTime("2026-12-02T14:05:09.732Z", "UTC")).toBe("2 Dec 2026, 14:05");
    expect(formatDateTime(new Date("2026-12-02T04:17:15.732Z"), "UTC")).toBe("2 Dec 2026, 04:17");
    expect(formatDay("2026-01-09T23:00:00Z", "UTC")).toBe("9 Jan 2026");
    expect(formatDayShort("2026-01-09T23:00:00Z", "UTC")).toBe("9 Jan");
  });

  it("shows a day in the zone it was worked out in when told", () => {
    const html = renderToStaticMarkup(<When value="2026-12-04T00:00:00Z" show="day" timeZone="UTC" />);
    expect(html).toBe('<time dateTime="2026-12-04T00:00:00.000Z">4 Dec 2026</time>');
    const later = renderToStaticMarkup(<When value="2026-12-04T00:00:00Z" timeZone="Asia/Tokyo" />);
    expect(later).toContain(">4 Dec 2026, 09:00<");
  });

  it("says how far away a moment is in the largest whole unit", () => {
    expect(relativeTime(new Date(now.getTime() + 3 * 86_400_000 + 3_600_000), now)).toBe("in 3 days");
    expect(relativeTime(new Date(now.getTime() - 2 * 3_600_000 - 59_000), now)).toBe("2 hours ago");
    expect(relativeTime(new Date(now.getTime() - 86_400_000), now)).toBe("yesterday");
    expect(relativeTime(new Date(now.getTime() - 20_000), now)).toBe("just now");
    expect(relativeTime(new Date(now.getTime() + 5 * 60_000), now)).toBe("in 5 minutes");
  });

  it("puts the ISO form in the markup's dateTime, never in the text", () => {
    const html = renderToStaticMarkup(<When value="2026-12-02T12:05:00Z" relative now={now} />);
    expect(html).toContain('dateTime="2026-12-02T12:05:00.000Z"');
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT/);
    expect(text).toMatch(/^\d{1,2} Dec 2026, \d\d:\d\d \(2 hours ago\)$/);
  });
});
