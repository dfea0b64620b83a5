import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { FakeClock } from '../../src/clock.js';
import { UserError } from '../../src/errors.js';
import { addPreparedCase, withdrawCase } from '../../src/store/cases.js';
import { applyMeetingEdit, insertLoggedMeeting } from '../../src/store/logged-meetings.js';
import { countWrongLists } from '../../src/store/meeting-lists.js';
import { addCase, addCandidate, chooseCase, createMeeting, releaseUnchosen, saveAttendance } from '../../src/store/meetings.js';
import type { Store } from '../../src/store/store.js';
import { openLaptop, seedGroup, type Seeded } from './fixture.js';

// The lists each meeting row carries (migration 004) as its rows give them, computed in
// JavaScript; and random writes to those rows, through the store and by raw SQL.

export type Lists = { present_list: string | null; absent_list: string | null; case_owner_list: string | null };

/** Member ids joined by ',' in id order (ids here are ASCII: JS and SQLite sort them alike), null for none. */
const joined = (ids: string[]): string | null => (ids.length === 0 ? null : ids.sort().join(','));

/** Every meeting's lists as its attendance and case rows give them. */
export function expectedLists(db: Database.Database): Map<string, Lists> {
  const out = new Map<string, Lists>();
  for (const id of db.prepare('SELECT id FROM meetings').pluck().all() as string[]) {
    const att = db.prepare('SELECT member_id, present FROM attendance WHERE meeting_id = ?').all(id) as { member_id: string | null; present: number }[];
    const owners = db.prepare("SELECT owner_id FROM cases WHERE meeting_id = ? AND status = 'discussed'").pluck().all(id) as string[];
    out.set(id, {
      present_list: joined(att.filter((a) => a.member_id !== null && a.present === 1).map((a) => a.member_id!)),
      absent_list: joined(att.filter((a) => a.member_id !== null && a.present === 0).map((a) => a.member_id!)),
      case_owner_list: joined(owners),
    });
  }
  return out;
}

export function storedLists(db: Database.Database): Map<string, Lists> {
  const rows = db.prepare('SELECT id, present_list, absent_list, case_owner_list FROM meetings').all() as (Lists & { id: string })[];
  return new Map(rows.map(({ id, ...lists }) => [id, lists]));
}

export function expectListsRight(db: Database.Database): void {
  expect(storedLists(db)).toEqual(expectedLists(db));
  expect(countWrongLists(db)).toBe(0);
}


export const MEMBERS = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva'];

export type Op =
  | { kind: 'saveAttendance'; meeting: number; members: [number, boolean][]; guests: number }
  | { kind: 'addCase'; meeting: number; owner: number }
  | { kind: 'chooseCase'; meeting: number; caseAt: number }
  | { kind: 'releaseUnchosen'; meeting: number }
  | { kind: 'prepareAndWithdraw'; owner: number; withdraw: boolean }
  | { kind: 'logEdit'; meeting: number; changes: [number, boolean][] }
  | { kind: 'logMeeting'; present: number[]; caseOwner: number | null }
  | { kind: 'rawInsertAttendance'; meeting: number; member: number | null; present: number }
  | { kind: 'rawAttendance'; rowAt: number; set: 'present' | 'meeting_id' | 'member_id' | 'checkin'; value: number | null }
  | { kind: 'rawDeleteAttendance'; rowAt: number }
  | { kind: 'rawInsertCase'; meeting: number | null; owner: number; status: string }
  | { kind: 'rawCase'; caseAt: number; set: 'status' | 'meeting_id' | 'owner_id' | 'title'; value: number }
  | { kind: 'rawDeleteCase'; caseAt: number }
  | { kind: 'rawMeetingAfterItsRows'; members: [number, number][]; owner: number | null };

