import type { Database as Db } from 'better-sqlite3';

// Filling an empty table with many rows, SQLite builds each secondary index faster in one
// sorted pass afterwards than entry by entry in the order the rows come (random UUIDs).
// Used inside one transaction: the indexes are dropped and made again before the commit,
// so a crash or a rollback leaves the schema as it was. A UNIQUE index that the new rows
// break fails when it is made again, with the same constraint error as an INSERT would give.

/** From this many incoming rows on, an empty table is filled without its indexes. */
export const BULK_ROWS = 1000;

/** Drop the secondary indexes of these tables when they are empty; returns what recreates them. */
export function dropIndexesOfEmpty(db: Db, tables: readonly string[]): () => void {
  const recreate: string[] = [];
  for (const table of tables) {
    if (db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined) continue;
    // sql IS NULL: the automatic index of a PRIMARY KEY or UNIQUE column, which stays.
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
      .all(table) as { name: string; sql: string }[];
    for (const index of indexes) {
      db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
      recreate.push(index.sql);
    }
  }
  return () => {
    for (const sql of recreate.splice(0)) db.exec(sql);
  };
}
