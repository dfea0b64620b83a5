import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db-dump.js';
import { openLaptop, recordMeeting, seedGroup, SECRET } from '../helpers/fixture.js';
import { tempDir } from '../helpers/tmp.js';
import { testCtx } from '../helpers/ctx.js';
import { importCmd } from '../../src/commands/sync.js';
import { UserError } from '../../src/errors.js';
import { expectRefused } from '../helpers/refused.js';

const PASS = { INTERVISIE_PASSPHRASE: 'groepsgeheim' };

/** A laptop database with a group and some meetings, closed again so the binary can use it. */
function laptopWithMeetings(dir: string, name: string, starts: string[]): { db: string; groupId: string } {
  const db = join(dir, `${name}.db`);
  const { store } = openLaptop(db);
  const g = seedGroup(store);
  for (const s of starts) recordMeeting(store, g, { startedAt: s });
  store.close();
  return { db, groupId: g.groupId };
}

function emptyLaptop(dir: string, name: string): string {
  const db = join(dir, `${name}.db`);
  openLaptop(db).store.close();
  return db;
}

function files(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(folder).sort()) out[f] = `${statSync(join(folder, f)).mtimeMs}:${readFileSync(join(folder, f), 'utf8')}`;
  return out;
}


// These tests start the built binary many times; a busy machine must not fail them.
const SLOW = { timeout: 240_000 };

describe('intervisie export', SLOW, () => {
  it('writes only the bundle on stdout, without case content', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']);
    const r = runCli(['export'], { db });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'intervisie-bundle', version: 1 });
    expect(doc.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(doc.data.meetings).toHaveLength(1);
    expect(r.stdout).not.toContain(SECRET);
  });

  it('-o writes a private file and keeps stdout empty', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z', '2026-02-02T18:30:00Z']);
    const out = join(dir, 'bundel.json');
    const r = runCli(['export', '-o', out], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 bijeenkomsten geëxporteerd');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).not.toContain(SECRET);
  });

  it('--with-cases encrypts, and needs a passphrase when nobody can be asked', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']);
    expectRefused(db, ['export', '--with-cases', '-o', join(dir, 'x.json')], /groepswachtwoord nodig/);
    const out = join(dir, 'cases.json');
    expect(runCli(['export', '--with-cases', '-o', out], { db, env: PASS }).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain(SECRET);

    const b = emptyLaptop(dir, 'b');
    expect(runCli(['import', out], { db: b, env: PASS }).code).toBe(0);
    expect(runCli(['export', '--with-cases'], { db: b, env: PASS }).stdout).not.toContain(SECRET);
  });

  it('refuses a bad --since', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', []);
    const r = runCli(['export', '--since', '31-01-2026'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--since verwacht een datum/);
  });
});