const STATUSES = ['prepared', 'candidate', 'discussed', 'withdrawn'];
const idx = (max: number) => fc.integer({ min: 0, max });
const memberFlags = fc.uniqueArray(fc.tuple(idx(MEMBERS.length - 1), fc.boolean()), { selector: ([m]) => m, maxLength: MEMBERS.length });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('saveAttendance' as const), meeting: idx(9), members: memberFlags, guests: idx(2) }),
  fc.record({ kind: fc.constant('addCase' as const), meeting: idx(9), owner: idx(MEMBERS.length - 1) }),
  fc.record({ kind: fc.constant('chooseCase' as const), meeting: idx(9), caseAt: idx(20) }),
  fc.record({ kind: fc.constant('releaseUnchosen' as const), meeting: idx(9) }),
  fc.record({ kind: fc.constant('prepareAndWithdraw' as const), owner: idx(MEMBERS.length - 1), withdraw: fc.boolean() }),
  fc.record({ kind: fc.constant('logEdit' as const), meeting: idx(9), changes: memberFlags }),
  fc.record({
    kind: fc.constant('logMeeting' as const),
    present: fc.uniqueArray(idx(MEMBERS.length - 1), { minLength: 1, maxLength: MEMBERS.length }),
    caseOwner: fc.option(idx(MEMBERS.length - 1), { nil: null }),
  }),
  fc.record({ kind: fc.constant('rawInsertAttendance' as const), meeting: idx(9), member: fc.option(idx(MEMBERS.length - 1), { nil: null }), present: fc.constantFrom(0, 1, 1, 2) }),
  fc.record({
    kind: fc.constant('rawAttendance' as const),
    rowAt: idx(60),
    set: fc.constantFrom('present' as const, 'meeting_id' as const, 'member_id' as const, 'checkin' as const),
    value: fc.option(idx(9), { nil: null, freq: 4 }),
  }),
  fc.record({ kind: fc.constant('rawDeleteAttendance' as const), rowAt: idx(60) }),
  fc.record({ kind: fc.constant('rawInsertCase' as const), meeting: fc.option(idx(9), { nil: null, freq: 5 }), owner: idx(MEMBERS.length - 1), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('rawCase' as const), caseAt: idx(20), set: fc.constantFrom('status' as const, 'meeting_id' as const, 'owner_id' as const, 'title' as const), value: idx(9) }),
  fc.record({ kind: fc.constant('rawDeleteCase' as const), caseAt: idx(20) }),
  fc.record({
    kind: fc.constant('rawMeetingAfterItsRows' as const),
    members: fc.uniqueArray(fc.tuple(idx(MEMBERS.length - 1), fc.constantFrom(0, 1)), { selector: ([m]) => m, maxLength: MEMBERS.length }),
    owner: fc.option(idx(MEMBERS.length - 1), { nil: null }),
  }),
);

export interface World {
  store: Store;
  clock: FakeClock;
  g: Seeded;
}

const pick = <T>(list: readonly T[], at: number): T | undefined => (list.length === 0 ? undefined : list[at % list.length]);

