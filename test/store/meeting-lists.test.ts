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
import { countWrongLists, LIST_COLUMNS, recomputeAllLists } from '../../src/store/meeting-lists.js';
import { getMeeting, listMeetings } from '../../src/store/meetings.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { purgeContent } from '../../src/store/purge.js';
import { Store } from '../../src/store/store.js';
import { openLaptop, recordMeeting, seedGroup, type Seeded } from '../helpers/fixture.js';
import { apply, expectListsRight, listWorld, opArb, storedLists } from '../helpers/list-writes.js';
import { tempDir } from '../helpers/tmp.js';

// Each meeting row carries its present, absent and case-owner lists (migration 004), kept by
// triggers. Whatever writes the rows, the lists must be what the rows give: checked against a
// computation in JavaScript from the rows themselves (helpers/list-writes.ts).

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

describe('the lists stay equal to their rows', () => {
  it('through any sequence of writes by the store and by raw SQL', () => {
    const dir = tempDir();
    let run = 0;
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const w = listWorld(join(dir, `run-${run++}.db`));
        try {
          for (const op of ops) {
            const before = meetingsOwn(w.store.db);
            const rawOnly = apply(w, op);
            if (rawOnly) expect(meetingsOwn(w.store.db)).toEqual(before);
            expectListsRight(w.store.db);
          }
        } finally {
          w.store.close();
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
  it('fills an empty database in bulk, then takes small and big bundles into the filled one', async () => {
    const dir = tempDir();
    // Rows stamped before the meetings' dates, so a bundle --since a date holds only later meetings.
    const a = openLaptop(join(dir, 'a.db'), '2019-06-01T00:00:00Z');
    const b = openLaptop(join(dir, 'b.db'));
    const g = seedGroup(a.store);
    manyMeetings(a.store, g, 1100, 0);
    const schemaOf = (s: Store) => s.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    const tempObjects = (s: Store) => s.db.prepare('SELECT count(*) FROM sqlite_temp_master').pluck().get();
    const fresh = schemaOf(b.store);
    expect(triggers(b.store.db)).toHaveLength(7);
    const same = () => {
      expectListsRight(b.store.db);
      expect(storedLists(b.store.db)).toEqual(storedLists(a.store.db));
      expect(schemaOf(b.store)).toEqual(fresh);
      expect(tempObjects(b.store)).toBe(0);
    };

    const bundle = await travel(exportOf(a.store, g.groupId));
    // Both list tables go the bulk way (without their indexes, the triggers swapped for markers).
    expect(bundle.data.attendance.length).toBeGreaterThan(1000);
    expect(bundle.data.cases.length).toBeGreaterThan(1000);
    // Dry run: computed and rolled back, the triggers back in place and no markers left.
    expect(importBundles(b.store, [bundle], { links: [], dryRun: true })).toMatchObject({ meetingsAdded: 1100 });
    expect(schemaOf(b.store)).toEqual(fresh);
    expect(tempObjects(b.store)).toBe(0);
    expect(storedLists(b.store.db).size).toBe(0);

    expect(importBundles(b.store, [bundle], { links: [], dryRun: false })).toMatchObject({ meetingsAdded: 1100 });
    same();

    // A few meetings more: a small bundle, written through the triggers.
    manyMeetings(a.store, g, 20, 1100);
    const small = await travel(exportOf(a.store, g.groupId, new Date(Date.UTC(2020, 0, 1) + 1100 * 86_400_000).toISOString()));
    expect(small.data.attendance.length + small.data.cases.length).toBeGreaterThan(50);
    expect(small.data.attendance.length + small.data.cases.length).toBeLessThan(1000);
    expect(importBundles(b.store, [small], { links: [], dryRun: false })).toMatchObject({ meetingsAdded: 20 });
    same();

    // The whole history again with a row corrected, a case moved to another meeting and a
    // member's row made a guest's: a big bundle into a filled database, its lists set once per
    // touched meeting.
    a.clock.advance(60_000);
    const row = bundle.data.attendance.find((r) => r['member_id'] !== null)!;
    a.store.db.prepare('UPDATE attendance SET present = 1 - present, updated_at = ? WHERE id = ?').run(a.store.nowIso(), row['id']);
    const moved = bundle.data.cases.find((c) => c['status'] === 'discussed')!;
    const other = String(bundle.data.meetings.at(-5)!['id']);
    a.store.db.prepare('UPDATE cases SET meeting_id = ?, updated_at = ? WHERE id = ?').run(other, a.store.nowIso(), moved['id']);
    // From another meeting than the corrected row (rows come in id order, so they could share one).
    const guest = bundle.data.attendance.filter((r) => r['member_id'] !== null && r['meeting_id'] !== row['meeting_id']).at(-7)!;
    a.store.db.prepare("UPDATE attendance SET member_id = NULL, guest_name = 'Gast', updated_at = ? WHERE id = ?").run(a.store.nowIso(), guest['id']);
    const whole = await travel(exportOf(a.store, g.groupId));
    expect(importBundles(b.store, [whole], { links: [], dryRun: false })).toMatchObject({ meetingsAdded: 0, meetingsUpdated: 2, otherUpdated: 1 });
    same();
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
