import type { GroupRecord, MeetingRecord, MemberRecord } from '../domain/hours.js';
import type { Store } from './store.js';

// The reads behind `intervisie report`: a fixed handful of set-based queries whatever the
// size of the history (never one query per meeting or member). Only hour-relevant columns
// are read; case content columns (title, question, notes, check-in) are never selected.

export interface ReportScope {
  /** One group, or null for all groups. */
  groupId: string | null;
  /** UTC ISO bounds [startIso, endIso) from periodBounds(). */
  startIso: string;
  endIso: string;
}

export interface ReportData {
  groups: GroupRecord[];
  members: MemberRecord[];
  meetings: MeetingRecord[];
}

// Raw rows (arrays, not objects) and as few columns as the hours need: on twenty thousand
// meetings, making JavaScript values out of SQLite's is most of the reading time.
type MeetingRow = [
  id: string,
  groupId: string,
  status: MeetingRecord['status'],
  counted: number,
  source: MeetingRecord['source'],
  startedAt: string,
  endedAt: string | null,
  pausedSeconds: number,
  plannedMinutes: number,
  chairId: string | null,
  methodId: string | null,
  place: string | null,
  topic: string | null,
];

const inScope = (byGroup: boolean, m = 'm') =>
  `${m}.started_at >= @start AND ${m}.started_at < @end AND ${m}.status <> 'running'${byGroup ? ` AND ${m}.group_id = @group` : ''}`;

// A range scan on meetings_started (or meetings_group_started), in start order, so the
// domain's sort finds them sorted.
const MEETINGS_SQL = (byGroup: boolean) => `
  SELECT m.id, m.group_id, m.status, m.counted, m.source, m.started_at, m.ended_at, m.paused_seconds,
         m.planned_minutes, m.chair_id, m.method_id, m.place, m.topic
    FROM meetings m
   WHERE ${inScope(byGroup)}
   ORDER BY m.started_at, m.id`;

// Who was there and who was not, one row per meeting: SQLite concatenates the ids, so
// JavaScript gets twenty thousand strings instead of a hundred and fifty thousand rows.
// Ids are UUIDs (no commas), so group_concat's ',' separator is safe to split on.
// Two plans with the same answer. For most of the history (the usual "all my hours"), one
// pass over the covering index attendance_meeting_present in its own order is cheapest;
// for a small part (one group, one year) a lookup per meeting in the same index is.
const ATTENDANCE_ALL_SQL = `
  SELECT a.meeting_id,
         group_concat(CASE WHEN a.present = 1 THEN a.member_id END),
         group_concat(CASE WHEN a.present = 0 THEN a.member_id END)
    FROM attendance a
   WHERE a.member_id IS NOT NULL
   GROUP BY a.meeting_id`;
const ATTENDANCE_PER_MEETING_SQL = (byGroup: boolean) => `
  SELECT m.id,
         (SELECT group_concat(a.member_id) FROM attendance a
           WHERE a.meeting_id = m.id AND a.present = 1 AND a.member_id IS NOT NULL),
         (SELECT group_concat(a.member_id) FROM attendance a
           WHERE a.meeting_id = m.id AND a.present = 0 AND a.member_id IS NOT NULL)
    FROM meetings m
   WHERE ${inScope(byGroup)}`;

// Owners of discussed cases only: who brought one, never what it was about. For most of the
// history a plain scan of cases beats a lookup per meeting (its rows hold the case text, so
// reading them in index order jumps all over the file).
const OWNERS_ALL_SQL = `SELECT c.meeting_id, c.owner_id FROM cases c NOT INDEXED WHERE c.status = 'discussed'`;
const OWNERS_PER_MEETING_SQL = (byGroup: boolean) => `
  SELECT m.id, (SELECT group_concat(c.owner_id) FROM cases c WHERE c.meeting_id = m.id AND c.status = 'discussed')
    FROM meetings m
   WHERE ${inScope(byGroup)}`;

const ids = (list: string | null): string[] => (list === null || list === '' ? [] : list.split(','));

const NO_IDS: readonly string[] = Object.freeze([]);

/**
 * Id lists by their text, split once: most meetings of a group have one of a few attendance
 * lists, and a shared (frozen) array lets later steps remember what they worked out for it.
 */
function listCache(): (list: string | null | undefined) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (list) => {
    if (list === null || list === undefined || list === '') return NO_IDS;
    let split = cache.get(list);
    if (split === undefined) {
      split = Object.freeze(list.split(','));
      cache.set(list, split);
    }
    return split;
  };
}

type AttendanceRow = [meetingId: string, present: string | null, absent: string | null];
/** meeting id → owners, from one row per case (most meetings have one). */
function ownersByMeeting(rows: [meetingId: string, ownerId: string | null][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [meetingId, ownerId] of rows) {
    if (ownerId === null) continue;
    const list = map.get(meetingId);
    if (list) list.push(ownerId);
    else map.set(meetingId, [ownerId]);
  }
  return map;
}

export interface ReportPeople {
  groups: GroupRecord[];
  members: MemberRecord[];
}

