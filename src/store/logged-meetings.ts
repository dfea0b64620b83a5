import { UserError } from '../errors.js';
import type { Store } from './store.js';

// Meetings recorded afterwards (`intervisie log`) and corrections of any past meeting.
// Every correction leaves a row in `edits` (old and new value, when, which device), so
// evidence stays trustworthy and sync can show the history of a conflict.

export interface LoggedMeetingInput {
  groupId: string;
  startIso: string;
  endIso: string;
  pausedSeconds: number;
  plannedMinutes: number;
  presentIds: ReadonlySet<string>;
  /** Every current member: the ones not present get an 'absent' row. */
  memberIds: readonly string[];
  chairId: string | null;
  methodId: string | null;
  caseOwnerId: string | null;
  topic: string | null;
  place: string | null;
}

export interface MeetingRow {
  id: string;
  group_id: string;
  status: 'running' | 'completed' | 'aborted';
  counted: number;
  source: 'live' | 'logged';
  started_at: string;
  ended_at: string | null;
  paused_seconds: number;
  chair_id: string | null;
  method_id: string | null;
  place: string | null;
  topic: string | null;
}

// The columns of MeetingRow, named: the derived lists on meetings (migration 004) are not read here.
const MEETING_COLUMNS = 'id, group_id, status, counted, source, started_at, ended_at, paused_seconds, chair_id, method_id, place, topic';

/** Another meeting of the group that overlaps [start, end); aborted-and-not-held ones do not block. */
export function findOverlap(store: Store, groupId: string, startIso: string, endIso: string, exceptId: string | null = null): MeetingRow | null {
  const row = store.db
    .prepare(
      `SELECT ${MEETING_COLUMNS} FROM meetings
        WHERE group_id = @group AND started_at < @end AND COALESCE(ended_at, started_at) > @start
          AND id <> @except AND NOT (status = 'aborted' AND counted = 0)
        ORDER BY started_at LIMIT 1`,
    )
    .get({ group: groupId, start: startIso, end: endIso, except: exceptId ?? '' }) as MeetingRow | undefined;
  return row ?? null;
}

