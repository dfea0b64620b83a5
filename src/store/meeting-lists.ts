import type { Database as Db } from 'better-sqlite3';
import { LIST_TRIGGERS, LISTS_FROM_ROWS, SET_OWNERS, SET_PEOPLE } from './migrations/004-meeting-lists.js';

// The lists each meeting row carries for `report` (migration 004): member ids present, member
// ids listed as absent, owners of the discussed cases; ids joined by ',' in id order, NULL for
// none. Triggers keep them right row by row; here is the same definition for all meetings at
// once (`doctor`), and the switch that lets a big import set them once per meeting instead.

/** Derived columns of meetings: never part of a bundle, a merge or updated_at. */
export const LIST_COLUMNS = ['present_list', 'absent_list', 'case_owner_list'] as const;

/** Tables whose rows the lists come from. */
export const LIST_SOURCES: readonly string[] = ['attendance', 'cases'];


// Every meeting with the lists its rows give. One pass over each source table, grouped,
// joined to the meetings by their primary key.
const WANTED = `
  WITH ${LISTS_FROM_ROWS},
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

// The lists of the given meetings (a JSON array of ids) from their rows, through the indexes.
const RECOMPUTE_SOME = `
  UPDATE meetings SET
    ${SET_PEOPLE},
    ${SET_OWNERS}
   WHERE id IN (SELECT value FROM json_each(?))`;

export interface DeferredLists {
  /** A meeting whose attendance or case rows were written: the old and the new one of a row. */
  touch(meetingId: unknown): void;
  /** Set the lists of every touched meeting once, and make the triggers again (all of migration 004's). */
  finish(): void;
}

/**
 * For a big write in one transaction (an import) by one writer that knows what it writes. The
 * list triggers rewrite a meeting row for every attendance or case row, need the indexes on
 * meeting_id (which a bulk import drops), and make SQLite keep a statement journal for every
 * row written to those tables; so they are dropped, the writer names the meetings it touches,
 * and finish() (after any dropped indexes are back) sets their lists and makes the triggers
 * again. All in the caller's transaction: a crash or a rollback leaves the schema and the lists
 * as they were. Nothing else may write attendance or cases before finish().
 */
export function deferListTriggers(db: Db): DeferredLists {
  for (const t of LIST_TRIGGERS) db.exec(`DROP TRIGGER IF EXISTS ${t.name}`);
  const touched = new Set<string>();
  return {
    touch(meetingId) {
      if (typeof meetingId === 'string') touched.add(meetingId);
    },
    finish() {
      if (touched.size > 0) db.prepare(RECOMPUTE_SOME).run(JSON.stringify([...touched]));
      touched.clear();
      for (const t of LIST_TRIGGERS) db.exec(t.sql);
    },
  };
}

/** How many triggers keep the lists. */
export const LIST_TRIGGER_COUNT = LIST_TRIGGERS.length;

/** The list triggers that are not in the database (`doctor`): without one, lists drift from their rows. */
export function missingListTriggers(db: Db): string[] {
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
  return LIST_TRIGGERS.filter((t) => !present.has(t.name)).map((t) => t.name);
}

/** Make the missing list triggers again, as migration 004 made them; returns how many. In the caller's transaction. */
export function restoreListTriggers(db: Db): number {
  const missing = new Set(missingListTriggers(db));
  for (const t of LIST_TRIGGERS) if (missing.has(t.name)) db.exec(t.sql);
  return missing.size;
}
