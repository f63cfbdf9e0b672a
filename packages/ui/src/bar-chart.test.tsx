// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { BarChart } from "./bar-chart.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const months = [
  { label: "Jan", value: 120000 },
  { label: "Feb", value: 45050 },
  { label: "Mar", value: 0 },
  { label: "Apr", value: 240000 },
];

const bars = (root: ParentNode) =>
  [...root.querySelectorAll("rect")].map((rect) => ({
    height: Number(rect.getAttribute("height")),
    tip: rect.querySelector("title")?.textContent,
  }));

describe("BarChart", () => {
  it("is one image whose name summarises the totals", () => {
    view = mount(<BarChart title="Payments per month" data={months} currency="usd" locale="en-US" />);
    const image = view.container.querySelector('svg[role="img"]');
    expect(image?.getAttribute("aria-label")).toBe(
      "Payments per month: 4 periods, Jan to Apr. Total $4,050.50. Highest $2,400.00 in Apr; lowest $0.00 in Mar.",
    );
    expect(view.container.querySelector("figcaption")?.textContent).toBe("Payments per month");
  });

  it("lists every value in a visually hidden table", () => {
    view = mount(<BarChart title="Payments per month" data={months} currency="usd" locale="en-US" />);
    const table = view.container.querySelector("table");
    expect(table?.parentElement?.className).toBe("visually-hidden");
    const rows = [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) =>
      [...tr.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["Jan", "$1,200.00"],
      ["Feb", "$450.50"],
      ["Mar", "$0.00"],
      ["Apr", "$2,400.00"],
    ]);
  });

  it("draws bars in proportion to their values, labelled with the formatted amount", () => {
    view = mount(<BarChart title="Per month" data={months} currency="usd" locale="en-US" height={224} />);
    const drawn = bars(view.container);
    // 224 px high minus 22 above and 24 below leaves 178 px for the largest total.
    expect(drawn.map((b) => b.height)).toEqual([89, 33.41, 0, 178]);
    expect(drawn.map((b) => b.tip)).toEqual([
      "Jan: $1,200.00",
      "Feb: $450.50",
      "Mar: $0.00",
      "Apr: $2,400.00",
    ]);
    expect(view.container.querySelector(".bar-chart-scale")?.textContent).toBe("$2,400.00");
  });

  it("formats zero-decimal currencies and shows negative totals below the axis", () => {
    view = mount(
      <BarChart
        title="Net per week"
        data={[
          { label: "W1", value: 3000 },
          { label: "W2", value: -1000 },
        ]}
        currency="jpy"
        locale="en-US"
        height={146}
      />,
    );
    const [up, down] = [...view.container.querySelectorAll("rect")];
    const axisY = Number(view.container.querySelector(".bar-chart-axis")?.getAttribute("y1"));
    expect(axisY).toBe(22 + 75);
    expect(Number(up?.getAttribute("y")) + Number(up?.getAttribute("height"))).toBe(axisY);
    expect(Number(down?.getAttribute("y"))).toBe(axisY);
    expect(Number(down?.getAttribute("height"))).toBe(25);
    expect(view.container.querySelector("svg")?.getAttribute("aria-label")).toContain("lowest -¥1,000 in W2");
  });

  it("labels only every n-th period when there are many", () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ label: `D${i + 1}`, value: (i + 1) * 100 }));
    view = mount(<BarChart title="Per day" data={days} currency="eur" locale="en-US" />);
    const labels = [...view.container.querySelectorAll(".bar-chart-label")].map((t) => t.textContent);
    expect(labels).toEqual(["D1", "D4", "D7", "D10", "D13", "D16", "D19", "D22", "D25", "D28"]);
    expect(view.container.querySelectorAll("rect")).toHaveLength(30);
  });

  it("draws fewer labels when asked, for narrow screens", () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ label: `D${i + 1}`, value: i }));
    view = mount(<BarChart title="Per day" data={days} currency="usd" maxLabels={6} />);
    const labels = [...view.container.querySelectorAll(".bar-chart-label")].map((t) => t.textContent);
    expect(labels).toEqual(["D1", "D6", "D11", "D16", "D21", "D26"]);
  });

  it("says there is nothing to chart instead of drawing an empty image", () => {
    view = mount(<BarChart title="Per month" data={[]} currency="usd" emptyMessage="No payments yet." />);
    expect(view.container.querySelector("svg")).toBeNull();
    expect(view.container.textContent).toBe("Per monthNo payments yet.");
  });
});
