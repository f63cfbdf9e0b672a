// Column lists spelled out for statements that must not select `*` (prepared ones: see runPrepared in client.ts).
import { type RawBuilder, sql } from "kysely";

/**
 * Every column of a row type, as a record the compiler checks: leaving out a column of `Row`, or naming one it
 * does not have, fails to type-check, so the list cannot drift from the schema.
 */
export type AllColumns<Row> = Record<keyof Row & string, true>;

/** `alias.a, alias.b, ...` for the columns (fixed identifiers of ours, never input). */
export function columnList(alias: string, columns: AllColumns<object>): RawBuilder<unknown> {
  return sql.raw(
    Object.keys(columns)
      .map((column) => `${alias}.${column}`)
      .join(", "),
  );
}
