import type { Row } from '../domain/merge.js';
import type { Store } from './store.js';
import type { Bundle, BundleData } from './bundle-file.js';
import { BUNDLE_TABLES, TABLES, travellingColumns, type BundleTable } from './bundle-tables.js';

export interface ExportOptions {
  groupId: string;
  /** ISO instant: only meetings that started at or after it (plus what they need). */
  since?: string | null;
  withCases: boolean;
  appVersion: string;
}

const MEETING_CHILDREN = ['attendance', 'meeting_cases', 'egt_scores', 'phase_runs', 'pauses', 'notes'] as const;

// Columns in sorted order: the rows then come out of SQLite already in canonical form
// (see canonicalJson), and writing and checksumming a big bundle copies no row.
function selectList(table: BundleTable, withCases: boolean): string {
  return travellingColumns(TABLES[table], withCases)
    .sort()
    .map((c) => `"${c}"`)
    .join(', ');
}

// Rows are read in id order, so their objects lie in memory in the order they are written out
// (serialising 10,000 meetings measured a third faster that way); this sort then only confirms
// the order (SQLite's and JS's agree for the ASCII ids in use), one comparison per row.
function byId(a: Row, b: Row): number {
  const x = a['id'] as string;
  const y = b['id'] as string;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Everything the reports need for one group, as rows ready for a bundle.
 *
 * A meeting still running on this laptop does not travel (it would look like an
 * unfinished meeting elsewhere); it goes along once it has ended. Rows that point at
 * such a meeting wait too, except a case that an exported meeting needs: it travels
 * without its meeting_id, which the receiving side then leaves as it is.
 */
export function buildBundle(store: Store, o: ExportOptions): Bundle {
  const db = store.db;
  const withCases = o.withCases;
  const since = o.since ?? null;
  const all = <T extends BundleTable>(table: T, where: string, ...params: unknown[]): Row[] =>
    db.prepare(`SELECT ${selectList(table, withCases)} FROM "${table}" WHERE ${where} ORDER BY id`).all(...params) as Row[];

  const groups = all('groups', 'id = ?', o.groupId);
  const members = all('members', 'group_id = ?', o.groupId);
  const meetings = all('meetings', "group_id = ? AND status <> 'running'", o.groupId);
  const ended = new Map(meetings.map((m) => [String(m['id']), m]));
  const ok = (id: unknown) => id === null || ended.has(String(id));

  const inGroup = "meeting_id IN (SELECT id FROM meetings WHERE group_id = ? AND status <> 'running')";
  const children = new Map<string, Row[]>();
  for (const table of MEETING_CHILDREN) {
    if (table === 'notes' && !withCases) continue;
    children.set(table, all(table, inGroup, o.groupId));
  }
  const cases = all('cases', 'group_id = ?', o.groupId);
  const actionPoints = all('action_points', 'group_id = ?', o.groupId);
  const planned = all('planned_meetings', 'group_id = ?', o.groupId);

  const recent = (r: Row) => since === null || String(r['updated_at']) >= since;
  const chosen = new Set<string>(
    meetings.filter((m) => since === null || String(m['started_at']) >= since).map((m) => String(m['id'])),
  );
  const touches = (r: Row, cols: string[]) => cols.some((c) => r[c] !== null && chosen.has(String(r[c])));

  // Grow the chosen meetings until every chosen row's references are in the bundle.
  let pickedPlanned: Row[] = [];
  let pickedActions: Row[] = [];
  let pickedChildren = new Map<string, Row[]>();
  let pickedCases: Row[] = [];
  for (let size = -1; size !== chosen.size; ) {
    size = chosen.size;
    pickedPlanned = planned.filter((r) => (recent(r) || touches(r, ['agreed_in', 'meeting_id'])) && ok(r['agreed_in']) && ok(r['meeting_id']));
    pickedActions = actionPoints.filter(
      (r) => (recent(r) || touches(r, ['meeting_id', 'status_meeting_id'])) && ok(r['meeting_id']) && ok(r['status_meeting_id']),
    );
    for (const r of [...pickedPlanned, ...pickedActions]) {
      for (const c of ['agreed_in', 'meeting_id', 'status_meeting_id']) if (r[c] !== undefined && r[c] !== null) chosen.add(String(r[c]));
    }
    pickedChildren = new Map([...children].map(([table, rows]) => [table, rows.filter((r) => chosen.has(String(r['meeting_id'])))]));
    const needed = new Set<string>();
    for (const table of ['meeting_cases', 'egt_scores', 'phase_runs']) {
      for (const r of pickedChildren.get(table) ?? []) if (r['case_id'] !== null) needed.add(String(r['case_id']));
    }
    pickedCases = [];
    for (const c of cases) {
      const need = needed.has(String(c['id']));
      if (!(need || recent(c) || touches(c, ['meeting_id']))) continue;
      if (ok(c['meeting_id'])) {
        if (c['meeting_id'] !== null) chosen.add(String(c['meeting_id']));
        pickedCases.push(c);
      } else if (need) {
        const { meeting_id: _running, ...rest } = c;
        pickedCases.push(rest);
      }
    }
  }

  const data = {} as BundleData;
  data.groups = groups;
  data.members = members.sort(byId);
  data.meetings = meetings.filter((m) => chosen.has(String(m['id']))).sort(byId);
  data.planned_meetings = pickedPlanned.sort(byId);
  data.cases = pickedCases.sort(byId);
  for (const table of MEETING_CHILDREN) data[table] = (pickedChildren.get(table) ?? []).sort(byId);
  data.action_points = pickedActions.sort(byId);

  const exported = new Set<string>();
  for (const table of BUNDLE_TABLES) if (table !== 'edits') for (const r of data[table] ?? []) exported.add(String(r['id']));
  data.edits = (db.prepare(`SELECT ${selectList('edits', withCases)} FROM edits ORDER BY id`).all() as Row[])
    .filter((e) => exported.has(String(e['row_id'])))
    .filter((e) => withCases || !TABLES[e['table_name'] as BundleTable]?.content.includes(String(e['field'])))
    .sort(byId);

  return {
    meta: {
      device_id: store.deviceId,
      exported_at: store.nowIso(),
      app_version: o.appVersion,
      group_id: o.groupId,
      since,
      with_cases: withCases,
    },
    data,
  };
}

/** How many meetings a bundle for this group would hold: decides whether progress is shown. */
export function countMeetings(store: Store, groupId: string): number {
  return (store.db.prepare("SELECT count(*) AS n FROM meetings WHERE group_id = ? AND status <> 'running'").get(groupId) as { n: number }).n;
}
