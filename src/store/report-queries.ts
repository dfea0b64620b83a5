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
  present: string | null,
  absent: string | null,
  caseOwners: string | null,
];

const inScope = (byGroup: boolean, m = 'm') =>
  `${m}.started_at >= @start AND ${m}.started_at < @end AND ${m}.status <> 'running'${byGroup ? ` AND ${m}.group_id = @group` : ''}`;

// A range scan on meetings_started (or meetings_group_started), in start order, so the
// domain's sort finds them sorted. Who was there, who was not and who brought a discussed
// case come with each row (migration 004 keeps them there): member ids joined by ',' in id
// order, NULL for none. Ids are UUIDs (no commas), so the lists are safe to split on ','.
const MEETINGS_SQL = (byGroup: boolean) => `
  SELECT m.id, m.group_id, m.status, m.counted, m.source, m.started_at, m.ended_at, m.paused_seconds,
         m.planned_minutes, m.chair_id, m.method_id, m.place, m.topic, m.present_list, m.absent_list, m.case_owner_list
    FROM meetings m
   WHERE ${inScope(byGroup)}
   ORDER BY m.started_at, m.id`;

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
export function eachReportMeeting(store: Store, scope: ReportScope, visit: (m: MeetingRecord) => void): void {
  const db = store.db;
  const byGroup = scope.groupId !== null;
  const params = { start: scope.startIso, end: scope.endIso, ...(byGroup ? { group: scope.groupId } : {}) };
  // Every page is read about once, so SQLite's page cache beyond a few megabytes would only
  // add to the memory a large report takes (this connection only reads for this command).
  db.pragma('cache_size = -2000');
  // Split as they come (most lists repeat, so most rows leave only a shared array behind).
  const people = listCache();
  const owners = listCache();
  for (const r of db.prepare(MEETINGS_SQL(byGroup)).raw().iterate(params) as IterableIterator<MeetingRow>) {
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
      present: people(r[13]),
      absent: people(r[14]),
      caseOwnerIds: owners(r[15]),
    });
  }
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
