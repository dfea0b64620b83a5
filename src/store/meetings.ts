import type { Step } from '../domain/session.js';
import type { Store } from './store.js';

// Everything a live meeting writes. Callers wrap each answer in one store.tx together with
// the step bookkeeping, so a crash never loses an answer nor leaves it half-written.

export interface MeetingRow {
  id: string;
  group_id: string;
  status: 'running' | 'completed' | 'aborted';
  source: 'live' | 'logged';
  counted: number;
  chair_id: string | null;
  method_id: string | null;
  planned_minutes: number;
  started_at: string;
  ended_at: string | null;
  paused_seconds: number;
  topic: string | null;
  agreements: string | null;
  agreements_at: string | null;
  step: string | null;
  step_state: string | null;
  planned_meeting_id: string | null;
  updated_at: string;
}

type MeetingColumn =
  | 'status'
  | 'counted'
  | 'chair_id'
  | 'method_id'
  | 'planned_minutes'
  | 'started_at'
  | 'ended_at'
  | 'paused_seconds'
  | 'topic'
  | 'agreements'
  | 'agreements_at'
  | 'step'
  | 'step_state'
  | 'planned_meeting_id';

function update(store: Store, table: string, id: string, values: Record<string, unknown>): void {
  const cols = Object.keys(values);
  if (cols.length === 0) return;
  const sets = cols.map((c) => `${c} = @${c}`).join(', ');
  const s = store.stamp();
  store.db
    .prepare(`UPDATE ${table} SET ${sets}, updated_at = @updated_at, device_id = @device_id WHERE id = @id`)
    .run({ ...values, id, updated_at: s.updated_at, device_id: s.device_id });
}

function insert(store: Store, table: string, values: Record<string, unknown>): string {
  const id = (values['id'] as string | undefined) ?? store.newId();
  const row = { ...values, id, ...store.stamp() };
  const cols = Object.keys(row);
  store.db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  return id;
}

// ---- meetings ---------------------------------------------------------------------------

/**
 * The meeting's own columns, for reading whole rows: the derived lists (present_list,
 * absent_list, case_owner_list; see migration 004) are the report's, not part of a meeting.
 */
export const MEETING_COLUMNS =
  'id, group_id, status, source, counted, chair_id, method_id, planned_minutes, started_at, ended_at, paused_seconds, ' +
  'place, topic, agreements, agreements_at, step, step_state, planned_meeting_id, created_at, updated_at, device_id';

export function createMeeting(store: Store, input: { groupId: string; chairId: string | null; plannedMinutes: number; startedAt: string; step: Step }): string {
  return insert(store, 'meetings', {
    group_id: input.groupId,
    status: 'running',
    chair_id: input.chairId,
    planned_minutes: input.plannedMinutes,
    started_at: input.startedAt,
    step: input.step,
    step_state: '{}',
  });
}

export function updateMeeting(store: Store, id: string, values: Partial<Record<MeetingColumn, string | number | null>>): void {
  update(store, 'meetings', id, values);
}

/** The program is still running this meeting: not a change of content, so updated_at stays. */
export function markAlive(store: Store, id: string, at: string): void {
  store.db.prepare("UPDATE meetings SET step_state = json_set(COALESCE(step_state, '{}'), '$.seenAt', ?) WHERE id = ?").run(at, id);
}

export function getMeeting(store: Store, id: string): MeetingRow | null {
  return (store.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ?`).get(id) as MeetingRow | undefined) ?? null;
}

export function runningMeetings(store: Store, groupId?: string): MeetingRow[] {
  const sql = groupId
    ? `SELECT ${MEETING_COLUMNS} FROM meetings WHERE status = 'running' AND group_id = ? ORDER BY started_at DESC`
    : `SELECT ${MEETING_COLUMNS} FROM meetings WHERE status = 'running' ORDER BY started_at DESC`;
  return (groupId ? store.db.prepare(sql).all(groupId) : store.db.prepare(sql).all()) as MeetingRow[];
}

/**
 * The group's latest meeting when it is completed but its summary step never finished (the
 * program stopped while the summary was shown): `resume` shows that summary.
 */
export function summaryPending(store: Store, groupId: string): MeetingRow | null {
  const last = store.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE group_id = ? ORDER BY started_at DESC LIMIT 1`).get(groupId) as MeetingRow | undefined;
  return last && last.status === 'completed' && last.step === 'summary' ? last : null;
}

