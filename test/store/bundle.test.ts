import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildBundle } from '../../src/store/bundle-export.js';
import { decodeBundle, encodeEncrypted, encodePlain, type Bundle } from '../../src/store/bundle-file.js';
import { findNameClashes, importBundles } from '../../src/store/bundle-import.js';
import type { Store } from '../../src/store/store.js';
import { UserError } from '../../src/errors.js';
import { purgeContent } from '../../src/store/purge.js';
import { messages } from '../../src/ui/i18n/index.js';
import { dumpDb } from '../helpers/db-dump.js';
import { editRow, openLaptop, recordMeeting, seedGroup, SECRET, type Seeded } from '../helpers/fixture.js';
import { tempDir } from '../helpers/tmp.js';
import { sharedState } from '../helpers/shared-state.js';

const t = messages('nl');

function exportOf(store: Store, groupId: string, o: { withCases?: boolean; since?: string } = {}): Bundle {
  return buildBundle(store, { groupId, withCases: o.withCases ?? false, since: o.since ?? null, appVersion: 'test' });
}

/** Serialise and read back, as a file on another laptop would be. */
async function travel(bundle: Bundle, passphrase?: string): Promise<Bundle> {
  const text = passphrase ? await encodeEncrypted(bundle, passphrase) : encodePlain(bundle);
  return decodeBundle(text, 'bundel.json', { passphrase: async () => passphrase ?? '' });
}

function merge(store: Store, ...bundles: Bundle[]) {
  return importBundles(store, bundles, { links: [], dryRun: false });
}

const shared = sharedState;

function laptop(dir: string, name: string, start?: string) {
  return openLaptop(join(dir, `${name}.db`), start);
}

async function expectUserError(p: Promise<unknown> | (() => unknown), pattern: RegExp): Promise<void> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    const line = (err as UserError).render(t);
    expect(line).not.toContain('\n');
    expect(line).toMatch(pattern);
    return;
  }
  throw new Error('expected a UserError');
}

function twoLaptops() {
  const dir = tempDir();
  const a = laptop(dir, 'a');
  const b = laptop(dir, 'b');
  const g = seedGroup(a.store);
  return { dir, a, b, g };
}

