import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { buildBundle } from '../../src/store/bundle-export.js';
import { decodeBundle, encodePlain, type Bundle } from '../../src/store/bundle-file.js';
import { importBundles } from '../../src/store/bundle-import.js';
import { BUNDLE_TABLES } from '../../src/store/bundle-tables.js';
import { addPreparedCase, withdrawCase } from '../../src/store/cases.js';
import { applyMeetingEdit, insertLoggedMeeting } from '../../src/store/logged-meetings.js';
import { countWrongLists, LIST_COLUMNS, recomputeAllLists } from '../../src/store/meeting-lists.js';
import { addCase, addCandidate, chooseCase, createMeeting, getMeeting, listMeetings, releaseUnchosen, saveAttendance } from '../../src/store/meetings.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { purgeContent } from '../../src/store/purge.js';
import { Store } from '../../src/store/store.js';
import { UserError } from '../../src/errors.js';
import { openLaptop, recordMeeting, seedGroup, type Seeded } from '../helpers/fixture.js';
import { tempDir } from '../helpers/tmp.js';

// Each meeting row carries its present, absent and case-owner lists (migration 004), kept by
// triggers. Whatever writes the rows, the lists must be what the rows give: checked here
// against a computation in JavaScript from the rows themselves.

type Lists = { present_list: string | null; absent_list: string | null; case_owner_list: string | null };

/** Member ids joined by ',' in id order (ids here are ASCII: JS and SQLite sort them alike), null for none. */
const joined = (ids: string[]): string | null => (ids.length === 0 ? null : ids.sort().join(','));

/** Every meeting's lists as its attendance and case rows give them. */
function expectedLists(db: Database.Database): Map<string, Lists> {
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

function storedLists(db: Database.Database): Map<string, Lists> {
  const rows = db.prepare('SELECT id, present_list, absent_list, case_owner_list FROM meetings').all() as (Lists & { id: string })[];
  return new Map(rows.map(({ id, ...lists }) => [id, lists]));
}

function expectListsRight(db: Database.Database): void {
  expect(storedLists(db)).toEqual(expectedLists(db));
  expect(countWrongLists(db)).toBe(0);
}

/** The meetings' own columns: what a write to a child row must never change. */
const meetingsOwn = (db: Database.Database) =>
  db.prepare(`SELECT * FROM meetings ORDER BY id`).all().map((r) => {
    const row = { ...(r as Record<string, unknown>) };
    for (const c of LIST_COLUMNS) delete row[c];
    return row;
  });

const triggers = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all() as string[];

/** A database at schema 3, made by the shipped migrations up to that version. */
function schema3File(): string {
  const path = join(tempDir(), 'intervisie.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (const m of MIGRATIONS) if (m.version <= 3) m.up(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'dev-old')").run();
    db.pragma('user_version = 3');
  })();
  db.close();
  return path;
}

const STAMP = ['2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', 'dev-old'] as const;