/** The group's last finished meeting before this one (for the follow-up). */
export function previousMeeting(store: Store, groupId: string, beforeIso: string, excludeId: string): MeetingRow | null {
  return (
    (store.db
      .prepare(
        `SELECT ${MEETING_COLUMNS} FROM meetings WHERE group_id = ? AND id != ? AND status = 'completed' AND started_at < ?
         ORDER BY started_at DESC LIMIT 1`,
      )
      .get(groupId, excludeId, beforeIso) as MeetingRow | undefined) ?? null
  );
}

export function chairHistory(store: Store, groupId: string): { chairId: string; startedAt: string }[] {
  return store.db
    .prepare(
      `SELECT chair_id AS chairId, started_at AS startedAt FROM meetings
       WHERE group_id = ? AND chair_id IS NOT NULL AND (status = 'completed' OR (status = 'aborted' AND counted = 1))`,
    )
    .all(groupId) as { chairId: string; startedAt: string }[];
}

export function listMeetings(store: Store, groupId?: string): MeetingRow[] {
  return (
    groupId
      ? store.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE group_id = ? ORDER BY started_at DESC`).all(groupId)
      : store.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings ORDER BY started_at DESC`).all()
  ) as MeetingRow[];
}

// ---- attendance -------------------------------------------------------------------------

export interface AttendanceRow {
  id: string;
  member_id: string | null;
  guest_name: string | null;
  present: number;
  checkin: string | null;
  name: string;
}

export function saveAttendance(store: Store, meetingId: string, members: { memberId: string; present: boolean }[], guests: string[]): void {
  store.db.prepare('DELETE FROM attendance WHERE meeting_id = ?').run(meetingId);
  for (const m of members) insert(store, 'attendance', { meeting_id: meetingId, member_id: m.memberId, present: m.present ? 1 : 0 });
  for (const g of guests) insert(store, 'attendance', { meeting_id: meetingId, guest_name: g, present: 1 });
}

/** Everyone on the list: members by name, then guests in the order they were added. */
export function listAttendance(store: Store, meetingId: string): AttendanceRow[] {
  return store.db
    .prepare(
      `SELECT a.id, a.member_id, a.guest_name, a.present, a.checkin, COALESCE(m.name, a.guest_name) AS name
       FROM attendance a LEFT JOIN members m ON m.id = a.member_id
       WHERE a.meeting_id = ? ORDER BY a.member_id IS NULL, m.name_key, a.created_at, a.rowid`,
    )
    .all(meetingId) as AttendanceRow[];
}

export function setCheckin(store: Store, attendanceId: string, text: string | null): void {
  update(store, 'attendance', attendanceId, { checkin: text });
}

// ---- cases ------------------------------------------------------------------------------

export interface CaseRow {
  id: string;
  owner_id: string;
  owner_name: string;
  title: string | null;
  question: string | null;
  est_e: number | null;
  est_g: number | null;
  est_t: number | null;
  status: string;
}

export function addCase(store: Store, input: { groupId: string; ownerId: string; title: string; question: string | null; meetingId: string }): string {
  const id = insert(store, 'cases', {
    group_id: input.groupId,
    owner_id: input.ownerId,
    title: input.title,
    question: input.question,
    status: 'candidate',
    meeting_id: input.meetingId,
  });
  insert(store, 'meeting_cases', { meeting_id: input.meetingId, case_id: id });
  return id;
}

/** A prepared case joins today's candidates; it keeps its 'prepared' status until the choice. */
export function addCandidate(store: Store, meetingId: string, caseId: string): void {
  store.db
    .prepare(
      `INSERT INTO meeting_cases (id, meeting_id, case_id, created_at, updated_at, device_id)
       VALUES (@id, @meeting_id, @case_id, @created_at, @updated_at, @device_id)
       ON CONFLICT(meeting_id, case_id) DO NOTHING`,
    )
    .run({ id: store.newId(), meeting_id: meetingId, case_id: caseId, ...store.stamp() });
}

export interface CandidateRow extends CaseRow {
  mc_id: string;
  e: number | null;
  g: number | null;
  t: number | null;
  rank: number | null;
  chosen: number | null;
  reason: string | null;
}