export function insertLoggedMeeting(store: Store, input: LoggedMeetingInput, onOverlap: (m: MeetingRow) => UserError): string {
  return store.tx(() => {
    // Checked again inside the write transaction: another process may have written meanwhile.
    const clash = findOverlap(store, input.groupId, input.startIso, input.endIso);
    if (clash) throw onOverlap(clash);
    const id = store.newId();
    const s = store.stamp();
    store.db
      .prepare(
        `INSERT INTO meetings (id, group_id, status, source, counted, chair_id, method_id, planned_minutes,
                               started_at, ended_at, paused_seconds, place, topic, created_at, updated_at, device_id)
         VALUES (@id, @group, 'completed', 'logged', 1, @chair, @method, @planned,
                 @start, @end, @paused, @place, @topic, @created, @updated, @device)`,
      )
      .run({
        id,
        group: input.groupId,
        chair: input.chairId,
        method: input.methodId,
        planned: input.plannedMinutes,
        start: input.startIso,
        end: input.endIso,
        paused: input.pausedSeconds,
        place: input.place,
        topic: input.topic,
        created: s.created_at,
        updated: s.updated_at,
        device: s.device_id,
      });
    const attend = store.db.prepare(
      `INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const memberId of input.memberIds) {
      attend.run(store.newId(), id, memberId, input.presentIds.has(memberId) ? 1 : 0, s.created_at, s.updated_at, s.device_id);
    }
    if (input.caseOwnerId) {
      // Only that a case was brought, and by whom: no title, no question.
      store.db
        .prepare(
          `INSERT INTO cases (id, group_id, owner_id, status, meeting_id, created_at, updated_at, device_id)
           VALUES (?, ?, ?, 'discussed', ?, ?, ?, ?)`,
        )
        .run(store.newId(), input.groupId, input.caseOwnerId, id, s.created_at, s.updated_at, s.device_id);
    }
    return id;
  });
}

/** A meeting by full id or by the first characters of it (as printed after `log`). */
export function findMeetingsByPrefix(store: Store, prefix: string): MeetingRow[] {
  return store.db
    .prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE substr(id, 1, length(@p)) = @p ORDER BY started_at LIMIT 2`)
    .all({ p: prefix.toLowerCase() }) as MeetingRow[];
}

export interface AttendanceRow {
  id: string;
  member_id: string;
  present: number;
}

export function meetingAttendance(store: Store, meetingId: string): AttendanceRow[] {
  return store.db
    .prepare('SELECT id, member_id, present FROM attendance WHERE meeting_id = ? AND member_id IS NOT NULL')
    .all(meetingId) as AttendanceRow[];
}

export type EditableColumn = 'started_at' | 'ended_at' | 'paused_seconds' | 'chair_id' | 'method_id' | 'place' | 'topic';

export interface MeetingEdit {
  meetingId: string;
  columns: Partial<Record<EditableColumn, string | number | null>>;
  /** member id → present; a member without a row gets one. */
  attendance: Map<string, boolean>;
  reason: string | null;
  editedBy: string | null;
}

export interface RecordedChange {
  field: EditableColumn | 'present';
  memberId?: string;
  oldValue: string | null;
  newValue: string | null;
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Apply a correction in one transaction; only real changes are written and recorded. */
export function applyMeetingEdit(store: Store, edit: MeetingEdit, check: (current: MeetingRow) => void): RecordedChange[] {
  return store.tx(() => {
    const current = store.db.prepare(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ?`).get(edit.meetingId) as MeetingRow | undefined;
    if (!current) throw new Error(`meeting ${edit.meetingId} vanished`);
    check(current);
    const s = store.stamp();
    const changes: RecordedChange[] = [];
    const record = store.db.prepare(
      `INSERT INTO edits (id, table_name, row_id, field, old_value, new_value, reason, edited_by, edited_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const sets: string[] = [];
    const values: Record<string, unknown> = {};
    for (const [col, value] of Object.entries(edit.columns) as [EditableColumn, string | number | null][]) {
      const old = current[col];
      if (asText(old) === asText(value)) continue;
      sets.push(`${col} = @${col}`);
      values[col] = value;
      record.run(store.newId(), 'meetings', current.id, col, asText(old), asText(value), edit.reason, edit.editedBy, s.updated_at, s.device_id);
      changes.push({ field: col, oldValue: asText(old), newValue: asText(value) });
    }

    const rows = new Map(meetingAttendance(store, current.id).map((r) => [r.member_id, r]));
    for (const [memberId, present] of edit.attendance) {
      const row = rows.get(memberId);
      const value = present ? 1 : 0;
      if (row && row.present === value) continue;
      let rowId: string;
      if (row) {
        rowId = row.id;
        store.db
          .prepare('UPDATE attendance SET present = ?, updated_at = ?, device_id = ? WHERE id = ?')
          .run(value, s.updated_at, s.device_id, row.id);
      } else {
        rowId = store.newId();
        store.db
          .prepare(
            `INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(rowId, current.id, memberId, value, s.created_at, s.updated_at, s.device_id);
      }
      const old = row ? String(row.present) : null;
      record.run(store.newId(), 'attendance', rowId, 'present', old, String(value), edit.reason, edit.editedBy, s.updated_at, s.device_id);
      changes.push({ field: 'present', memberId, oldValue: old, newValue: String(value) });
    }

    if (sets.length > 0 || changes.length > 0) {
      store.db
        .prepare(`UPDATE meetings SET ${[...sets, 'updated_at = @updated_at', 'device_id = @device_id'].join(', ')} WHERE id = @id`)
        .run({ ...values, id: current.id, updated_at: s.updated_at, device_id: s.device_id });
    }
    return changes;
  });
}