describe('bundle export and import', { timeout: 120_000 }, () => {
  it('carries a group with its meetings to another laptop, and a second import changes nothing', async () => {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    recordMeeting(a.store, g, { startedAt: '2026-02-02T18:30:00Z', present: [0, 1, 2] });

    const bundle = await travel(exportOf(a.store, g.groupId));
    const first = merge(b.store, bundle);
    expect(first).toMatchObject({ meetingsAdded: 2, meetingsUpdated: 0, meetingsUnchanged: 0, conflicts: 0 });
    expect(shared(b.store)).toEqual(shared(a.store));

    const before = dumpDb(b.store.path);
    const again = merge(b.store, bundle);
    expect(again).toMatchObject({ meetingsAdded: 0, meetingsUpdated: 0, meetingsUnchanged: 2, otherAdded: 0, otherUpdated: 0 });
    expect(dumpDb(b.store.path)).toBe(before);
  });

  /** Ten members and many meetings: enough rows for the bulk paths of the import. */
  function bigGroup(meetings: number) {
    const dir = tempDir();
    const a = laptop(dir, 'a');
    const b = laptop(dir, 'b');
    const g = seedGroup(a.store, 'Grote groep', ['Anna', 'Bram', 'Carla', 'Daan', 'Eva', 'Femke', 'Gijs', 'Hanna', 'Ilse', 'Joost']);
    for (let i = 0; i < meetings; i++) recordMeeting(a.store, g, { startedAt: new Date(Date.UTC(2020, 0, 6 + 7 * i, 18, 30)).toISOString() });
    return { a, b, g };
  }

  const schema = (store: Store) => store.db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();

  it('fills an empty database in bulk and leaves its schema as it was', async () => {
    const { a, b, g } = bigGroup(120);
    const fresh = schema(b.store);
    const bundle = await travel(exportOf(a.store, g.groupId));
    expect(bundle.data.attendance.length).toBeGreaterThan(1000);
    expect(merge(b.store, bundle)).toMatchObject({ meetingsAdded: 120 });
    expect(schema(b.store)).toEqual(fresh);
    expect(shared(b.store)).toEqual(shared(a.store));
    // The indexes hold what they should: a lookup through one finds the rows.
    const meeting = String(bundle.data.meetings[7]!['id']);
    expect(b.store.db.prepare('SELECT count(*) FROM attendance INDEXED BY attendance_meeting_present WHERE meeting_id = ?').pluck().get(meeting)).toBe(10);
  });

  it('takes an older and a newer copy of a big bundle in one import, in either order', async () => {
    const { a, b, g } = bigGroup(120);
    const older = await travel(exportOf(a.store, g.groupId));
    const target = older.data.attendance.at(-2)!;
    a.clock.advance(60_000);
    editRow(a.store, 'attendance', String(target['id']), 'present', target['present'] === 1 ? 0 : 1);
    const newer = await travel(exportOf(a.store, g.groupId));
    const c = laptop(tempDir(), 'c');
    expect(merge(b.store, older, newer)).toMatchObject({ meetingsAdded: 120, conflicts: 0 });
    expect(merge(c.store, newer, older, newer)).toMatchObject({ meetingsAdded: 120, conflicts: 0 });
    expect(shared(b.store)).toEqual(shared(a.store));
    expect(shared(c.store)).toEqual(shared(a.store));
  });

  it('reads a small bundle again into a database that holds much more, and picks up its one change', async () => {
    const { a, b, g } = bigGroup(120);
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    const c = laptop(tempDir(), 'c');
    const small = seedGroup(c.store, 'Kleine groep');
    recordMeeting(c.store, small, { startedAt: '2026-01-05T18:30:00Z' });
    recordMeeting(c.store, small, { startedAt: '2026-02-02T18:30:00Z' });
    const first = await travel(exportOf(c.store, small.groupId));
    expect(merge(b.store, first)).toMatchObject({ meetingsAdded: 2 });
    const before = dumpDb(b.store.path);
    expect(merge(b.store, first)).toMatchObject({ meetingsAdded: 0, meetingsUpdated: 0, meetingsUnchanged: 2, otherAdded: 0, otherUpdated: 0 });
    expect(dumpDb(b.store.path)).toBe(before);
    const target = first.data.attendance[3]!;
    c.clock.advance(60_000);
    editRow(c.store, 'attendance', String(target['id']), 'present', target['present'] === 1 ? 0 : 1);
    expect(merge(b.store, await travel(exportOf(c.store, small.groupId)))).toMatchObject({ meetingsUpdated: 1, meetingsUnchanged: 1 });
    const row = 'SELECT present, updated_at FROM attendance WHERE id = ?';
    expect(b.store.db.prepare(row).get(target['id'])).toEqual(c.store.db.prepare(row).get(target['id']));
  });

  it('a dry run of a big bundle into an empty database reports it all and changes nothing, schema included', async () => {
    const { a, b, g } = bigGroup(120);
    const fresh = schema(b.store);
    const before = dumpDb(b.store.path);
    const r = importBundles(b.store, [await travel(exportOf(a.store, g.groupId))], { links: [], dryRun: true });
    expect(r).toMatchObject({ meetingsAdded: 120, conflicts: 0 });
    expect(schema(b.store)).toEqual(fresh);
    expect(dumpDb(b.store.path)).toBe(before);
  });

  it('refuses a big bundle that breaks a unique rule, leaving the empty database and its schema untouched', async () => {
    const { a, b, g } = bigGroup(120);
    const fresh = schema(b.store);
    const before = dumpDb(b.store.path);
    const bundle = exportOf(a.store, g.groupId);
    // A second attendance row for the same member at the same meeting, under a new id.
    const twin = { ...bundle.data.attendance[0]!, id: 'ffffffff-0000-4000-8000-000000000000' };
    bundle.data.attendance.push(twin);
    const read = await travel(bundle);
    expect(() => merge(b.store, read)).toThrow(UserError);
    try {
      merge(b.store, read);
    } catch (err) {
      expect((err as UserError).render(t)).toMatch(/botst met gegevens/);
    }
    expect(schema(b.store)).toEqual(fresh);
    expect(dumpDb(b.store.path)).toBe(before);
  });

  it('leaves the empty database and its schema untouched when a big import stops halfway', async () => {
    const { a, b, g } = bigGroup(120);
    const fresh = schema(b.store);
    const before = dumpDb(b.store.path);
    const bundle = exportOf(a.store, g.groupId);
    // Refused while merging, after the indexes of the empty tables were set aside.
    bundle.data.members.at(-1)!['name'] = 'Zoë\u0007';
    const read = await travel(bundle);
    expect(() => merge(b.store, read)).toThrow(UserError);
    try {
      merge(b.store, read);
    } catch (err) {
      expect((err as UserError).render(t)).toMatch(/stuurtekens/);
    }
    expect(schema(b.store)).toEqual(fresh);
    expect(dumpDb(b.store.path)).toBe(before);
  });

  it('reads a big bundle again without writing anything, and still picks up the one row that changed', async () => {
    // More attendance rows than the import looks up at a time.
    const { a, b, g } = bigGroup(210);
    const bundle = await travel(exportOf(a.store, g.groupId));
    expect(bundle.data.attendance.length).toBeGreaterThan(2000);
    expect(merge(b.store, bundle)).toMatchObject({ meetingsAdded: 210 });

    const changes = () => b.store.db.prepare('SELECT total_changes()').pluck().get() as number;
    const before = dumpDb(b.store.path);
    const writesBefore = changes();
    const again = merge(b.store, bundle);
    expect(again).toMatchObject({ meetingsAdded: 0, meetingsUpdated: 0, meetingsUnchanged: 210, otherAdded: 0, otherUpdated: 0, conflicts: 0 });
    expect(changes()).toBe(writesBefore);
    expect(dumpDb(b.store.path)).toBe(before);
    // Rows in another order than the exporter writes them (by id) change nothing either.
    const shuffled = { ...bundle, data: { ...bundle.data, attendance: [...bundle.data.attendance].reverse() } };
    expect(merge(b.store, shuffled)).toMatchObject({ meetingsUnchanged: 210, otherAdded: 0, otherUpdated: 0 });
    expect(changes()).toBe(writesBefore);

    // One attendance row near the end (the last chunk) corrected on laptop a.
    const target = bundle.data.attendance.at(-3)!;
    const present = target['present'] === 1 ? 0 : 1;
    a.clock.advance(60_000);
    editRow(a.store, 'attendance', String(target['id']), 'present', present);
    const r = merge(b.store, await travel(exportOf(a.store, g.groupId)));
    expect(r).toMatchObject({ meetingsAdded: 0, meetingsUpdated: 1, meetingsUnchanged: 209, conflicts: 0 });
    expect(b.store.db.prepare('SELECT present FROM attendance WHERE id = ?').pluck().get(target['id'])).toBe(present);
    // The row, its line in the edit history, and its meeting's derived lists (not a change of the meeting).
    expect(changes()).toBe(writesBefore + 3);
    const meeting = b.store.db.prepare('SELECT present_list, updated_at FROM meetings WHERE id = ?').get(target['meeting_id']) as { present_list: string | null; updated_at: string };
    expect((meeting.present_list ?? '').split(',').includes(String(target['member_id']))).toBe(present === 1);
    expect(meeting.updated_at).toBe(bundle.data.meetings.find((m) => m['id'] === target['meeting_id'])!['updated_at']);
    expect(shared(b.store)).toEqual(shared(a.store));
  });

  it('leaves every piece of case content out of a default bundle', () => {
    const { a, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const text = encodePlain(exportOf(a.store, g.groupId));
    expect(text).not.toContain(SECRET);
    expect(JSON.parse(text).data.notes).toEqual([]);
    expect(JSON.parse(text).data.cases[0]).not.toHaveProperty('title');
  });

  it('keeps the content on the receiving laptop when a newer version arrives without it', async () => {
    const { a, b, g } = twoLaptops();
    const m = recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    merge(b.store, await travel(exportOf(a.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    const caseId = (b.store.db.prepare('SELECT id FROM cases WHERE meeting_id = ?').get(m) as { id: string }).id;
    a.clock.advance(60_000);
    editRow(a.store, 'cases', caseId, 'est_e', 5);
    const r = merge(b.store, await travel(exportOf(a.store, g.groupId)));
    expect(r.otherUpdated).toBe(1);
    expect(b.store.db.prepare('SELECT title, est_e FROM cases WHERE id = ?').get(caseId)).toEqual({ title: `titel ${SECRET}`, est_e: 5 });
  });

  it('fills in the content when the same version arrives later with --with-cases', async () => {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    expect(b.store.db.prepare('SELECT title FROM cases').get()).toEqual({ title: null });
    merge(b.store, await travel(exportOf(a.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    expect(b.store.db.prepare('SELECT title FROM cases').get()).toEqual({ title: `titel ${SECRET}` });
    expect(b.store.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
  });

  it('never brings back case content that was purged here', async () => {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    merge(b.store, await travel(exportOf(a.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    const caseId = (a.store.db.prepare('SELECT id FROM cases').get() as { id: string }).id;
    purgeContent(a.store, { kind: 'case', caseId });
    merge(a.store, await travel(exportOf(b.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    expect(a.store.db.prepare('SELECT title, question FROM cases').get()).toEqual({ title: null, question: null });
    // And the purge reaches the other laptop with the next bundle.
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    expect(b.store.db.prepare('SELECT title FROM cases').get()).toEqual({ title: null });
  });

  it('never brings back notes, check-ins or action texts that were purged here', async () => {
    const { a, b, g } = twoLaptops();
    const meetingId = recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    merge(b.store, await travel(exportOf(a.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    const text = (s: Store) =>
      s.db
        .prepare(
          `SELECT (SELECT count(*) FROM notes WHERE text IS NOT NULL) AS notes,
                  (SELECT count(*) FROM attendance WHERE checkin IS NOT NULL) AS checkins,
                  (SELECT count(*) FROM action_points WHERE text IS NOT NULL) AS actions`,
        )
        .get();
    expect(text(b.store)).toEqual({ notes: 1, checkins: expect.any(Number), actions: 1 });
    purgeContent(a.store, { kind: 'meeting', meetingId });
    expect(text(a.store)).toEqual({ notes: 0, checkins: 0, actions: 0 });
    // Laptop B still has the text and sends it with --with-cases: it stays gone here.
    merge(a.store, await travel(exportOf(b.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    expect(text(a.store)).toEqual({ notes: 0, checkins: 0, actions: 0 });
    // The purge marks travel and clear the text on B too: in a default bundle for check-ins and
    // actions; notes (content as a whole) travel only with --with-cases, and their marks with them.
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    expect(text(b.store)).toEqual({ notes: 1, checkins: 0, actions: 0 });
    merge(b.store, await travel(exportOf(a.store, g.groupId, { withCases: true }), 'groepsgeheim'));
    expect(text(b.store)).toEqual({ notes: 0, checkins: 0, actions: 0 });
  });

  it('reads a bundle written before the purge marks of notes, check-ins and actions existed', async () => {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const bundle = exportOf(a.store, g.groupId, { withCases: true });
    for (const table of ['attendance', 'notes', 'action_points'] as const) for (const row of bundle.data[table]) delete row['purged_at'];
    merge(b.store, await travel(bundle, 'groepsgeheim'));
    expect(b.store.db.prepare('SELECT count(*) AS n FROM notes WHERE text IS NOT NULL').get()).toEqual({ n: 1 });
  });

  it('encrypts a bundle with case content: no content readable, wrong passphrase refused', async () => {
    const { a, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const text = await encodeEncrypted(exportOf(a.store, g.groupId, { withCases: true }), 'groepsgeheim');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Anna');
    await expectUserError(decodeBundle(text, 'b.json', { passphrase: async () => 'verkeerd!' }), /wachtwoord klopt niet/);
    const doc = JSON.parse(text);
    const ct = Buffer.from(doc.ciphertext, 'base64');
    ct[10]! ^= 1;
    doc.ciphertext = ct.toString('base64');
    await expectUserError(decodeBundle(JSON.stringify(doc), 'b.json', { passphrase: async () => 'groepsgeheim' }), /veranderd of beschadigd/);
  });

  it('does not send a meeting that is still running, nor what hangs on it', () => {
    const { a, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const running = recordMeeting(a.store, g, { startedAt: '2026-02-02T18:30:00Z', status: 'running' });
    const bundle = exportOf(a.store, g.groupId);
    expect(bundle.data.meetings.map((m) => m['id'])).not.toContain(running);
    expect(bundle.data.attendance.every((r) => r['meeting_id'] !== running)).toBe(true);
    expect(bundle.data.action_points.every((r) => r['meeting_id'] !== running)).toBe(true);
    expect(JSON.stringify(bundle)).not.toContain('step_state');
  });

  it('--since sends later meetings and everything they refer to', async () => {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const late = recordMeeting(a.store, g, { startedAt: '2026-03-02T18:30:00Z' });
    const bundle = await travel(exportOf(a.store, g.groupId, { since: '2026-03-01T00:00:00.000Z' }));
    expect(bundle.data.meetings.map((m) => m['id'])).toEqual([late]);
    expect(merge(b.store, bundle).meetingsAdded).toBe(1);
  });

  it('resolves conflicting edits the same way in either order and keeps the loser in the history', async () => {
    const { a, b, g } = twoLaptops();
    const m = recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    const dir = tempDir();
    const c = laptop(dir, 'c');
    merge(c.store, await travel(exportOf(a.store, g.groupId)));

    a.clock.advance(3_600_000);
    editRow(a.store, 'meetings', m, 'place', 'Amersfoort');
    b.clock.advance(7_200_000);
    editRow(b.store, 'meetings', m, 'place', 'Zeist');
    const fromA = await travel(exportOf(a.store, g.groupId));
    const fromB = await travel(exportOf(b.store, g.groupId));

    const ab = merge(a.store, fromB);
    merge(b.store, fromA);
    merge(c.store, fromB);
    merge(c.store, fromA);
    expect(ab.conflicts).toBe(1);
    for (const l of [a, b, c]) {
      expect(l.store.db.prepare('SELECT place FROM meetings WHERE id = ?').get(m)).toEqual({ place: 'Zeist' });
      expect(l.store.db.prepare("SELECT field, old_value, reason FROM edits WHERE row_id = ? AND reason = 'sync-conflict'").all(m)).toEqual([
        { field: 'place', old_value: 'Amersfoort', reason: 'sync-conflict' },
      ]);
    }
    // Once the edit histories have travelled too, all three hold the same record.
    merge(a.store, await travel(exportOf(b.store, g.groupId)), await travel(exportOf(c.store, g.groupId)));
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    merge(c.store, await travel(exportOf(a.store, g.groupId)));
    expect(shared(a.store)).toEqual(shared(b.store));
    expect(shared(c.store)).toEqual(shared(a.store));
  });

  it('uses the device id as a tie-break when two edits carry the same time', async () => {
    const { a, b, g } = twoLaptops();
    const m = recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    merge(b.store, await travel(exportOf(a.store, g.groupId)));
    a.clock.advance(60_000);
    b.clock.advance(60_000);
    editRow(a.store, 'meetings', m, 'paused_seconds', 60);
    editRow(b.store, 'meetings', m, 'paused_seconds', 120);
    const fromA = await travel(exportOf(a.store, g.groupId));
    merge(a.store, await travel(exportOf(b.store, g.groupId)));
    merge(b.store, fromA);
    const expected = a.store.deviceId > b.store.deviceId ? 60 : 120;
    for (const l of [a, b]) expect(l.store.db.prepare('SELECT paused_seconds AS p FROM meetings').get()).toEqual({ p: expected });
  });

  it('offers a same-name group created elsewhere for linking instead of merging it silently', async () => {
    const { a, b, g } = twoLaptops();
    const gb = seedGroup(b.store);
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const bundle = await travel(exportOf(a.store, g.groupId));
    const clashes = findNameClashes(b.store, [bundle]);
    expect(clashes.map((c) => [c.kind, c.name]).sort()).toEqual([
      ['group', 'Coaches Utrecht'],
      ['member', 'Anna'],
      ['member', 'Bram'],
      ['member', 'Carla'],
      ['member', 'Daan'],
    ]);
    const before = dumpDb(b.store.path);
    await expectUserError(() => merge(b.store, bundle), /apart aangemaakt/);
    expect(dumpDb(b.store.path)).toBe(before);

    const r = importBundles(b.store, [bundle], { links: clashes, dryRun: false });
    expect(r.meetingsAdded).toBe(1);
    const groups = b.store.db.prepare('SELECT id FROM groups').all();
    expect(groups).toEqual([{ id: gb.groupId }]);
    const present = b.store.db.prepare('SELECT DISTINCT member_id FROM attendance ORDER BY member_id').all() as { member_id: string }[];
    expect(present.map((p) => p.member_id)).toEqual([...gb.memberIds].sort());
    // Linked once: the next import needs no question.
    expect(findNameClashes(b.store, [bundle])).toEqual([]);
  });

  it('a dry run computes the summary and changes nothing', async () => {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const before = dumpDb(b.store.path);
    const r = importBundles(b.store, [await travel(exportOf(a.store, g.groupId))], { links: [], dryRun: true });
    expect(r.meetingsAdded).toBe(1);
    expect(dumpDb(b.store.path)).toBe(before);
  });
});

describe('reading a bad bundle file', { timeout: 120_000 }, () => {
  async function goodText(): Promise<{ text: string; b: ReturnType<typeof laptop>; g: Seeded }> {
    const { a, b, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    return { text: encodePlain(exportOf(a.store, g.groupId)), b, g };
  }

  const cases: [string, (s: string) => string, RegExp][] = [
    ['empty', () => '', /is leeg/],
    ['truncated', (s) => s.slice(0, Math.floor(s.length / 2)), /afgebroken of beschadigd/],
    ['bit-flipped', (s) => s.replace('"present":1', '"present":0'), /veranderd of beschadigd/],
    ['wrong format version', (s) => s.replace('"version":1', '"version":2'), /nieuwere versie/],
    ['foreign JSON', () => '{"name":"my-app","version":"1.0.0"}', /geen intervisie-bundel/],
    ['not JSON at all', () => 'hello\n', /geen intervisie-bundel/],
  ];
  it('refuses a meta or an encryption header that is off, even with a checksum that holds', async () => {
    const { a, g } = twoLaptops();
    recordMeeting(a.store, g, { startedAt: '2026-01-05T18:30:00Z' });
    const bundle = exportOf(a.store, g.groupId);
    const read = (text: string) => decodeBundle(text, 'x.json', { passphrase: async () => 'groepsgeheim' });
    for (const meta of [{ exported_at: 'gisteren' }, { since: undefined }, { with_cases: 'nee' }, { device_id: 'a b' }, { app_version: 'x'.repeat(51) }]) {
      await expectUserError(read(encodePlain({ ...bundle, meta: { ...bundle.meta, ...meta } as Bundle['meta'] })), /ongeldige gegevens \(meta\)/);
    }
    const doc = JSON.parse(await encodeEncrypted(bundle, 'groepsgeheim')) as { encryption: Record<string, unknown>; meta: Record<string, unknown> };
    await expect(read(JSON.stringify(doc))).resolves.toMatchObject({ meta: { group_id: g.groupId } });
    for (const encryption of [{ N: 2 ** 21 }, { p: 5 }, { r: 1.5 }, { cipher: 'aes-128-gcm' }, { salt: 'niet base64!' }]) {
      await expectUserError(read(JSON.stringify({ ...doc, encryption: { ...doc.encryption, ...encryption } })), /afgebroken of beschadigd/);
    }
    await expectUserError(read(JSON.stringify({ ...doc, meta: { ...doc.meta, with_cases: false } })), /afgebroken of beschadigd/);
  });

  it.each(cases)('%s: one clear line', async (_name, spoil, pattern) => {
    const { text } = await goodText();
    await expectUserError(decodeBundle(spoil(text), 'x.json', { passphrase: async () => '' }), pattern);
  });
});