export function candidates(store: Store, meetingId: string): CandidateRow[] {
  return store.db
    .prepare(
      `SELECT c.id, c.owner_id, m.name AS owner_name, c.title, c.question, c.est_e, c.est_g, c.est_t, c.status,
              mc.id AS mc_id, mc.e, mc.g, mc.t, mc.rank, mc.chosen, mc.reason
       FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id JOIN members m ON m.id = c.owner_id
       WHERE mc.meeting_id = ? ORDER BY mc.created_at, mc.rowid`,
    )
    .all(meetingId) as CandidateRow[];
}

export function saveEgtScore(store: Store, s: { meetingId: string; caseId: string; scorerId: string | null; e: number; g: number; t: number }): void {
  store.db
    .prepare("DELETE FROM egt_scores WHERE meeting_id = ? AND case_id = ? AND COALESCE(scorer_id, '') = COALESCE(?, '')")
    .run(s.meetingId, s.caseId, s.scorerId);
  insert(store, 'egt_scores', { meeting_id: s.meetingId, case_id: s.caseId, scorer_id: s.scorerId, e: s.e, g: s.g, t: s.t });
}

export function egtScores(store: Store, meetingId: string): { caseId: string; scorerId: string | null; e: number; g: number; t: number }[] {
  return store.db
    .prepare('SELECT case_id AS caseId, scorer_id AS scorerId, e, g, t FROM egt_scores WHERE meeting_id = ?')
    .all(meetingId) as { caseId: string; scorerId: string | null; e: number; g: number; t: number }[];
}

export function saveRanking(store: Store, meetingId: string, rows: { caseId: string; e: number | null; g: number | null; t: number | null; rank: number }[]): void {
  for (const r of rows) {
    store.db
      .prepare('UPDATE meeting_cases SET e = ?, g = ?, t = ?, rank = ?, updated_at = ?, device_id = ? WHERE meeting_id = ? AND case_id = ?')
      .run(r.e, r.g, r.t, r.rank, store.nowIso(), store.deviceId, meetingId, r.caseId);
  }
}

export function chooseCase(store: Store, meetingId: string, caseId: string, chosen: 1 | 2, reason: string | null): void {
  store.db
    .prepare('UPDATE meeting_cases SET chosen = ?, reason = ?, updated_at = ?, device_id = ? WHERE meeting_id = ? AND case_id = ?')
    .run(chosen, reason, store.nowIso(), store.deviceId, meetingId, caseId);
  update(store, 'cases', caseId, { status: 'discussed', meeting_id: meetingId });
}

/** After the choice: candidates not chosen go back to the pile for a next meeting. */
export function releaseUnchosen(store: Store, meetingId: string): void {
  const ids = store.db
    .prepare(
      `SELECT c.id FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id
       WHERE mc.meeting_id = ? AND mc.chosen IS NULL AND c.status IN ('candidate', 'prepared')`,
    )
    .all(meetingId) as { id: string }[];
  for (const { id } of ids) update(store, 'cases', id, { status: 'prepared', meeting_id: null });
}

export function chosenCases(store: Store, meetingId: string): CandidateRow[] {
  return candidates(store, meetingId)
    .filter((c) => c.chosen !== null)
    .sort((a, b) => a.chosen! - b.chosen!);
}

// ---- phases, pauses, notes --------------------------------------------------------------

export interface PhaseRunRow {
  id: string;
  case_id: string | null;
  ordinal: number;
  phase_id: string;
  planned_seconds: number;
  started_at: string | null;
  ended_at: string | null;
  actual_seconds: number | null;
  paused_seconds: number;
  overtime_seconds: number;
}

export function createPhaseRuns(store: Store, meetingId: string, plan: { phaseId: string; caseId: string | null; plannedSeconds: number }[]): void {
  store.db.prepare('DELETE FROM phase_runs WHERE meeting_id = ? AND started_at IS NULL').run(meetingId);
  plan.forEach((p, i) =>
    insert(store, 'phase_runs', { meeting_id: meetingId, case_id: p.caseId, ordinal: i, phase_id: p.phaseId, planned_seconds: p.plannedSeconds }),
  );
}

export function phaseRuns(store: Store, meetingId: string): PhaseRunRow[] {
  return store.db.prepare('SELECT * FROM phase_runs WHERE meeting_id = ? ORDER BY ordinal').all(meetingId) as PhaseRunRow[];
}

