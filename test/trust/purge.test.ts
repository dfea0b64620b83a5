import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { forget } from '../../src/commands/forget.js';
import { groupSet } from '../../src/commands/group-set.js';
import { groupList } from '../../src/commands/group.js';
import { CONTENT_TABLES } from '../../src/store/purge.js';
import { Store } from '../../src/store/store.js';
import { testCtx } from '../helpers/ctx.js';
import { dumpDb } from '../helpers/db-dump.js';
import { seedDb, seedMeeting } from '../helpers/seed.js';
import { tempDb } from '../helpers/tmp.js';

const NOW = '2026-11-24T12:00:00Z';
const OLD = 'MARKER-OUD-7f3a';
const NEW = 'MARKER-NIEUW-91c2';

/** Occurrences of the marker in the raw bytes of the database file and its WAL. */
function rawHits(db: string, marker: string): number {
  let hits = 0;
  for (const file of [db, `${db}-wal`]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const needle = Buffer.from(marker, 'utf8');
    for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + 1)) hits++;
  }
  return hits;
}

/** Content cells still holding the marker, read through SQLite. */
function contentCells(db: string, marker: string): number {
  const conn = new Database(db, { readonly: true });
  try {
    let n = 0;
    for (const t of CONTENT_TABLES) {
      for (const c of t.columns) {
        n += (conn.prepare(`SELECT count(*) AS n FROM ${t.table} WHERE ${c} LIKE ?`).get(`%${marker}%`) as { n: number }).n;
      }
    }
    n += (conn.prepare('SELECT count(*) AS n FROM edits WHERE old_value LIKE ? OR new_value LIKE ?').get(`%${marker}%`, `%${marker}%`) as { n: number }).n;
    return n;
  } finally {
    conn.close();
  }
}

/** Everything that proves hours: must be identical before and after any purge. */
function hoursEvidence(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    const q = (sql: string) => JSON.stringify(conn.prepare(sql).all());
    return [
      q('SELECT id, group_id, status, counted, chair_id, method_id, planned_minutes, started_at, ended_at, paused_seconds, created_at, updated_at FROM meetings ORDER BY id'),
      q('SELECT id, meeting_id, member_id, present, created_at, updated_at FROM attendance ORDER BY id'),
      q('SELECT id, meeting_id, case_id, e, g, t, scorer_id FROM egt_scores ORDER BY id'),
      q('SELECT id, meeting_id, case_id, e, g, t, rank, chosen FROM meeting_cases ORDER BY id'),
      q('SELECT id, owner_id, status, meeting_id, est_e, est_g, est_t FROM cases ORDER BY id'),
      q('SELECT id, meeting_id, ordinal, phase_id, planned_seconds, actual_seconds FROM phase_runs ORDER BY id'),
      q('SELECT id, owner_id, status, due_date FROM action_points ORDER BY id'),
      q('SELECT * FROM members ORDER BY id'),
    ].join('\n');
  } finally {
    conn.close();
  }
}

function setup() {
  const db = tempDb();
  const seeded = seedDb(db, [
    { startedAt: '2025-09-01T18:30:00Z', marker: OLD },
    { startedAt: '2026-11-10T18:30:00Z', marker: NEW },
  ]);
  return { db, ...seeded };
}

