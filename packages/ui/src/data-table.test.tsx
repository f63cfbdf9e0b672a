// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { DataTable, type DataTableColumn } from "./data-table.tsx";
import { Money } from "./money.tsx";
import { type Mounted, mount } from "./test-dom.ts";

let view: Mounted | undefined;
afterEach(() => view?.unmount());

interface Payment {
  id: string;
  customer: string;
  amount: number;
  currency: string;
}

const columns: ReadonlyArray<DataTableColumn<Payment>> = [
  { key: "customer", header: "Customer", cell: (p) => p.customer, rowHeader: true },
  {
    key: "amount",
    header: "Amount",
    align: "right",
    cell: (p) => <Money amount={p.amount} currency={p.currency} locale="en-US" />,
  },
];

const cellTexts = (table: Element) =>
  [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((cell) => cell.textContent));

describe("DataTable", () => {
  it("renders a named table with headers and one row per item", () => {
    view = mount(
      <DataTable
        caption="Recent payments"
        columns={columns}
        rows={[
          { id: "py_1", customer: "Grace Hopper", amount: 12500, currency: "usd" },
          { id: "py_2", customer: "Alan Turing", amount: 980, currency: "jpy" },
        ]}
        rowKey={(p) => p.id}
      />,
    );
    const table = view.container.querySelector("table");
    if (!table) throw new Error("no table");
    expect(table.querySelector("caption")?.textContent).toBe("Recent payments");
    expect(view.container.querySelector("section")?.getAttribute("aria-labelledby")).toBe(
      table.querySelector("caption")?.id,
    );
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual([
      "Customer",
      "Amount",
    ]);
    expect(cellTexts(table)).toEqual([
      ["Grace Hopper", "$125.00"],
      ["Alan Turing", "¥980"],
    ]);
    const firstRow = table.querySelector("tbody tr");
    expect(firstRow?.children[0]?.tagName).toBe("TH");
    expect(firstRow?.children[0]?.getAttribute("scope")).toBe("row");
    expect(firstRow?.children[1]?.className).toBe("align-right");
    expect(table.querySelectorAll("thead th")[1]?.className).toBe("align-right");
  });

  it("labels each value with its column's header, for the cards narrow spaces show instead of rows", () => {
    view = mount(
      <DataTable
        caption="Payments"
        columns={[
          ...columns,
          { key: "note", header: <abbr title="Reference">Ref.</abbr>, label: "Reference", cell: () => "r1" },
          { key: "open", header: <span className="visually-hidden">Open</span>, cell: () => "Open" },
        ]}
        rows={[{ id: "py_1", customer: "Grace Hopper", amount: 12500, currency: "usd" }]}
        rowKey={(p) => p.id}
      />,
    );
    const cells = [...view.container.querySelectorAll("tbody tr > *")];
    // The row's header is the card's title; plain-text headers label their values; others say what they stand for.
    expect(cells.map((cell) => cell.getAttribute("data-label"))).toEqual([null, "Amount", "Reference", null]);
  });

  it("says so across all columns when there are no rows", () => {
    view = mount(
      <DataTable
        caption="Payouts"
        hideCaption
        columns={columns}
        rows={[]}
        rowKey={(p) => p.id}
        emptyMessage="No payouts yet."
      />,
    );
    const cell = view.container.querySelector("tbody td");
    expect(cell?.textContent).toBe("No payouts yet.");
    expect(cell?.getAttribute("colspan")).toBe("2");
    expect(view.container.querySelector("caption")?.className).toBe("visually-hidden");
  });
});