describe('intervisie import', SLOW, () => {
  it('adds, then reports everything unchanged on a second run', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z', '2026-02-02T18:30:00Z']);
    const out = join(dir, 'a.json');
    runCli(['export', '-o', out], { db });
    const b = emptyLaptop(dir, 'b');

    const dry = runCli(['import', '--dry-run', out], { db: b });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('2 zouden erbij komen');

    const first = runCli(['import', out], { db: b });
    expect(first.stdout).toContain('Bijeenkomsten: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
    const before = dumpDb(b);
    const again = runCli(['import', out], { db: b });
    expect(again.stdout).toContain('Bijeenkomsten: 0 nieuw, 0 bijgewerkt, 2 ongewijzigd.');
    expect(dumpDb(b)).toBe(before);
  });

  it('does not change the database on a dry run', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']);
    const out = join(dir, 'a.json');
    runCli(['export', '-o', out], { db });
    const b = emptyLaptop(dir, 'b');
    const before = dumpDb(b);
    expect(runCli(['import', '--dry-run', out], { db: b }).code).toBe(0);
    expect(dumpDb(b)).toBe(before);
  });

  it('refuses every bad file with one line and leaves the database as it was', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']);
    const good = join(dir, 'good.json');
    const enc = join(dir, 'enc.json');
    runCli(['export', '-o', good], { db });
    runCli(['export', '--with-cases', '-o', enc], { db, env: PASS });
    const text = readFileSync(good, 'utf8');
    const target = laptopWithMeetings(dir, 'target', ['2026-03-02T18:30:00Z']).db;

    const bad = (name: string, content: string | Buffer) => {
      const f = join(dir, name);
      writeFileSync(f, content);
      return f;
    };
    const flipped = Buffer.from(text);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0x01;
    const encDoc = JSON.parse(readFileSync(enc, 'utf8'));
    // Another first character, whatever it was (a fixed 'A' left one file in 64 unchanged).
    encDoc.ciphertext = `${encDoc.ciphertext[0] === 'A' ? 'B' : 'A'}${encDoc.ciphertext.slice(1)}`;

    expectRefused(target, ['import', bad('truncated.json', text.slice(0, 500))], /afgebroken of beschadigd/);
    expectRefused(target, ['import', bad('flipped.json', flipped)], /veranderd of beschadigd|afgebroken of beschadigd/);
    expectRefused(target, ['import', bad('v9.json', text.replace('"version":1', '"version":9'))], /nieuwere versie van intervisie/);
    expectRefused(target, ['import', bad('package.json', '{"name":"iets","version":"1.0.0"}\n')], /geen intervisie-bundel/);
    expectRefused(target, ['import', bad('empty.json', '')], /is leeg/);
    expectRefused(target, ['import', enc], /wachtwoord klopt niet/, 1, undefined, { INTERVISIE_PASSPHRASE: 'verkeerd-wachtwoord' });
    expectRefused(target, ['import', enc], /versleuteld/);
    expectRefused(target, ['import', bad('tampered.json', JSON.stringify(encDoc))], /veranderd of beschadigd/, 1, undefined, PASS);
    // A good file next to a bad one: still nothing is imported.
    expectRefused(target, ['import', good, join(dir, 'truncated.json')], /afgebroken of beschadigd/);
    expectRefused(target, ['import', join(dir, 'missing.json')], /Kan .*missing.json niet lezen/);
  });

  it('asks scripts to pass --link for a same-name group made elsewhere', () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']);
    const out = join(dir, 'a.json');
    runCli(['export', '-o', out], { db });
    const other = laptopWithMeetings(dir, 'b', []).db;
    expectRefused(other, ['import', out], /apart aangemaakt.*--link/);
    const r = runCli(['import', '--link', out], { db: other });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 nieuw');
    expect(r.stdout).toContain('Gekoppeld: Coaches Utrecht, ');
  });
});

