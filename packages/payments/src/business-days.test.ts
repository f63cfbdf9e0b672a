import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  countBusinessDays,
  describeSchedule,
  isBusinessDay,
  nextScheduledPayoutDay,
  startOfUtcDay,
} from "./business-days.ts";

// 2026-11-27 is a Friday.
const friday = new Date("2026-11-27T15:30:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("addBusinessDays", () => {
  it("skips the weekend and keeps the time of day", () => {
    expect(addBusinessDays(friday, 1).toISOString()).toBe("2026-11-30T15:30:00.000Z");
    expect(addBusinessDays(friday, 5).toISOString()).toBe("2026-12-04T15:30:00.000Z");
    expect(addBusinessDays(friday, 6).toISOString()).toBe("2026-12-07T15:30:00.000Z");
  });

  it("counts from a weekend day to the next weekdays", () => {
    expect(addBusinessDays(day("2026-11-28"), 1)).toEqual(day("2026-11-30"));
    expect(addBusinessDays(day("2026-11-29"), 5)).toEqual(day("2026-12-04"));
    expect(addBusinessDays(day("2026-11-28"), 0)).toEqual(day("2026-11-28"));
  });

  it("refuses negative, fractional and invalid input", () => {
    expect(() => addBusinessDays(friday, -1)).toThrow(RangeError);
    expect(() => addBusinessDays(friday, 1.5)).toThrow(RangeError);
    expect(() => addBusinessDays(new Date("nope"), 1)).toThrow(RangeError);
  });

  it("agrees with a day-by-day walk and with countBusinessDays for any date and count", () => {
    const dates = fc.date({ min: new Date("1960-01-01"), max: new Date("2100-01-01"), noInvalidDate: true });
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 400 }), (start, n) => {
        let walked = start;
        for (let left = n; left > 0; ) {
          walked = new Date(walked.getTime() + 86_400_000);
          if (isBusinessDay(walked)) left -= 1;
        }
        const added = addBusinessDays(start, n);
        expect(added).toEqual(walked);
        expect(countBusinessDays(start, added)).toBe(n);
        if (n > 0) expect(isBusinessDay(added)).toBe(true);
      }),
    );
  });
});

describe("countBusinessDays", () => {
  it("counts weekdays after the first day up to the last, negative backwards", () => {
    expect(countBusinessDays(friday, day("2026-11-29"))).toBe(0);
    expect(countBusinessDays(friday, day("2026-11-30"))).toBe(1);
    expect(countBusinessDays(day("2026-11-23"), day("2026-12-07"))).toBe(10);
    expect(countBusinessDays(day("2026-11-30"), friday)).toBe(-1);
    expect(countBusinessDays(friday, friday)).toBe(0);
  });
});

describe("nextScheduledPayoutDay", () => {
  it("daily: the same weekday, or Monday after a weekend", () => {
    const daily = { interval: "daily", delay_days: 2 };
    expect(nextScheduledPayoutDay(friday, daily)).toEqual(day("2026-11-27"));
    expect(nextScheduledPayoutDay(day("2026-11-28"), daily)).toEqual(day("2026-11-30"));
  });

  it("weekly: the next anchor day, from weekly_anchor or weekly_payout_days", () => {
    expect(
      nextScheduledPayoutDay(friday, { interval: "weekly", delay_days: 2, weekly_anchor: "friday" }),
    ).toEqual(day("2026-11-27"));
    const days = { interval: "weekly", delay_days: 2, weekly_payout_days: ["tuesday", "thursday"] };
    expect(nextScheduledPayoutDay(friday, days)).toEqual(day("2026-12-01"));
  });

  it("monthly: anchors past the end of a short month fall on its last day", () => {
    const monthly = { interval: "monthly", delay_days: 2, monthly_anchor: 31 };
    expect(nextScheduledPayoutDay(day("2027-02-03"), monthly)).toEqual(day("2027-02-28"));
    expect(nextScheduledPayoutDay(day("2028-02-03"), monthly)).toEqual(day("2028-02-29"));
    expect(nextScheduledPayoutDay(day("2026-12-01"), monthly)).toEqual(day("2026-12-31"));
  });

  it("manual or unreadable schedules never pay out on their own", () => {
    expect(nextScheduledPayoutDay(friday, { interval: "manual", delay_days: 2 })).toBeNull();
    expect(nextScheduledPayoutDay(friday, { interval: "weekly", delay_days: 2 })).toBeNull();
  });

  it("describeSchedule names the schedule for explanations", () => {
    expect(describeSchedule({ interval: "monthly", delay_days: 2, monthly_payout_days: [1, 15] })).toBe(
      "monthly (day 1, 15)",
    );
    expect(describeSchedule({ interval: "weekly", delay_days: 2, weekly_anchor: "monday" })).toBe(
      "weekly (Monday)",
    );
    expect(describeSchedule({ interval: "manual", delay_days: 2 })).toBe("manual");
  });

  it("startOfUtcDay drops the time", () => {
    expect(startOfUtcDay(friday)).toEqual(day("2026-11-27"));
  });
});
