// The words under each Overview figure: up or down, by how much, against what.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { changeWords, PeriodWords } from "./overview-figures.tsx";

const text = (html: string) => html.replace(/<[^>]+>/g, "");

const money = (value: number, previous: number | null) => ({
  kind: "money" as const,
  currency: "usd",
  value,
  previous,
});

describe("overview change words", () => {
  it("says up or down in words and %, with the previous figure", () => {
    expect(changeWords(money(23_000, 20_000), 7)).toEqual({
      text: "Up 15% on the previous 7 days ($200.00)",
      direction: "up",
    });
    expect(changeWords(money(5_000, 20_000), 30)).toEqual({
      text: "Down 75% on the previous 30 days ($200.00)",
      direction: "down",
    });
    expect(changeWords(money(10_050, 10_000), 1)?.text).toBe("Up less than 1% on yesterday ($100.00)");
    expect(changeWords(money(0, 0), 7)?.text).toBe("Same as the previous 7 days ($0.00)");
  });

  it("gives no percentage against nothing, and nothing for a figure that is a state of now", () => {
    expect(changeWords(money(2_000, 0), 7)?.text).toBe("Up from $0.00 the previous 7 days");
    expect(changeWords(money(-2_000, 0), 1)?.text).toBe("Down from $0.00 yesterday");
    expect(changeWords({ kind: "count", currency: null, value: 3, previous: null }, 7)).toBeNull();
    expect(changeWords({ kind: "money", currency: "jpy", value: 1_500, previous: 1_000 }, 7)?.text).toBe(
      "Up 50% on the previous 7 days (¥1,000)",
    );
  });

  it("names the period and the one it is compared with, in the one date format (<When>)", () => {
    const range = { key: "7d" as const, days: 7, from: "2026-12-04", to: "2026-12-10" };
    const html = renderToStaticMarkup(
      <PeriodWords range={{ ...range, previousFrom: "2026-11-27", previousTo: "2026-12-03" }} />,
    );
    expect(text(html)).toBe(
      "4 Dec 2026 – 10 Dec 2026, compared with 27 Nov 2026 – 3 Dec 2026 up to this time",
    );
    expect(html.match(/<time dateTime="/g)).toHaveLength(4);
    expect(html).toContain('<time dateTime="2026-12-04T00:00:00.000Z">4 Dec 2026</time>');
    const today = { key: "today" as const, days: 1, from: "2026-12-10", to: "2026-12-10" };
    expect(
      text(
        renderToStaticMarkup(
          <PeriodWords range={{ ...today, previousFrom: "2026-12-09", previousTo: "2026-12-09" }} />,
        ),
      ),
    ).toBe("Today (10 Dec 2026), compared with yesterday up to this time");
  });
});