export function updatePhaseRun(
  store: Store,
  id: string,
  values: Partial<Record<'planned_seconds' | 'started_at' | 'ended_at' | 'actual_seconds' | 'paused_seconds' | 'overtime_seconds', string | number | null>>,
): void {
  update(store, 'phase_runs', id, values);
}

export function startPause(store: Store, meetingId: string, phaseRunId: string | null, at: string, reason: 'pause' | 'break' | 'closed'): string {
  return insert(store, 'pauses', { meeting_id: meetingId, phase_run_id: phaseRunId, started_at: at, reason });
}

export function endPause(store: Store, pauseId: string, at: string): void {
  update(store, 'pauses', pauseId, { ended_at: at });
}

/** A pause the program did not see end (it was closed while paused). */
export function openPause(store: Store, meetingId: string): { id: string; started_at: string; phase_run_id: string | null } | null {
  return (
    (store.db
      .prepare('SELECT id, started_at, phase_run_id FROM pauses WHERE meeting_id = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1')
      .get(meetingId) as { id: string; started_at: string; phase_run_id: string | null } | undefined) ?? null
  );
}

export function addPausedSeconds(store: Store, meetingId: string, seconds: number): void {
  if (seconds <= 0) return;
  store.db
    .prepare('UPDATE meetings SET paused_seconds = paused_seconds + ?, updated_at = ?, device_id = ? WHERE id = ?')
    .run(Math.round(seconds), store.nowIso(), store.deviceId, meetingId);
}

export interface NoteRow {
  id: string;
  phase_run_id: string | null;
  field: string;
  member_id: string | null;
  ordinal: number;
  text: string | null;
  rating: number | null;
}

export function addNote(
  store: Store,
  n: { meetingId: string; phaseRunId: string | null; field: string; memberId: string | null; ordinal: number; text: string | null; rating?: number | null },
): void {
  insert(store, 'notes', {
    meeting_id: n.meetingId,
    phase_run_id: n.phaseRunId,
    field: n.field,
    member_id: n.memberId,
    ordinal: n.ordinal,
    text: n.text,
    rating: n.rating ?? null,
  });
}

export function notes(store: Store, meetingId: string): NoteRow[] {
  return store.db
    .prepare('SELECT id, phase_run_id, field, member_id, ordinal, text, rating FROM notes WHERE meeting_id = ? ORDER BY created_at, rowid')
    .all(meetingId) as NoteRow[];
}

// ---- action points and the next meeting --------------------------------------------------

export interface ActionRow {
  id: string;
  meeting_id: string | null;
  owner_id: string | null;
  owner_name: string | null;
  text: string | null;
  due_date: string | null;
  status: 'open' | 'done' | 'dropped';
  status_meeting_id: string | null;
}

const ACTION_SELECT = `SELECT a.id, a.meeting_id, a.owner_id, m.name AS owner_name, a.text, a.due_date, a.status, a.status_meeting_id
  FROM action_points a LEFT JOIN members m ON m.id = a.owner_id`;

/** Open action points from earlier meetings, plus those already reviewed in this one. */
export function actionsToReview(store: Store, groupId: string, meetingId: string): ActionRow[] {
  return store.db
    .prepare(
      `${ACTION_SELECT} WHERE a.group_id = ? AND COALESCE(a.meeting_id, '') != ?
       AND (a.status = 'open' OR a.status_meeting_id = ?) ORDER BY a.created_at, a.rowid`,
    )
    .all(groupId, meetingId, meetingId) as ActionRow[];
}

export function setActionStatus(store: Store, id: string, status: 'open' | 'done' | 'dropped', meetingId: string): void {
  update(store, 'action_points', id, { status, status_meeting_id: meetingId });
}

export function addAction(store: Store, a: { groupId: string; meetingId: string; ownerId: string | null; text: string; dueDate: string | null }): void {
  insert(store, 'action_points', { group_id: a.groupId, meeting_id: a.meetingId, owner_id: a.ownerId, text: a.text, due_date: a.dueDate, status: 'open' });
}

export function meetingActions(store: Store, meetingId: string): ActionRow[] {
  return store.db.prepare(`${ACTION_SELECT} WHERE a.meeting_id = ? ORDER BY a.created_at, a.rowid`).all(meetingId) as ActionRow[];
}

