import { describe, expect, it } from "vitest";
import { businessDaysLateWords, dayWords, hoursAgoWords } from "./day-words.ts";

describe("days and spans in words", () => {
  it("names a UTC day as pages do", () => {
    expect(dayWords(new Date("2009-02-13T23:31:30Z"))).toBe("13 Feb 2009");
  });

  it("says how long ago, never '0 hours ago'", () => {
    expect(hoursAgoWords(0.2)).toBe("less than an hour ago");
    expect(hoursAgoWords(1.5)).toBe("1 hour ago");
    expect(hoursAgoWords(30)).toBe("30 hours ago");
    expect(hoursAgoWords(24 * 9 + 3)).toBe("9 days ago");
  });

  it("says how late without '(s)', and without counting thousands of days", () => {
    expect(businessDaysLateWords(1)).toBe("1 business day late");
    expect(businessDaysLateWords(4)).toBe("4 business days late");
    expect(businessDaysLateWords(4643)).toBe("over a month late");
  });
});