describe('retention: group set --keep-cases', () => {
  it('erases content past the period from the file itself and keeps every hour', async () => {
    const { db } = setup();
    expect(rawHits(db, OLD)).toBeGreaterThan(0);
    const hours = hoursEvidence(db);
    const { ctx, stdout, stderr } = testCtx({ db, clock: new FakeClock(NOW) });
    await groupSet(ctx, { keepCases: '6m', yes: true });
    ctx.dispose();
    expect(stdout.text).toContain("'Coaches Utrecht' bewaart casusinhoud nu 6 maanden.");
    expect(stderr.text).toMatch(/^ℹ Bewaartermijn verstreken: de casusinhoud van \d+ onderdelen in 'Coaches Utrecht' is gewist/);
    expect(contentCells(db, OLD)).toBe(0);
    expect(rawHits(db, OLD)).toBe(0);
    expect(contentCells(db, NEW)).toBeGreaterThan(10);
    expect(hoursEvidence(db)).toBe(hours);
    expect(new Database(db, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('asks before a new period erases content at once, and refuses without a terminal', async () => {
    const { db } = setup();
    const before = dumpDb(db);
    const piped = testCtx({ db, clock: new FakeClock(NOW) });
    await expect(groupSet(piped.ctx, { keepCases: '90d' })).rejects.toMatchObject({ exitCode: 1 });
    piped.ctx.dispose();
    const no = testCtx({ db, clock: new FakeClock(NOW), answers: [{ q: 'al te oud', a: false }] });
    await groupSet(no.ctx, { keepCases: '90d' });
    no.ctx.dispose();
    expect(no.stdout.text).toContain('Niets gewist.');
    expect(dumpDb(db)).toBe(before);
  });

  it('stores forever as no retention and validates the period', async () => {
    const { db } = setup();
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await groupSet(ctx, { keepCases: 'forever' });
    for (const bad of ['3w', '0d', '-1m', '', 'altijd maar', '99999999d', '6 maanden extra']) {
      await expect(groupSet(ctx, { keepCases: bad })).rejects.toMatchObject({ exitCode: 2 });
    }
    ctx.dispose();
    expect(contentCells(db, OLD)).toBeGreaterThan(0);
  });

  it('purges automatically when a writing command opens the store, with one notice line; reading commands never purge', async () => {
    const { db, groupId } = setup();
    const s = Store.open(db, new FakeClock('2026-01-01T00:00:00Z'));
    s.db.prepare("UPDATE groups SET keep_cases = '1y'").run();
    s.close();
    // A year after the old meeting the retention has not passed yet.
    const early = testCtx({ db, clock: new FakeClock('2026-08-01T00:00:00Z') });
    early.ctx.store();
    early.ctx.dispose();
    expect(early.stderr.text).toBe('');
    expect(contentCells(db, OLD)).toBeGreaterThan(0);

    const reader = testCtx({ db, clock: new FakeClock('2027-06-01T00:00:00Z') });
    await groupList(reader.ctx, {});
    reader.ctx.dispose();
    expect(reader.stderr.text).toBe('');
    expect(contentCells(db, OLD)).toBeGreaterThan(0);

    const writer = testCtx({ db, clock: new FakeClock('2027-06-01T00:00:00Z') });
    writer.ctx.store();
    writer.ctx.dispose();
    expect(writer.stderr.text.trimEnd().split('\n')).toHaveLength(1);
    expect(writer.stderr.text).toContain('Bewaartermijn verstreken');
    expect(contentCells(db, OLD)).toBe(0);
    expect(rawHits(db, OLD)).toBe(0);
    expect(contentCells(db, NEW)).toBeGreaterThan(0);
    expect(groupId).toBeTruthy();
  });

  it('never touches a meeting that is still running, however old', async () => {
    const db = tempDb();
    seedDb(db, [{ startedAt: '2025-01-01T18:30:00Z', marker: OLD, status: 'running' }]);
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await groupSet(ctx, { keepCases: '30d', yes: true });
    ctx.dispose();
    expect(contentCells(db, OLD)).toBeGreaterThan(0);
  });
});

describe('forget', () => {
  it('--meeting erases that meeting and says what goes and what stays', async () => {
    const { db, meetings } = setup();
    const hours = hoursEvidence(db);
    const { ctx, stdout } = testCtx({ db, clock: new FakeClock(NOW), answers: [{ q: 'definitief wissen', a: true }] });
    await forget(ctx, { meeting: meetings[0]!.meetingId.slice(0, 8) });
    ctx.dispose();
    expect(stdout.text).toContain('Dit wordt gewist:');
    expect(stdout.text).toContain('2 casussen (titel en vraag)');
    expect(stdout.text).toContain('4 notities');
    expect(stdout.text).toContain('4 check-ins');
    expect(stdout.text).toContain('1 actiepunt (de tekst)');
    expect(stdout.text).toContain('Dit blijft: de bijeenkomsten met datum en duur, aanwezigheid');
    expect(stdout.text).toContain('De tekst staat ook niet meer in het databasebestand.');
    expect(rawHits(db, OLD)).toBe(0);
    expect(contentCells(db, NEW)).toBeGreaterThan(0);
    expect(hoursEvidence(db)).toBe(hours);
  });

  it('--case erases one case with its notes and keeps the other case', async () => {
    const { db, meetings } = setup();
    const [first, second] = meetings[1]!.caseIds;
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await forget(ctx, { case: first!, yes: true });
    ctx.dispose();
    const conn = new Database(db, { readonly: true });
    const row = (id: string) => conn.prepare('SELECT title, question, purged_at FROM cases WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row(first!)).toEqual({ title: null, question: null, purged_at: "2026-11-24T12:00:00.000Z" });
    expect(row(second!).title).toContain(NEW);
    expect((conn.prepare('SELECT count(*) AS n FROM notes WHERE text IS NOT NULL AND meeting_id = ?').get(meetings[1]!.meetingId) as { n: number }).n).toBe(0);
    expect((conn.prepare('SELECT count(*) AS n FROM attendance WHERE checkin IS NOT NULL AND meeting_id = ?').get(meetings[1]!.meetingId) as { n: number }).n).toBe(4);
    conn.close();
  });

  it('--member erases the cases and texts of someone who left, also after removal', async () => {
    const { db, members } = setup();
    const anna = members.find((m) => m.name === 'Anna')!;
    const s = Store.open(db, new FakeClock(NOW));
    s.db.prepare('UPDATE members SET removed_at = ? WHERE id = ?').run(NOW, anna.id);
    s.close();
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await forget(ctx, { member: 'anna', yes: true });
    ctx.dispose();
    const conn = new Database(db, { readonly: true });
    expect((conn.prepare('SELECT count(*) AS n FROM cases WHERE owner_id = ? AND title IS NOT NULL').get(anna.id) as { n: number }).n).toBe(0);
    expect((conn.prepare('SELECT count(*) AS n FROM attendance WHERE member_id = ? AND checkin IS NOT NULL').get(anna.id) as { n: number }).n).toBe(0);
    expect((conn.prepare('SELECT count(*) AS n FROM attendance WHERE member_id != ? AND checkin IS NOT NULL').get(anna.id) as { n: number }).n).toBe(6);
    expect((conn.prepare('SELECT count(*) AS n FROM members WHERE id = ?').get(anna.id) as { n: number }).n).toBe(1);
    conn.close();
  });

  it('--older-than erases only what is older, across groups', async () => {
    const { db } = setup();
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await forget(ctx, { olderThan: '6m', yes: true });
    ctx.dispose();
    expect(rawHits(db, OLD)).toBe(0);
    expect(contentCells(db, NEW)).toBeGreaterThan(0);
  });

  it('changes nothing without confirmation, on "no", or when nothing matches', async () => {
    const { db, meetings } = setup();
    const before = dumpDb(db);
    const piped = testCtx({ db, clock: new FakeClock(NOW) });
    await expect(forget(piped.ctx, { meeting: meetings[0]!.meetingId })).rejects.toMatchObject({ exitCode: 1 });
    piped.ctx.dispose();
    const no = testCtx({ db, clock: new FakeClock(NOW), answers: [{ q: 'definitief wissen', a: false }] });
    await forget(no.ctx, { meeting: meetings[0]!.meetingId });
    no.ctx.dispose();
    expect(no.stdout.text).toContain('Niets gewist.');
    const none = testCtx({ db, clock: new FakeClock(NOW) });
    await forget(none.ctx, { olderThan: '10y' });
    none.ctx.dispose();
    expect(none.stdout.text).toContain('geen casusinhoud');
    expect(dumpDb(db)).toBe(before);
  });

  it('refuses a running meeting, an unknown id and a mix of scopes', async () => {
    const db = tempDb();
    const { meetings } = seedDb(db, [{ startedAt: '2026-11-24T10:00:00Z', marker: NEW, status: 'running' }]);
    const before = dumpDb(db);
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await expect(forget(ctx, { meeting: meetings[0]!.meetingId, yes: true })).rejects.toMatchObject({ exitCode: 1 });
    await expect(forget(ctx, { meeting: 'deadbeef', yes: true })).rejects.toMatchObject({ exitCode: 1 });
    await expect(forget(ctx, { meeting: 'x', case: 'y', yes: true })).rejects.toMatchObject({ exitCode: 2 });
    await expect(forget(ctx, { yes: true })).rejects.toMatchObject({ exitCode: 2 });
    ctx.dispose();
    expect(dumpDb(db)).toBe(before);
  });

  it('leaves no trace of a larger history either (many meetings, overflow pages)', async () => {
    const db = tempDb();
    const { groupId } = seedDb(db, []);
    const s = Store.open(db, new FakeClock(NOW));
    for (let i = 0; i < 40; i++) seedMeeting(s, groupId, { startedAt: new Date(Date.UTC(2024, 0, 1 + i * 7)).toISOString(), marker: `${OLD}-${i}` });
    s.db.prepare('UPDATE notes SET text = text || ? ').run(` ${OLD} ${'x'.repeat(5000)}`);
    s.close();
    expect(rawHits(db, OLD)).toBeGreaterThan(100);
    const { ctx } = testCtx({ db, clock: new FakeClock(NOW) });
    await forget(ctx, { olderThan: '1m', yes: true });
    ctx.dispose();
    expect(rawHits(db, OLD)).toBe(0);
  });
});