/** Apply one write; returns whether it went only through raw SQL on child rows (the meetings' own columns must then stay). */
export function apply(w: World, op: Op): boolean {
  const { store, g } = w;
  const db = store.db;
  const meetings = db.prepare('SELECT id FROM meetings ORDER BY started_at, id').pluck().all() as string[];
  const meeting = (at: number) => pick(meetings, at)!;
  const member = (at: number) => g.memberIds[at % g.memberIds.length]!;
  const attendanceIds = () => db.prepare('SELECT id FROM attendance ORDER BY id').pluck().all() as string[];
  const caseIds = () => db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as string[];
  const s = store.stamp();
  w.clock.advance(60_000);
  switch (op.kind) {
    case 'saveAttendance':
      store.tx(() =>
        saveAttendance(
          store,
          meeting(op.meeting),
          op.members.map(([m, present]) => ({ memberId: member(m), present })),
          Array.from({ length: op.guests }, (_, i) => `Gast ${i}`),
        ),
      );
      return false;
    case 'addCase':
      store.tx(() => addCase(store, { groupId: g.groupId, ownerId: member(op.owner), title: 'titel', question: null, meetingId: meeting(op.meeting) }));
      return false;
    case 'chooseCase': {
      const id = meeting(op.meeting);
      const candidates = db.prepare('SELECT case_id FROM meeting_cases WHERE meeting_id = ? ORDER BY case_id').pluck().all(id) as string[];
      const caseId = pick(candidates, op.caseAt);
      if (caseId) store.tx(() => chooseCase(store, id, caseId, 1, null));
      return false;
    }
    case 'releaseUnchosen':
      store.tx(() => releaseUnchosen(store, meeting(op.meeting)));
      return false;
    case 'prepareAndWithdraw': {
      const c = addPreparedCase(store, { groupId: g.groupId, ownerId: member(op.owner), title: 'voorbereid', question: null });
      if (op.withdraw) withdrawCase(store, c.id);
      else store.tx(() => addCandidate(store, meeting(op.owner), c.id));
      return false;
    }
    case 'logEdit':
      applyMeetingEdit(
        store,
        { meetingId: meeting(op.meeting), columns: {}, attendance: new Map(op.changes.map(([m, p]) => [member(m), p])), reason: null, editedBy: null },
        () => {},
      );
      return false;
    case 'logMeeting': {
      const start = new Date(Date.UTC(2027, 0, 1) + meetings.length * 86_400_000);
      insertLoggedMeeting(
        store,
        {
          groupId: g.groupId,
          startIso: start.toISOString(),
          endIso: new Date(start.getTime() + 7_200_000).toISOString(),
          pausedSeconds: 0,
          plannedMinutes: 120,
          presentIds: new Set(op.present.map(member)),
          memberIds: g.memberIds,
          chairId: null,
          methodId: null,
          caseOwnerId: op.caseOwner === null ? null : member(op.caseOwner),
          topic: null,
          place: null,
        },
        () => new UserError((t) => t.errors.unexpected),
      );
      return false;
    }
    case 'rawInsertAttendance':
      db.prepare(
        `INSERT OR IGNORE INTO attendance (id, meeting_id, member_id, guest_name, present, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(store.newId(), meeting(op.meeting), op.member === null ? null : member(op.member), op.member === null ? 'Gast' : null, op.present, s.created_at, s.updated_at, s.device_id);
      return true;
    case 'rawAttendance': {
      const id = pick(attendanceIds(), op.rowAt);
      if (!id) return true;
      const value =
        op.set === 'present' ? (op.value ?? 0) % 3 : op.set === 'meeting_id' ? meeting(op.value ?? 0) : op.set === 'member_id' ? (op.value === null ? null : member(op.value)) : `check-in ${op.value}`;
      // A move may meet the member's row in the other meeting: one row per member per meeting.
      db.prepare(`UPDATE OR IGNORE attendance SET "${op.set}" = ?, updated_at = ? WHERE id = ?`).run(value, s.updated_at, id);
      return true;
    }
    case 'rawDeleteAttendance': {
      const id = pick(attendanceIds(), op.rowAt);
      if (id) db.prepare('DELETE FROM attendance WHERE id = ?').run(id);
      return true;
    }
    case 'rawInsertCase':
      db.prepare(`INSERT INTO cases (id, group_id, owner_id, status, meeting_id, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
        store.newId(),
        g.groupId,
        member(op.owner),
        op.status,
        op.meeting === null ? null : meeting(op.meeting),
        s.created_at,
        s.updated_at,
        s.device_id,
      );
      return true;
    case 'rawCase': {
      const id = pick(caseIds(), op.caseAt);
      if (!id) return true;
      const value =
        op.set === 'status' ? STATUSES[op.value % STATUSES.length]! : op.set === 'meeting_id' ? (op.value === 0 ? null : meeting(op.value)) : op.set === 'owner_id' ? member(op.value) : `titel ${op.value}`;
      db.prepare(`UPDATE cases SET "${op.set}" = ?, updated_at = ? WHERE id = ?`).run(value, s.updated_at, id);
      return true;
    }
    case 'rawDeleteCase': {
      const id = pick(caseIds(), op.caseAt);
      if (id) {
        store.tx(() => {
          for (const t of ['meeting_cases', 'egt_scores']) db.prepare(`DELETE FROM ${t} WHERE case_id = ?`).run(id);
          db.prepare('DELETE FROM cases WHERE id = ?').run(id);
        });
      }
      return true;
    }
    case 'rawMeetingAfterItsRows': {
      // As an import may write them: the rows first, their meeting later (foreign keys checked at commit).
      const id = store.newId();
      store.tx(() => {
        db.pragma('defer_foreign_keys = ON');
        for (const [m, present] of op.members) {
          db.prepare(`INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
            store.newId(),
            id,
            member(m),
            present,
            s.created_at,
            s.updated_at,
            s.device_id,
          );
        }
        if (op.owner !== null) {
          db.prepare(`INSERT INTO cases (id, group_id, owner_id, status, meeting_id, created_at, updated_at, device_id) VALUES (?, ?, ?, 'discussed', ?, ?, ?, ?)`).run(
            store.newId(),
            g.groupId,
            member(op.owner),
            id,
            s.created_at,
            s.updated_at,
            s.device_id,
          );
        }
        db.prepare(
          `INSERT INTO meetings (id, group_id, status, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
           VALUES (?, ?, 'completed', 120, ?, ?, ?, ?, ?)`,
        ).run(id, g.groupId, '2028-01-01T18:00:00.000Z', '2028-01-01T20:00:00.000Z', s.created_at, s.updated_at, s.device_id);
      });
      return false;
    }
  }
}

/** A group of five and three meetings with nothing recorded yet, in a file a test throws away. */
export function listWorld(path: string, start?: string): World {
  const { store, clock } = openLaptop(path, start);
  // Fewer fsyncs: each write is its own transaction.
  store.db.pragma('synchronous = OFF');
  const g = seedGroup(store, 'Coaches Utrecht', MEMBERS);
  for (let i = 0; i < 3; i++) {
    store.tx(() => createMeeting(store, { groupId: g.groupId, chairId: null, plannedMinutes: 120, startedAt: `2026-0${i + 1}-05T18:00:00.000Z`, step: 'attendance' }));
  }
  return { store, clock, g };
}
