import { type ReactNode, type RefObject, useEffect, useId, useRef, useState } from "react";

export interface DataTableColumn<Row> {
  /** Stable id for the column (React key). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** "right" for money and other numbers, so digits line up. */
  align?: "left" | "right";
  /** Marks this column's cells as row headers (th scope="row"), e.g. the payment id or the fieldworker. */
  rowHeader?: boolean;
  /** What labels this column's values when rows are shown as cards; the header when it is plain text. */
  label?: string;
}

export interface DataTableProps<Row> {
  /** Names the table for screen readers and, unless hidden, for everyone. */
  caption: ReactNode;
  /** Keep the caption for assistive technology only, when a heading above already says the same. */
  hideCaption?: boolean;
  columns: ReadonlyArray<DataTableColumn<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  /** Shown in the table body when there are no rows. */
  emptyMessage?: ReactNode;
}

export function DataTable<Row>({
  caption,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  emptyMessage = "Nothing to show yet.",
}: DataTableProps<Row>) {
  const captionId = useId();
  const wrapRef = useRef<HTMLElement>(null);
  const scrolls = useScrollsSideways(wrapRef);
  return (
    // In a narrow space (a phone, the booking portal's column) each row becomes a card, each value labelled by its
    // column's header (styles/tables.css); a wide table left on a wider screen scrolls sideways inside this region.
    // A table that does scroll can be reached with the keyboard, so it can be scrolled with the arrow keys.
    <section
      ref={wrapRef}
      className="table-wrap"
      aria-labelledby={captionId}
      tabIndex={scrolls ? 0 : undefined}
    >
      <table className="data-table">
        <caption id={captionId} className={hideCaption ? "visually-hidden" : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={alignClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="data-table-empty" colSpan={columns.length}>
                {emptyMessage}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) =>
                  column.rowHeader ? (
                    <th key={column.key} scope="row" className={alignClass(column)}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={alignClass(column)} data-label={cardLabel(column)}>
                      <div className="data-table-value">{column.cell(row)}</div>
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}

function alignClass(column: { align?: "left" | "right" }): string | undefined {
  return column.align === "right" ? "align-right" : undefined;
}

function cardLabel(column: { header: ReactNode; label?: string }): string | undefined {
  return column.label ?? (typeof column.header === "string" ? column.header : undefined);
}

/** Whether the element's content is wider than it is, kept up to date as either changes size. */
function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
