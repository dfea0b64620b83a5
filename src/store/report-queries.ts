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

interface MeetingRow {
  id: string;
  group_id: string;
  status: MeetingRecord['status'];
  counted: number;
  source: MeetingRecord['source'];
  started_at: string;
  ended_at: string | null;
  paused_seconds: number;
  planned_minutes: number;
  chair_id: string | null;
  method_id: string | null;
  place: string | null;
  topic: string | null;
  present: string | null;
  absent: string | null;
  owners: string | null;
}

// One statement for meetings, attendance and case owners: a range scan on meetings_started
// (or meetings_group_started) and, per meeting, index-only lookups in attendance_meeting_present
// and cases_meeting. SQLite concatenates the ids, so JavaScript gets one row per meeting instead
// of one per attendance row: that is what keeps 20,000 meetings well under a second.
// Ids are UUIDs (no commas), so group_concat's ',' separator is safe to split on.
const MEETINGS_SQL = (byGroup: boolean) => `
  SELECT m.id, m.group_id, m.status, m.counted, m.source, m.started_at, m.ended_at, m.paused_seconds,
         m.planned_minutes, m.chair_id, m.method_id, m.place, m.topic,
         (SELECT group_concat(a.member_id) FROM attendance a
           WHERE a.meeting_id = m.id AND a.present = 1 AND a.member_id IS NOT NULL) AS present,
         (SELECT group_concat(a.member_id) FROM attendance a
           WHERE a.meeting_id = m.id AND a.present = 0 AND a.member_id IS NOT NULL) AS absent,
         (SELECT group_concat(c.owner_id) FROM cases c
           WHERE c.meeting_id = m.id AND c.status = 'discussed') AS owners
    FROM meetings m
   WHERE m.started_at >= @start AND m.started_at < @end AND m.status <> 'running'${byGroup ? ' AND m.group_id = @group' : ''}`;

const ids = (list: string | null): string[] => (list === null || list === '' ? [] : list.split(','));

export function loadReportData(store: Store, scope: ReportScope): ReportData {
  const db = store.db;
  const byGroup = scope.groupId !== null;
  const groupParam = byGroup ? { group: scope.groupId } : {};

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

  const meetingRows = db
    .prepare(MEETINGS_SQL(byGroup))
    .all({ start: scope.startIso, end: scope.endIso, ...groupParam }) as MeetingRow[];

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
    meetings: meetingRows.map((r) => ({
      id: r.id,
      groupId: r.group_id,
      status: r.status,
      counted: r.counted === 1,
      source: r.source,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      pausedSeconds: r.paused_seconds,
      plannedMinutes: r.planned_minutes,
      chairId: r.chair_id,
      methodId: r.method_id,
      place: r.place,
      topic: r.topic,
      present: ids(r.present),
      absent: ids(r.absent),
      caseOwnerIds: ids(r.owners),
    })),
  };
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