/** The groups in scope and all their members (also those who left). */
export function loadReportPeople(store: Store, groupId: string | null): ReportPeople {
  const db = store.db;
  const byGroup = groupId !== null;
  const groupParam = byGroup ? { group: groupId } : {};

  const groupRows = db
    .prepare(`SELECT id, name, min_size FROM groups ${byGroup ? 'WHERE id = @group' : ''} ORDER BY name_key`)
    .all(groupParam) as { id: string; name: string; min_size: number }[];

  const memberRows = db
    .prepare(
      `SELECT mb.id, mb.group_id, mb.name, mb.register, mb.registration_number, mb.removed_at
         FROM members mb JOIN groups g ON g.id = mb.group_id
        ${byGroup ? 'WHERE mb.group_id = @group' : ''}
        ORDER BY g.name_key, mb.name_key`,
    )
    .all(groupParam) as {
    id: string;
    group_id: string;
    name: string;
    register: string | null;
    registration_number: string | null;
    removed_at: string | null;
  }[];

  return {
    groups: groupRows.map((g) => ({ id: g.id, name: g.name, minSize: g.min_size })),
    members: memberRows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      name: r.name,
      register: r.register,
      registrationNumber: r.registration_number,
      removed: r.removed_at !== null,
    })),
  };
}

/**
 * Every meeting in scope with its attendance lists and case owners, in start order
 * (started_at, then id, as SQLite compares text), one at a time: nothing is kept unless
 * the caller keeps it.
 */
export function eachReportMeeting(
  store: Store,
  scope: ReportScope,
  visit: (m: MeetingRecord) => void,
  /** Force a plan for the lists (tests compare both); by default the cheaper one is chosen. */
  options: { plan?: 'scan' | 'lookup' } = {},
): void {
  const db = store.db;
  const byGroup = scope.groupId !== null;
  const params = { start: scope.startIso, end: scope.endIso, ...(byGroup ? { group: scope.groupId } : {}) };

  // One pass over the list tables when the scope holds most of the history, else a lookup per meeting.
  const scan = options.plan ? options.plan === 'scan' : mostOfHistory(store, byGroup, params);
  // Every page is read about once, so SQLite's page cache beyond a few megabytes would only
  // add to the memory a large report takes (this connection only reads for this command).
  if (scan) db.pragma('cache_size = -2000');
  // Split as they come (most lists repeat, so most rows leave only a shared array behind).
  const list = listCache();
  const attendance = new Map<string, [present: readonly string[], absent: readonly string[]]>();
  const attendanceRows = scan ? db.prepare(ATTENDANCE_ALL_SQL).raw().iterate() : db.prepare(ATTENDANCE_PER_MEETING_SQL(byGroup)).raw().iterate(params);
  for (const [id, present, absent] of attendanceRows as IterableIterator<AttendanceRow>) attendance.set(id, [list(present), list(absent)]);
  const owners = scan
    ? ownersByMeeting(db.prepare(OWNERS_ALL_SQL).raw().all() as [string, string | null][])
    : new Map(
        (db.prepare(OWNERS_PER_MEETING_SQL(byGroup)).raw().all(params) as [string, string | null][]).map(([id, list]) => [id, ids(list)]),
      );

  for (const r of db.prepare(MEETINGS_SQL(byGroup)).raw().iterate(params) as IterableIterator<MeetingRow>) {
    const att = attendance.get(r[0]);
    visit({
      id: r[0],
      groupId: r[1],
      status: r[2],
      counted: r[3] === 1,
      source: r[4],
      startedAt: r[5],
      endedAt: r[6],
      pausedSeconds: r[7],
      plannedMinutes: r[8],
      chairId: r[9],
      methodId: r[10],
      place: r[11],
      topic: r[12],
      present: att?.[0] ?? NO_IDS,
      absent: att?.[1] ?? NO_IDS,
      caseOwnerIds: owners.get(r[0]) ?? [],
    });
  }
}

/**
 * Whether a scope holds at least half of all meetings, counted from the indexes alone: the
 * status is in the rows (reading them all was 30 ms on the largest history), and a running
 * meeting or two more or less does not change which plan is cheaper.
 */
function mostOfHistory(store: Store, byGroup: boolean, params: Record<string, unknown>): boolean {
  const wanted = store.db
    .prepare(`SELECT count(*) FROM meetings m WHERE m.started_at >= @start AND m.started_at < @end${byGroup ? ' AND m.group_id = @group' : ''}`)
    .pluck()
    .get(params) as number;
  const total = store.db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
  return wanted * 2 >= total;
}

/** Start of the first recorded meeting (the default start of "all history"). */
export function firstMeetingStart(store: Store, groupId: string | null): string | null {
  const row = (
    groupId === null
      ? store.db.prepare("SELECT min(started_at) AS s FROM meetings WHERE status <> 'running'").get()
      : store.db.prepare("SELECT min(started_at) AS s FROM meetings WHERE group_id = ? AND status <> 'running'").get(groupId)
  ) as { s: string | null };
  return row.s;
}
