import type { Database as Db } from 'better-sqlite3';

// The lists each meeting row carries for `report` (migration 004): member ids present, member
// ids listed as absent, owners of the discussed cases; ids joined by ',' in id order, NULL for
// none. Triggers keep them right row by row; this is the same definition for all meetings at
// once, for a bulk import (which fills tables without their indexes, and so without the
// triggers that would need them) and for `doctor`.

/** Derived columns of meetings: never part of a bundle, a merge or updated_at. */
export const LIST_COLUMNS = ['present_list', 'absent_list', 'case_owner_list'] as const;

/** Tables whose rows the lists come from: filling one without its indexes needs the triggers off. */
export const LIST_SOURCES: readonly string[] = ['attendance', 'cases'];

const TRIGGER_PREFIX = 'meeting_lists_';

// Every meeting with the lists its rows give. One pass over each source table (grouped, so it
// needs no index), joined to the meetings by their primary key.
const WANTED = `
  WITH
    att AS (SELECT meeting_id,
                   group_concat(CASE WHEN present = 1 THEN member_id END, ',' ORDER BY member_id) AS p,
                   group_concat(CASE WHEN present = 0 THEN member_id END, ',' ORDER BY member_id) AS a
              FROM attendance WHERE member_id IS NOT NULL GROUP BY meeting_id),
    own AS (SELECT meeting_id, group_concat(owner_id, ',' ORDER BY owner_id) AS o
              FROM cases WHERE status = 'discussed' AND meeting_id IS NOT NULL GROUP BY meeting_id),
    wanted AS (SELECT m.id, att.p, att.a, own.o
                 FROM meetings m LEFT JOIN att ON att.meeting_id = m.id LEFT JOIN own ON own.meeting_id = m.id)`;
const DIFFERS = `(m.present_list IS NOT wanted.p OR m.absent_list IS NOT wanted.a OR m.case_owner_list IS NOT wanted.o)`;

/** Set every meeting's lists from its rows; only rows that differ are written. Returns how many were. */
export function recomputeAllLists(db: Db): number {
  return db
    .prepare(
      `${WANTED}
       UPDATE meetings AS m SET present_list = wanted.p, absent_list = wanted.a, case_owner_list = wanted.o
         FROM wanted WHERE wanted.id = m.id AND ${DIFFERS}`,
    )
    .run().changes;
}

/** How many meetings carry lists that their attendance and case rows do not give (reads only). */
export function countWrongLists(db: Db): number {
  return db.prepare(`${WANTED} SELECT count(*) FROM meetings m JOIN wanted ON wanted.id = m.id WHERE ${DIFFERS}`).pluck().get() as number;
}

/**
 * Drop the list triggers for a bulk write; returns what sets every meeting's lists and makes
 * the triggers again. Both in the caller's transaction, as with the indexes: a crash or a
 * rollback leaves the schema as it was.
 */
export function suspendListTriggers(db: Db): () => void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, length(?)) = ? ORDER BY name")
    .all(TRIGGER_PREFIX, TRIGGER_PREFIX) as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
  return () => {
    if (triggers.length === 0) return;
    recomputeAllLists(db);
    for (const t of triggers.splice(0)) db.exec(t.sql);
  };
}
