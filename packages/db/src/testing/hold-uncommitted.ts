// Rows written and held in an open transaction, for tests of what waits on them (locks, unique keys).
import type { Db } from "../client.ts";

/**
 * Writes `write` in a transaction and keeps it open (its rows locked, uncommitted) until `rollBack()`: whoever
 * touches those rows meanwhile waits. Resolves once the rows are held.
 */
export async function holdUncommitted(db: Db, write: (trx: Db) => Promise<unknown>) {
  let rollBack = () => {};
  const released = new Promise<void>((resolve) => {
    rollBack = resolve;
  });
  let holding = () => {};
  const held = new Promise<void>((resolve) => {
    holding = resolve;
  });
  const done = db
    .transaction()
    .execute(async (trx) => {
      await write(trx);
      holding();
      await released;
      throw new Error("roll back the held rows");
    })
    .catch(() => undefined);
  await held;
  return {
    rollBack: async () => {
      rollBack();
      await done;
    },
  };
}