function insertRows(db: Database.Database, rows: { meetings: string[]; attendance: [string, string, string | null, number][]; cases: [string, string, string, string | null][] }): void {
  for (const [i, id] of rows.meetings.entries()) {
    db.prepare(
      `INSERT INTO meetings (id, group_id, status, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
       VALUES (?, 'g1', 'completed', 120, ?, ?, ?, ?, ?)`,
    ).run(id, `2025-02-${String(i + 1).padStart(2, '0')}T18:00:00.000Z`, `2025-02-${String(i + 1).padStart(2, '0')}T20:00:00.000Z`, ...STAMP);
  }
  for (const [id, meetingId, memberId, present] of rows.attendance) {
    db.prepare(
      `INSERT INTO attendance (id, meeting_id, member_id, guest_name, present, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, meetingId, memberId, memberId === null ? 'Gast' : null, present, ...STAMP);
  }
  for (const [id, ownerId, status, meetingId] of rows.cases) {
    db.prepare(`INSERT INTO cases (id, group_id, owner_id, status, meeting_id, created_at, updated_at, device_id) VALUES (?, 'g1', ?, ?, ?, ?, ?, ?)`).run(
      id,
      ownerId,
      status,
      meetingId,
      ...STAMP,
    );
  }
}

describe('migration 004: lists on the meetings', () => {
  it('fills the lists of an existing history from its rows, in id order, and keeps them from then on', () => {
    const path = schema3File();
    const old = new Database(path);
    old.transaction(() => {
      old.prepare("INSERT INTO groups (id, name, name_key, created_at, updated_at, device_id) VALUES ('g1', 'Oud', 'oud', ?, ?, ?)").run(...STAMP);
      for (const m of ['m-e', 'm-b', 'm-d', 'm-a', 'm-c']) {
        old.prepare("INSERT INTO members (id, group_id, name, name_key, created_at, updated_at, device_id) VALUES (?, 'g1', ?, ?, ?, ?, ?)").run(m, m, m, ...STAMP);
      }
      insertRows(old, {
        meetings: ['x1', 'x2', 'x3', 'x4'],
        attendance: [
          // x1: written in an order other than the ids, with a guest and an absent member.
          ['a1', 'x1', 'm-e', 1],
          ['a2', 'x1', 'm-b', 1],
          ['a3', 'x1', null, 1],
          ['a4', 'x1', 'm-d', 0],
          ['a5', 'x1', 'm-a', 1],
          // x2: everyone absent; x3: only a guest; x4: nothing at all.
          ['a6', 'x2', 'm-c', 0],
          ['a7', 'x2', 'm-a', 0],
          ['a8', 'x3', null, 1],
        ],
        cases: [
          ['c1', 'm-e', 'discussed', 'x1'],
          ['c2', 'm-a', 'discussed', 'x1'],
          ['c3', 'm-b', 'candidate', 'x1'],
          ['c4', 'm-c', 'withdrawn', 'x2'],
          ['c5', 'm-d', 'discussed', null],
          ['c6', 'm-d', 'prepared', null],
        ],
      });
    })();
    old.close();

    const store = Store.open(path, new FakeClock('2026-11-24T12:00:00Z'));
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(4);
      expect(readdirSync(dirname(path)).some((n) => n.startsWith('intervisie.db.backup-v3-'))).toBe(true);
      expect(Object.fromEntries(storedLists(store.db))).toEqual({
        x1: { present_list: 'm-a,m-b,m-e', absent_list: 'm-d', case_owner_list: 'm-a,m-e' },
        x2: { present_list: null, absent_list: 'm-a,m-c', case_owner_list: null },
        x3: { present_list: null, absent_list: null, case_owner_list: null },
        x4: { present_list: null, absent_list: null, case_owner_list: null },
      });
      expectListsRight(store.db);
      // The stamps of the meetings stay: the lists are not a change of the meeting.
      expect(store.db.prepare('SELECT DISTINCT updated_at, device_id FROM meetings').raw().all()).toEqual([[STAMP[1], STAMP[2]]]);
      expect(triggers(store.db)).toHaveLength(7);

      // From now on the triggers keep them.
      store.db.prepare("UPDATE attendance SET present = 1 WHERE id = 'a4'").run();
      store.db.prepare("UPDATE cases SET status = 'discussed' WHERE id = 'c3'").run();
      expect(storedLists(store.db).get('x1')).toEqual({ present_list: 'm-a,m-b,m-d,m-e', absent_list: null, case_owner_list: 'm-a,m-b,m-e' });
      expectListsRight(store.db);
    } finally {
      store.close();
    }
  });

  it('and recomputeAllLists give the same lists (one definition in two places)', () => {
    const path = schema3File();
    const old = new Database(path);
    old.transaction(() => {
      old.prepare("INSERT INTO groups (id, name, name_key, created_at, updated_at, device_id) VALUES ('g1', 'Oud', 'oud', ?, ?, ?)").run(...STAMP);
      for (const m of ['m1', 'm2', 'm3']) {
        old.prepare("INSERT INTO members (id, group_id, name, name_key, created_at, updated_at, device_id) VALUES (?, 'g1', ?, ?, ?, ?, ?)").run(m, m, m, ...STAMP);
      }
      insertRows(old, {
        meetings: ['x1', 'x2'],
        attendance: [
          ['a1', 'x1', 'm2', 1],
          ['a2', 'x1', 'm1', 0],
          ['a3', 'x1', null, 1],
          ['a4', 'x2', 'm3', 1],
          ['a5', 'x2', 'm1', 2],
        ],
        cases: [
          ['c1', 'm3', 'discussed', 'x2'],
          ['c2', 'm1', 'discussed', 'x2'],
        ],
      });
    })();
    old.close();
    const store = Store.open(path, new FakeClock('2026-11-24T12:00:00Z'));
    try {
      const migrated = storedLists(store.db);
      store.db.exec('UPDATE meetings SET present_list = NULL, absent_list = NULL, case_owner_list = NULL');
      expect(countWrongLists(store.db)).toBe(2);
      expect(recomputeAllLists(store.db)).toBe(2);
      expect(storedLists(store.db)).toEqual(migrated);
      expect(recomputeAllLists(store.db)).toBe(0);
      expectListsRight(store.db);
    } finally {
      store.close();
    }
  });
});

// ---- every write path -----------------------------------------------------------------------

const MEMBERS = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva'];

type Op =
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

const opArb: fc.Arbitrary<Op> = fc.oneof(
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

interface World {
  store: Store;
  clock: FakeClock;
  g: Seeded;
}

const pick = <T>(list: readonly T[], at: number): T | undefined => (list.length === 0 ? undefined : list[at % list.length]);

/** Apply one write; returns whether it went only through raw SQL on child rows (the meetings' own columns must then stay). */
function apply(w: World, op: Op): boolean {
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
      db.prepare(`UPDATE OR IGNORE attendance SET "${op.set}" = ? WHERE id = ?`).run(value, id);
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
      db.prepare(`UPDATE cases SET "${op.set}" = ? WHERE id = ?`).run(value, id);
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

describe('the lists stay equal to their rows', () => {
  it('through any sequence of writes by the store and by raw SQL', () => {
    const dir = tempDir();
    let run = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const { store, clock } = openLaptop(join(dir, `run-${run++}.db`));
        try {
          // Fewer fsyncs: each write is its own transaction, and this file is thrown away.
          store.db.pragma('synchronous = OFF');
          const g = seedGroup(store, 'Coaches Utrecht', MEMBERS);
          const w: World = { store, clock, g };
          for (let i = 0; i < 3; i++) {
            store.tx(() => createMeeting(store, { groupId: g.groupId, chairId: null, plannedMinutes: 120, startedAt: `2026-0${i + 1}-05T18:00:00.000Z`, step: 'attendance' }));
          }
          for (const op of ops) {
            const before = meetingsOwn(store.db);
            const rawOnly = apply(w, op);
            if (rawOnly) expect(meetingsOwn(store.db)).toEqual(before);
            expectListsRight(store.db);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('after a purge of case content (retention, forget)', () => {
    const { store } = openLaptop(join(tempDir(), 'a.db'));
    try {
      const g = seedGroup(store);
      recordMeeting(store, g, { startedAt: '2025-01-06T18:30:00Z', present: [0, 2] });
      recordMeeting(store, g, { startedAt: '2026-01-06T18:30:00Z' });
      const before = storedLists(store.db);
      expect([...before.values()].every((l) => l.present_list !== null && l.case_owner_list !== null)).toBe(true);
      const { counts } = purgeContent(store, { kind: 'before', cutoff: '2026-12-31T00:00:00Z', groupId: g.groupId });
      expect(counts['cases']).toBe(2);
      expect(storedLists(store.db)).toEqual(before);
      expectListsRight(store.db);
    } finally {
      store.close();
    }
  });
});

// ---- import ------------------------------------------------------------------------------

async function travel(bundle: Bundle): Promise<Bundle> {
  return decodeBundle(encodePlain(bundle), 'bundel.json', { passphrase: async () => '' });
}

const exportOf = (store: Store, groupId: string, since: string | null = null) => buildBundle(store, { groupId, withCases: false, since, appVersion: 'test' });

/** Many bare meetings written at once: enough attendance and case rows for the bulk path of an import. */
function manyMeetings(store: Store, g: Seeded, count: number, from: number): void {
  const db = store.db;
  store.tx(() => {
    const s = store.stamp();
    for (let i = from; i < from + count; i++) {
      const id = store.newId();
      const start = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000);
      db.prepare(
        `INSERT INTO meetings (id, group_id, status, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
         VALUES (?, ?, 'completed', 120, ?, ?, ?, ?, ?)`,
      ).run(id, g.groupId, start.toISOString(), new Date(start.getTime() + 7_200_000).toISOString(), s.created_at, s.updated_at, s.device_id);
      g.memberIds.forEach((m, k) => {
        db.prepare(`INSERT INTO attendance (id, meeting_id, member_id, present, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
          store.newId(),
          id,
          m,
          (i + k) % 4 === 0 ? 0 : 1,
          s.created_at,
          s.updated_at,
          s.device_id,
        );
      });
      if (i % 3 === 0) {
        db.prepare(`INSERT INTO attendance (id, meeting_id, guest_name, present, created_at, updated_at, device_id) VALUES (?, ?, 'Gast', 1, ?, ?, ?)`).run(
          store.newId(),
          id,
          s.created_at,
          s.updated_at,
          s.device_id,
        );
      }
      for (const [n, status] of ['discussed', i % 2 === 0 ? 'discussed' : 'candidate'].entries()) {
        db.prepare(`INSERT INTO cases (id, group_id, owner_id, status, meeting_id, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
          store.newId(),
          g.groupId,
          g.memberIds[(i + n) % g.memberIds.length]!,
          status,
          id,
          s.created_at,
          s.updated_at,
          s.device_id,
        );
      }
    }
  });
}

describe('import keeps the lists', { timeout: 120_000 }, () => {
  it('fills an empty database in bulk (without the triggers), then adds to it row by row', async () => {
    const dir = tempDir();
    const a = openLaptop(join(dir, 'a.db'));
    const b = openLaptop(join(dir, 'b.db'));
    const g = seedGroup(a.store);
    manyMeetings(a.store, g, 1100, 0);
    const schemaOf = (s: Store) => s.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const fresh = schemaOf(b.store);
    expect(triggers(b.store.db)).toHaveLength(7);

    const bundle = await travel(exportOf(a.store, g.groupId));
    // Both list tables go the bulk way.
    expect(bundle.data.attendance.length).toBeGreaterThan(1000);
    expect(bundle.data.cases.length).toBeGreaterThan(1000);
    // Dry run: computed and rolled back, the triggers (dropped meanwhile) back in place.
    expect(importBundles(b.store, [bundle], { links: [], dryRun: true })).toMatchObject({ meetingsAdded: 1100 });
    expect(schemaOf(b.store)).toEqual(fresh);

    expect(importBundles(b.store, [bundle], { links: [], dryRun: false })).toMatchObject({ meetingsAdded: 1100 });
    expect(schemaOf(b.store)).toEqual(fresh);
    expectListsRight(b.store.db);
    expect(storedLists(b.store.db)).toEqual(storedLists(a.store.db));

    // More meetings and a correction: an import into a filled database, through the triggers.
    manyMeetings(a.store, g, 50, 1100);
    const row = bundle.data.attendance.find((r) => r['member_id'] !== null)!;
    a.clock.advance(60_000);
    a.store.db.prepare('UPDATE attendance SET present = 1 - present, updated_at = ? WHERE id = ?').run(a.store.nowIso(), row['id']);
    const later = await travel(exportOf(a.store, g.groupId, '2020-01-02T00:00:00Z'));
    expect(importBundles(b.store, [later], { links: [], dryRun: false })).toMatchObject({ meetingsAdded: 50, meetingsUpdated: 1 });
    expectListsRight(b.store.db);
    expect(storedLists(b.store.db)).toEqual(storedLists(a.store.db));
    a.store.close();
    b.store.close();
  });

  it('never carries the lists in a bundle, nor takes them from one', async () => {
    const dir = tempDir();
    const a = openLaptop(join(dir, 'a.db'));
    const b = openLaptop(join(dir, 'b.db'));
    const g = seedGroup(a.store);
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z', present: [0, 1] });
    const bundle = exportOf(a.store, g.groupId);
    for (const table of BUNDLE_TABLES) {
      for (const r of bundle.data[table] ?? []) for (const c of LIST_COLUMNS) expect(Object.keys(r)).not.toContain(c);
    }
    expect(encodePlain(bundle)).not.toMatch(/_list"/);

    // A bundle that brings list columns anyway (another program, a hand edit): they are not data.
    const forged: Bundle = {
      ...bundle,
      data: { ...bundle.data, meetings: bundle.data.meetings.map((m) => ({ ...m, present_list: 'x,y', case_owner_list: 'z' })) },
    };
    const read = await travel(forged);
    for (const m of read.data.meetings) for (const c of LIST_COLUMNS) expect(Object.keys(m)).not.toContain(c);
    const c = openLaptop(join(dir, 'c.db'));
    for (const [store, input] of [
      [b.store, read],
      [c.store, forged],
    ] as const) {
      expect(importBundles(store, [input], { links: [], dryRun: false })).toMatchObject({ meetingsAdded: 1 });
      expectListsRight(store.db);
      expect(storedLists(store.db)).toEqual(storedLists(a.store.db));
    }
    a.store.close();
    b.store.close();
    c.store.close();
  });

  it('leaves the lists out of every whole meeting row the store reads', () => {
    const { store } = openLaptop(join(tempDir(), 'a.db'));
    try {
      const g = seedGroup(store);
      const id = recordMeeting(store, g, { startedAt: '2026-01-05T18:30:00Z' });
      for (const row of [getMeeting(store, id)!, ...listMeetings(store)]) {
        for (const c of LIST_COLUMNS) expect(Object.keys(row)).not.toContain(c);
      }
    } finally {
      store.close();
    }
  });
});
