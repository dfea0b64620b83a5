import type { Store } from './store.js';

/**
 * Every column that holds confidential case content, in ONE place. Retention, `forget`
 * and anything else that removes content read this list, so a new content column is
 * covered everywhere by adding it here (and marking it "content" in its migration).
 *
 * The link expressions are SQL in terms of the table's own columns (no user input),
 * telling which meeting, case, member (whose content it is) and group a row belongs to.
 * Hours evidence (meetings, times, attendance, chair, method, EGT numbers) is never here.
 */
export interface ContentTable {
  readonly table: string;
  readonly columns: readonly string[];
  readonly meeting: string | null;
  readonly case: string | null;
  readonly member: string | null;
  readonly group: string | null;
  /** A column set to the purge time, so a screen can say "removed" instead of "empty". */
  readonly stamp?: string;
}

export const CONTENT_TABLES: readonly ContentTable[] = [
  { table: 'cases', columns: ['title', 'question'], meeting: 'meeting_id', case: 'id', member: 'owner_id', group: 'group_id', stamp: 'purged_at' },
  {
    table: 'notes',
    columns: ['text'],
    meeting: 'meeting_id',
    case: '(SELECT pr.case_id FROM phase_runs pr WHERE pr.id = notes.phase_run_id)',
    member: 'member_id',
    group: null,
    stamp: 'purged_at',
  },
  { table: 'attendance', columns: ['checkin'], meeting: 'meeting_id', case: null, member: 'member_id', group: null, stamp: 'purged_at' },
  { table: 'action_points', columns: ['text'], meeting: 'meeting_id', case: null, member: 'owner_id', group: 'group_id', stamp: 'purged_at' },
  // The resume state of a finished meeting may hold half-typed text; nothing needs it after the end.
  { table: 'meetings', columns: ['step_state'], meeting: 'id', case: null, member: null, group: 'group_id' },
];

export type PurgeScope =
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'case'; caseId: string }
  | { kind: 'member'; memberId: string }
  /** Content of meetings (or, without a meeting, rows last changed) before the cutoff. */
  | { kind: 'before'; cutoff: string; groupId?: string };

/** Rows that lose content, per table. */
export type PurgeCounts = Record<string, number>;

interface Selection {
  where: string;
  params: Record<string, string>;
}

function select(t: ContentTable, scope: PurgeScope): Selection | null {
  const notRunning = t.meeting
    ? `COALESCE((SELECT m.status FROM meetings m WHERE m.id = ${t.meeting}), '') <> 'running'`
    : '1';
  const hasContent = `(${t.columns.map((c) => `${c} IS NOT NULL`).join(' OR ')})`;
  const base = `${notRunning} AND ${hasContent}`;
  switch (scope.kind) {
    case 'meeting':
      return t.meeting ? { where: `${t.meeting} = @id AND ${base}`, params: { id: scope.meetingId } } : null;
    case 'case':
      return t.case ? { where: `${t.case} = @id AND ${base}`, params: { id: scope.caseId } } : null;
    case 'member': {
      const own = t.member ? `${t.member} = @id` : null;
      const inTheirCase = t.case ? `${t.case} IN (SELECT c.id FROM cases c WHERE c.owner_id = @id)` : null;
      const any = [own, inTheirCase].filter((x) => x !== null);
      return any.length ? { where: `(${any.join(' OR ')}) AND ${base}`, params: { id: scope.memberId } } : null;
    }
    case 'before': {
      const when = t.meeting
        ? `COALESCE((SELECT m.started_at FROM meetings m WHERE m.id = ${t.meeting}), ${t.table}.updated_at)`
        : `${t.table}.updated_at`;
      const params: Record<string, string> = { cutoff: scope.cutoff };
      let where = `${when} < @cutoff AND ${base}`;
      if (scope.groupId !== undefined) {
        const group = [t.group, t.meeting ? `(SELECT m.group_id FROM meetings m WHERE m.id = ${t.meeting})` : null].filter(
          (x) => x !== null,
        );
        if (group.length === 0) return null;
        where += ` AND ${group.length === 1 ? group[0] : `COALESCE(${group.join(', ')})`} = @group`;
        params['group'] = scope.groupId;
      }
      return { where, params };
    }
  }
}