describe('intervisie sync', SLOW, () => {
  it('exchanges meetings through a folder; a second run changes nothing', () => {
    const dir = tempDir();
    const folder = join(dir, 'Sync');
    const a = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']).db;
    runCli(['export', '-o', join(dir, 'seed.json')], { db: a });
    const b = emptyLaptop(dir, 'b');
    runCli(['import', join(dir, 'seed.json')], { db: b });

    expectRefused(a, ['sync', folder], /bestaat niet/);
    mkdirSync(folder);
    expect(runCli(['group', 'sync-folder', folder], { db: a }).code).toBe(0);
    const first = runCli(['sync'], { db: a });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Nog geen bundels van andere laptops');
    expect(readdirSync(folder)).toHaveLength(1);
    expect(statSync(join(folder, readdirSync(folder)[0]!)).mode & 0o777).toBe(0o600);

    // Laptop b records a meeting of its own, then syncs: it gets nothing new, gives one.
    const { store } = openLaptop(b, '2026-02-02T20:00:00Z');
    const ids = store.db.prepare('SELECT id FROM members ORDER BY name_key').all() as { id: string }[];
    const gid = (store.db.prepare('SELECT id FROM groups').get() as { id: string }).id;
    recordMeeting(store, { groupId: gid, memberIds: ids.map((r) => r.id) }, { startedAt: '2026-02-02T18:30:00Z' });
    store.close();
    const rb = runCli(['sync', folder], { db: b });
    expect(rb.code).toBe(0);
    expect(rb.stdout).toContain('Bijeenkomsten: 0 nieuw, 0 bijgewerkt, 1 ongewijzigd.');
    expect(readdirSync(folder)).toHaveLength(2);

    const ra = runCli(['sync'], { db: a });
    expect(ra.stdout).toContain('Bijeenkomsten: 1 nieuw');
    runCli(['sync', folder], { db: b });

    // Nothing new anywhere: neither the databases nor the folder change.
    const before = { a: dumpDb(a), b: dumpDb(b), folder: files(folder) };
    const again = runCli(['sync'], { db: a });
    expect(again.stdout).toContain('al actueel');
    runCli(['sync', folder], { db: b });
    expect({ a: dumpDb(a), b: dumpDb(b), folder: files(folder) }).toEqual(before);
  });

  it('skips files still being written and conflict copies, with a note', () => {
    const dir = tempDir();
    const folder = join(dir, 'Sync');
    mkdirSync(folder);
    const a = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']).db;
    const uuid = '0b8c3f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
    writeFileSync(join(folder, `.intervisie-12345678-${uuid}.json.tmp-ab12`), '{"format":"intervisie-bun');
    writeFileSync(join(folder, `intervisie-12345678-${uuid}.sync-conflict-20261124-101500-ABCDEFG.json`), '{}');
    writeFileSync(join(folder, `intervisie-12345678-${uuid} (conflicted copy 2026-11-24).json`), '{}');
    writeFileSync(join(folder, `intervisie-12345678-${uuid}.json`), '{"format":"intervisie-bundle","ver');
    writeFileSync(join(folder, 'notities.txt'), 'iets anders');
    const r = runCli(['sync', folder], { db: a });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wordt nog geschreven');
    expect(r.stderr.match(/conflictkopie/g)).toHaveLength(2);
    expect(r.stderr).toMatch(/intervisie-12345678-.*\.json overgeslagen: .*afgebroken of beschadigd/);
    expect(r.stderr).not.toContain('notities.txt');
    expect(r.stdout).toContain('Bundel van deze laptop bijgewerkt');
  });

  it('sets a new laptop up from the folder alone', () => {
    const dir = tempDir();
    const folder = join(dir, 'Sync');
    mkdirSync(folder);
    const a = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']).db;
    runCli(['sync', folder], { db: a });
    const fresh = join(dir, 'fresh.db');
    const r = runCli(['sync', folder], { db: fresh });
    expect(r.code).toBe(0);
    expect(runCli(['group', 'sync-folder'], { db: fresh }).stdout).toContain(folder);
    expect(JSON.parse(runCli(['group', 'show', '--json'], { db: fresh }).stdout).members).toHaveLength(4);
    expect(readdirSync(folder)).toHaveLength(2);
  });
});

describe('linking a group made separately on two laptops', () => {
  it('asks once for the group and links its same-name members with it; no means nothing changes', async () => {
    const dir = tempDir();
    const { db } = laptopWithMeetings(dir, 'a', ['2026-01-05T18:30:00Z']);
    const out = join(dir, 'a.json');
    runCli(['export', '-o', out], { db });
    const other = laptopWithMeetings(dir, 'b', []).db;

    const before = dumpDb(other);
    const no = testCtx({ db: other, answers: [{ q: "Groep 'Coaches Utrecht' staat al op deze laptop", a: false }] });
    await expect(importCmd(no.ctx, [out], {})).rejects.toThrow(UserError);
    no.ctx.dispose();
    expect(dumpDb(other)).toBe(before);

    const yes = testCtx({ db: other, answers: [{ q: "Groep 'Coaches Utrecht' staat al op deze laptop", a: true }] });
    await importCmd(yes.ctx, [out], {});
    yes.ctx.dispose();
    expect(yes.prompt.remaining).toBe(0);
    expect(yes.stdout.text).toContain('Gekoppeld: Coaches Utrecht, Anna, Bram, Carla, Daan.');
    expect(yes.stdout.text).toContain('Bijeenkomsten: 1 nieuw');
  });
});