export interface PlannedRow {
  id: string;
  scheduled_at: string;
  chair_id: string | null;
  case_owner_ids: string | null;
  source: 'plan' | 'agreed';
  agreed_in: string | null;
  meeting_id: string | null;
}

/** What the group agreed at its last meeting about this one (next chair, who brings a case). */
export function lastAgreement(store: Store, groupId: string): PlannedRow | null {
  return (
    (store.db
      .prepare(
        `SELECT p.id, p.scheduled_at, p.chair_id, p.case_owner_ids, p.source, p.agreed_in, p.meeting_id
         FROM planned_meetings p JOIN meetings m ON m.id = p.agreed_in
         WHERE p.group_id = ? AND p.source = 'agreed' AND p.cancelled_at IS NULL AND m.status = 'completed'
         ORDER BY m.started_at DESC, p.created_at DESC LIMIT 1`,
      )
      .get(groupId) as PlannedRow | undefined) ?? null
  );
}

export function agreedIn(store: Store, meetingId: string): PlannedRow | null {
  return (
    (store.db
      .prepare("SELECT id, scheduled_at, chair_id, case_owner_ids, source, agreed_in, meeting_id FROM planned_meetings WHERE agreed_in = ? AND source = 'agreed'")
      .get(meetingId) as PlannedRow | undefined) ?? null
  );
}

export function saveNextMeeting(
  store: Store,
  p: { groupId: string; meetingId: string; scheduledAt: string; chairId: string | null; caseOwnerIds: string[]; minutes: number },
): void {
  store.db.prepare("DELETE FROM planned_meetings WHERE agreed_in = ? AND source = 'agreed'").run(p.meetingId);
  insert(store, 'planned_meetings', {
    group_id: p.groupId,
    scheduled_at: p.scheduledAt,
    minutes: p.minutes,
    chair_id: p.chairId,
    case_owner_ids: JSON.stringify(p.caseOwnerIds),
    source: 'agreed',
    agreed_in: p.meetingId,
  });
}

/** When the meeting this one fulfils was planned for: the nearest planned time within a day of the start. */
export function plannedTimeNear(store: Store, groupId: string, startedAt: string): string | null {
  const start = new Date(startedAt).getTime();
  const rows = store.db
    .prepare('SELECT scheduled_at FROM planned_meetings WHERE group_id = ? AND cancelled_at IS NULL AND scheduled_at BETWEEN ? AND ?')
    .pluck()
    .all(groupId, new Date(start - 24 * 3600_000).toISOString(), new Date(start + 24 * 3600_000).toISOString()) as string[];
  return rows.sort((a, b) => Math.abs(new Date(a).getTime() - start) - Math.abs(new Date(b).getTime() - start))[0] ?? null;
}

/** Link the planned meeting this one fulfils (same group, scheduled within a day of the start). */
export function linkPlannedMeeting(store: Store, meeting: MeetingRow): void {
  const start = new Date(meeting.started_at).getTime();
  const rows = store.db
    .prepare(
      `SELECT id, scheduled_at FROM planned_meetings WHERE group_id = ? AND meeting_id IS NULL AND cancelled_at IS NULL
       AND COALESCE(agreed_in, '') != ?`,
    )
    .all(meeting.group_id, meeting.id) as { id: string; scheduled_at: string }[];
  const near = rows
    .map((r) => ({ ...r, d: Math.abs(new Date(r.scheduled_at).getTime() - start) }))
    .filter((r) => r.d <= 24 * 3600_000)
    .sort((a, b) => a.d - b.d)[0];
  if (!near) return;
  update(store, 'planned_meetings', near.id, { meeting_id: meeting.id });
  update(store, 'meetings', meeting.id, { planned_meeting_id: near.id });
}

/** An unfinished meeting is aborted: today's candidates go back to the pile. */
export function abortMeeting(store: Store, meetingId: string, endedAt: string, counted: boolean): void {
  releaseUnchosen(store, meetingId);
  const open = openPause(store, meetingId);
  if (open) endPause(store, open.id, endedAt);
  update(store, 'meetings', meetingId, { status: 'aborted', ended_at: endedAt, counted: counted ? 1 : 0, step: null });
}