/** How many rows would lose content: for the confirmation, and as the cheap "anything to do?" check. */
export function countContent(store: Store, scope: PurgeScope): PurgeCounts {
  const counts: PurgeCounts = {};
  for (const t of CONTENT_TABLES) {
    const s = select(t, scope);
    counts[t.table] = s ? (store.db.prepare(`SELECT count(*) AS n FROM ${t.table} WHERE ${s.where}`).get(s.params) as { n: number }).n : 0;
  }
  return counts;
}

export function total(counts: PurgeCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

const SCRUB_PENDING = 'scrub_pending';

/**
 * Set the content columns in scope to NULL (and the old/new values of their edit history),
 * in one transaction, then scrub the file so the text is gone from disk too.
 * The row stamps are not touched: a purge is local housekeeping, not a change to sync.
 */
export function purgeContent(store: Store, scope: PurgeScope): { counts: PurgeCounts; scrubbed: boolean } {
  const counts = store.tx(() => {
    const counts: PurgeCounts = {};
    for (const t of CONTENT_TABLES) {
      const s = select(t, scope);
      if (!s) {
        counts[t.table] = 0;
        continue;
      }
      const cols = t.columns.map((c) => `'${c}'`).join(', ');
      store.db
        .prepare(
          `UPDATE edits SET old_value = NULL, new_value = NULL
           WHERE table_name = '${t.table}' AND field IN (${cols}) AND row_id IN (SELECT id FROM ${t.table} WHERE ${s.where})`,
        )
        .run(s.params);
      const sets = [...t.columns.map((c) => `${c} = NULL`), ...(t.stamp ? [`${t.stamp} = @now`] : [])].join(', ');
      const r = store.db.prepare(`UPDATE ${t.table} SET ${sets} WHERE ${s.where}`).run({ ...s.params, ...(t.stamp ? { now: store.nowIso() } : {}) });
      counts[t.table] = r.changes;
    }
    if (total(counts) > 0) store.setMeta(SCRUB_PENDING, store.nowIso());
    return counts;
  });
  const scrubbed = total(counts) > 0 ? scrubFile(store) : true;
  return { counts, scrubbed };
}

/** A purge whose scrub could not finish (another process was reading) is completed at the next start. */
export function scrubPending(store: Store): boolean {
  return store.getMeta(SCRUB_PENDING) !== null;
}

/**
 * Make removed text unrecoverable from the files: secure_delete (set at open) zeroes freed
 * space, VACUUM rewrites every page, and a TRUNCATE checkpoint moves the clean pages into
 * the database file and empties the -wal file that still held the old page images.
 * Returns false when another process kept the WAL busy; the flag stays and we retry later.
 */
export function scrubFile(store: Store): boolean {
  try {
    store.db.exec('VACUUM');
    if (!checkpoint(store)) return false;
    store.tx(() => store.setMeta(SCRUB_PENDING, null));
    return checkpoint(store);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return false;
    throw err;
  }
}

function checkpoint(store: Store): boolean {
  const [r] = store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return r !== undefined && r.busy === 0;
}

/** A meeting or case by full id or a unique prefix (history screens show short ids). */
export function resolveRowId(
  store: Store,
  table: 'meetings' | 'cases',
  raw: string,
): { id: string; status: string } | 'none' | 'ambiguous' {
  const id = raw.trim().toLowerCase();
  if (!/^[0-9a-f-]{4,36}$/u.test(id)) return 'none';
  const rows = store.db.prepare(`SELECT id, status FROM ${table} WHERE id LIKE @p || '%' LIMIT 2`).all({ p: id }) as {
    id: string;
    status: string;
  }[];
  if (rows.length === 0) return 'none';
  if (rows.length > 1) return rows.find((r) => r.id === id) ?? 'ambiguous';
  return rows[0]!;
}
