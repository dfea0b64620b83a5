import { localParts } from '../domain/recurrence.js';
import type { Store } from './store.js';

/** A row of planned_meetings: from `plan` (a series) or agreed at the end of a meeting. */
export interface PlannedMeeting {
  id: string;
  groupId: string;
  seriesId: string | null;
  seq: number | null;
  seriesCount: number | null;
  scheduledAt: string;
  minutes: number | null;
  place: string | null;
  chairId: string | null;
  caseOwnerIds: string[];
  source: 'plan' | 'agreed';
  agreedIn: string | null;
  meetingId: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  group_id: string;
  series_id: string | null;
  seq: number | null;
  series_count: number | null;
  scheduled_at: string;
  minutes: number | null;
  place: string | null;
  chair_id: string | null;
  case_owner_ids: string | null;
  source: 'plan' | 'agreed';
  agreed_in: string | null;
  meeting_id: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

function parseIds(json: string | null): string[] {
  if (json === null) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const toPlanned = (r: Row): PlannedMeeting => ({
  id: r.id,
  groupId: r.group_id,
  seriesId: r.series_id,
  seq: r.seq,
  seriesCount: r.series_count,
  scheduledAt: r.scheduled_at,
  minutes: r.minutes,
  place: r.place,
  chairId: r.chair_id,
  caseOwnerIds: parseIds(r.case_owner_ids),
  source: r.source,
  agreedIn: r.agreed_in,
  meetingId: r.meeting_id,
  cancelledAt: r.cancelled_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface NewSeries {
  groupId: string;
  minutes: number | null;
  place: string | null;
  meetings: { scheduledAt: Date; chairId: string | null }[];
}

export function createSeries(store: Store, input: NewSeries): PlannedMeeting[] {
  return store.tx(() => {
    const seriesId = store.newId();
    const s = store.stamp();
    const insert = store.db.prepare(
      `INSERT INTO planned_meetings (id, group_id, series_id, seq, series_count, scheduled_at, minutes, place, chair_id,
         case_owner_ids, source, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'plan', ?, ?, ?)`,
    );
    input.meetings.forEach((m, i) => {
      insert.run(
        store.newId(),
        input.groupId,
        seriesId,
        i + 1,
        input.meetings.length,
        m.scheduledAt.toISOString(),
        input.minutes,
        input.place,
        m.chairId,
        s.created_at,
        s.updated_at,
        s.device_id,
      );
    });
    return listSeries(store, seriesId);
  });
}

export function listSeries(store: Store, seriesId: string): PlannedMeeting[] {
  return (store.db.prepare('SELECT * FROM planned_meetings WHERE series_id = ? ORDER BY seq').all(seriesId) as Row[]).map(toPlanned);
}

export function getPlanned(store: Store, id: string): PlannedMeeting {
  const row = store.db.prepare('SELECT * FROM planned_meetings WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new Error(`planned meeting ${id} vanished`);
  return toPlanned(row);
}

/** Every planned meeting of a group that is not cancelled, in time order. */
export function listPlanned(store: Store, groupId: string): PlannedMeeting[] {
  return (
    store.db
      .prepare('SELECT * FROM planned_meetings WHERE group_id = ? AND cancelled_at IS NULL ORDER BY scheduled_at, seq, id')
      .all(groupId) as Row[]
  ).map(toPlanned);
}

/** The newest series of a group that still has a meeting that is not cancelled. */
export function currentSeries(store: Store, groupId: string): PlannedMeeting[] {
  const row = store.db
    .prepare(
      `SELECT series_id FROM planned_meetings WHERE group_id = ? AND source = 'plan' AND cancelled_at IS NULL
       ORDER BY created_at DESC, scheduled_at DESC LIMIT 1`,
    )
    .get(groupId) as { series_id: string } | undefined;
  return row ? listSeries(store, row.series_id) : [];
}

export function moveMeeting(store: Store, id: string, to: Date): void {
  store.tx(() => {
    const s = store.stamp();
    store.db
      .prepare('UPDATE planned_meetings SET scheduled_at = ?, updated_at = ?, device_id = ? WHERE id = ?')
      .run(to.toISOString(), s.updated_at, s.device_id, id);
  });
}

/**
 * Cancel the meetings of a plan that were not held yet. Rows are marked, not deleted,
 * so a laptop that still has them learns of the cancellation when bundles merge.
 */
export function clearPlan(store: Store, groupId: string): PlannedMeeting[] {
  return store.tx(() => {
    const s = store.stamp();
    const ids = store.db
      .prepare("SELECT id FROM planned_meetings WHERE group_id = ? AND source = 'plan' AND cancelled_at IS NULL AND meeting_id IS NULL")
      .pluck()
      .all(groupId) as string[];
    const cancel = store.db.prepare('UPDATE planned_meetings SET cancelled_at = ?, updated_at = ?, device_id = ? WHERE id = ?');
    for (const id of ids) cancel.run(s.updated_at, s.updated_at, s.device_id, id);
    return ids.map((id) => getPlanned(store, id));
  });
}

/** Cancelled meetings still ahead: a calendar file sends them again as cancelled. */
export function cancelledUpcoming(store: Store, groupId: string, now: string): PlannedMeeting[] {
  return (
    store.db
      .prepare('SELECT * FROM planned_meetings WHERE group_id = ? AND cancelled_at IS NOT NULL AND meeting_id IS NULL AND scheduled_at >= ? ORDER BY scheduled_at, seq, id')
      .all(groupId, now) as Row[]
  ).map(toPlanned);
}

export interface HeldMeeting {
  id: string;
  startedAt: string;
  status: 'running' | 'completed' | 'aborted';
  counted: number;
  chairId: string | null;
  plannedMeetingId: string | null;
}

/** Meetings that took place or are taking place (an aborted meeting that was not held does not). */
export function heldMeetings(store: Store, groupId: string): HeldMeeting[] {
  return (
    store.db
      .prepare(
        `SELECT id, started_at, status, counted, chair_id, planned_meeting_id FROM meetings
         WHERE group_id = ? AND (status IN ('running', 'completed') OR (status = 'aborted' AND counted = 1))
         ORDER BY started_at, id`,
      )
      .all(groupId) as { id: string; started_at: string; status: HeldMeeting['status']; counted: number; chair_id: string | null; planned_meeting_id: string | null }[]
  ).map((r) => ({ id: r.id, startedAt: r.started_at, status: r.status, counted: r.counted, chairId: r.chair_id, plannedMeetingId: r.planned_meeting_id }));
}

function sameLocalDay(a: string, b: string): boolean {
  const x = localParts(a);
  const y = localParts(b);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/**
 * Link planned meetings to the meetings that were held: one named in
 * meetings.planned_meeting_id, or else the planned meeting on the same day
 * (Europe/Amsterdam). Safe to call any time; only fills links that are missing.
 * `intervisie start` may call it once its meeting row exists.
 */
export function linkHeldMeetings(store: Store, groupId: string): number {
  const all = listPlanned(store, groupId);
  const open = all.filter((p) => p.meetingId === null);
  if (open.length === 0) return 0;
  const linked = new Set(all.filter((p) => p.meetingId !== null).map((p) => `${p.source}:${p.meetingId}`));
  const links: [string, string][] = [];
  for (const m of heldMeetings(store, groupId)) {
    // A meeting fulfils at most one row of a plan and one agreed row.
    for (const source of ['plan', 'agreed'] as const) {
      if (linked.has(`${source}:${m.id}`)) continue;
      const free = open.filter((p) => p.source === source && !links.some(([pid]) => pid === p.id));
      const match = free.find((p) => p.id === m.plannedMeetingId) ?? free.find((p) => sameLocalDay(p.scheduledAt, m.startedAt));
      if (match) links.push([match.id, m.id]);
    }
  }
  if (links.length === 0) return 0;
  return store.tx(() => {
    const s = store.stamp();
    const set = store.db.prepare('UPDATE planned_meetings SET meeting_id = ?, updated_at = ?, device_id = ? WHERE id = ? AND meeting_id IS NULL');
    let n = 0;
    for (const [pid, mid] of links) n += set.run(mid, s.updated_at, s.device_id, pid).changes;
    return n;
  });
}

export interface Progress {
  seq: number;
  count: number;
  seriesId: string;
  plannedMeetingId: string;
}

/**
 * Where a group stands in its planned trajectory, for "bijeenkomst 3 van 8".
 * With `at` (e.g. the start of the meeting being held now): the plan row on that day.
 * Without: the next plan row not held yet.
 */
export function trajectoryProgress(store: Store, groupId: string, at?: Date | string): Progress | null {
  const rows = listPlanned(store, groupId).filter((p) => p.source === 'plan' && p.seq !== null && p.seriesCount !== null);
  let row: PlannedMeeting | undefined;
  if (at !== undefined) {
    const iso = new Date(at).toISOString();
    row = rows.find((p) => sameLocalDay(p.scheduledAt, iso));
  } else {
    const now = store.nowIso();
    row = rows.find((p) => p.meetingId === null && (p.scheduledAt >= now || sameLocalDay(p.scheduledAt, now)));
  }
  return row ? { seq: row.seq!, count: row.seriesCount!, seriesId: row.seriesId!, plannedMeetingId: row.id } : null;
}

/**
 * The next meeting: the first planned row not held and not in the past (today counts).
 * When a meeting agreed at the end of the last meeting falls on the same day as a
 * row of the plan, they are one meeting: the agreement decides chair and case owners,
 * the plan adds its place in the series.
 */
export function nextPlanned(store: Store, groupId: string): { meeting: PlannedMeeting; plan: PlannedMeeting | null } | null {
  const now = store.nowIso();
  const upcoming = listPlanned(store, groupId).filter((p) => p.meetingId === null && (p.scheduledAt >= now || sameLocalDay(p.scheduledAt, now)));
  const first = upcoming[0];
  if (!first) return null;
  const sameDay = upcoming.filter((p) => sameLocalDay(p.scheduledAt, first.scheduledAt));
  const agreed = sameDay.filter((p) => p.source === 'agreed').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const plan = sameDay.find((p) => p.source === 'plan') ?? null;
  return { meeting: agreed ?? first, plan };
}

export interface OpenActionPoint {
  id: string;
  ownerName: string | null;
  /** Content: confidential. */
  text: string | null;
  dueDate: string | null;
  createdAt: string;
}

export function openActionPoints(store: Store, groupId: string): OpenActionPoint[] {
  return (
    store.db
      .prepare(
        `SELECT a.id, m.name AS owner_name, a.text, a.due_date, a.created_at FROM action_points a
         LEFT JOIN members m ON m.id = a.owner_id
         WHERE a.group_id = ? AND a.status = 'open' ORDER BY a.due_date IS NULL, a.due_date, a.created_at`,
      )
      .all(groupId) as { id: string; owner_name: string | null; text: string | null; due_date: string | null; created_at: string }[]
  ).map((r) => ({ id: r.id, ownerName: r.owner_name, text: r.text, dueDate: r.due_date, createdAt: r.created_at }));
}

export interface FollowUpCase {
  caseId: string;
  ownerName: string;
  /** Content: confidential. */
  title: string | null;
  meetingId: string;
  discussedAt: string;
}

/** The case(s) discussed at the last held meeting: the next meeting opens by returning to them. */
export function followUpCases(store: Store, groupId: string): FollowUpCase[] {
  const last = store.db
    .prepare(
      `SELECT id, started_at FROM meetings WHERE group_id = ?
         AND (status = 'completed' OR (status = 'aborted' AND counted = 1))
       ORDER BY started_at DESC LIMIT 1`,
    )
    .get(groupId) as { id: string; started_at: string } | undefined;
  if (!last) return [];
  return (
    store.db
      .prepare(
        `SELECT c.id, m.name AS owner_name, c.title FROM cases c JOIN members m ON m.id = c.owner_id
         WHERE c.meeting_id = ? AND c.status = 'discussed' ORDER BY c.created_at`,
      )
      .all(last.id) as { id: string; owner_name: string; title: string | null }[]
  ).map((r) => ({ caseId: r.id, ownerName: r.owner_name, title: r.title, meetingId: last.id, discussedAt: last.started_at }));
}
