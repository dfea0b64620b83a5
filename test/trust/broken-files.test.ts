import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/store/migrations/index.js';
import { BIN } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db-dump.js';
import { runMain } from '../helpers/main.js';
import { seedDb } from '../helpers/seed.js';
import { tempDir } from '../helpers/tmp.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

/** A good database with one meeting, checkpointed so everything is in the main file. */
function goodDb(dir = tempDir()): string {
  const path = join(dir, 'intervisie.db');
  seedDb(path, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'X' }]);
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return path;
}

const AS_NOBODY = ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups'];
let binForNobody: string | null = null;

/**
 * The program as the user `nobody` can start it. A checkout inside a folder only root may enter
 * (a fresh clone in `mktemp -d`) is out of its reach: it then gets its own copy of the program.
 */
function nobodyBin(): string {
  if (binForNobody !== null) return binForNobody;
  const probe = spawnSync(AS_NOBODY[0]!, [...AS_NOBODY.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN)})`]);
  if (probe.status === 0) return (binForNobody = BIN);
  const copy = mkdtempSync(join(tmpdir(), 'intervisie-as-nobody-'));
  chmodSync(copy, 0o755);
  const repo = dirname(dirname(BIN));
  for (const part of ['package.json', 'bin', 'dist', 'templates', 'node_modules']) cpSync(join(repo, part), join(copy, part), { recursive: true });
  return (binForNobody = join(copy, 'bin', 'intervisie.js'));
}

afterAll(() => {
  if (binForNobody !== null && binForNobody !== BIN) rmSync(dirname(dirname(binForNobody)), { recursive: true, force: true });
});

/** The binary through a shell, for limits (ulimit) or another user (root cannot be refused a write). */
function runAs(args: string[], db: string, o: { ulimitKb?: number; asNobody?: boolean } = {}) {
  const nobody = o.asNobody && isRoot;
  const quoted = [process.execPath, nobody ? nobodyBin() : BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `${o.ulimitKb ? `ulimit -f ${o.ulimitKb}; ` : ''}exec ${quoted}`;
  const cmd = nobody ? [...AS_NOBODY, 'sh', '-c', script] : ['sh', '-c', script];
  const r = spawnSync(cmd[0]!, cmd.slice(1), {
    env: { PATH: process.env['PATH'] ?? '', HOME: '/tmp', LANG: 'C.UTF-8', NO_COLOR: '1', INTERVISIE_DB: db },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function oneLineError(r: { code: number; stderr: string }, match: RegExp): void {
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(match);
}

const WRITE = ['member', 'add', 'Zoë'];
const READ = ['group', 'list'];

describe('broken database files: a clear line, the file untouched, no partial writes', () => {
  it('a file that is not SQLite (text, random bytes, empty-looking header)', async () => {
    for (const content of [Buffer.from('boodschappen: melk, brood\n'.repeat(50)), Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)), Buffer.from('SQLite format')]) {
      const path = join(tempDir(), 'intervisie.db');
      writeFileSync(path, content);
      for (const args of [WRITE, READ]) {
        oneLineError(await runMain(args, { db: path }), /geen intervisie-database/);
        expect(readFileSync(path).equals(content)).toBe(true);
        expect(readdirSync(join(path, '..'))).toEqual(['intervisie.db']);
      }
    }
  });

  it('a truncated database (copy cut short, header only)', async () => {
    const good = goodDb();
    const whole = readFileSync(good);
    for (const length of [Math.floor(whole.length / 2), 4096, 100, 50]) {
      const path = join(tempDir(), 'intervisie.db');
      writeFileSync(path, whole.subarray(0, length));
      for (const args of [WRITE, READ]) {
        oneLineError(await runMain(args, { db: path }), /is beschadigd/);
        expect(readFileSync(path).equals(whole.subarray(0, length))).toBe(true);
        expect(existsSync(`${path}-wal`)).toBe(false);
      }
    }
  });

  it('a database from a newer version, also for reading commands', async () => {
    const path = goodDb();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(path);
    for (const args of [WRITE, READ, ['--lang', 'en', ...WRITE]]) {
      oneLineError(await runMain(args, { db: path }), /nieuwere versie|newer version/);
      expect(readFileSync(path).equals(before)).toBe(true);
    }
  });

  it('a read-only database file: reading works, writing says why and changes nothing', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const path = goodDb(dir);
    if (isRoot) chownSync(dir, NOBODY, NOBODY), chownSync(path, NOBODY, NOBODY);
    chmodSync(path, 0o400);
    const before = dumpDb(path);
    const read = runAs(READ, path, { asNobody: true });
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Coaches Utrecht');
    oneLineError(runAs(WRITE, path, { asNobody: true }), /is alleen-lezen; er kan niets worden opgeslagen/);
    expect(dumpDb(path)).toBe(before);
  });

  it('a read-only folder: a clear line, nothing changed', () => {
    const dir = tempDir();
    const path = goodDb(dir);
    if (isRoot) chownSync(dir, NOBODY, NOBODY), chownSync(path, NOBODY, NOBODY);
    chmodSync(dir, 0o500);
    const before = readFileSync(path);
    try {
      oneLineError(runAs(WRITE, path, { asNobody: true }), /alleen-lezen|Kan de database/);
      oneLineError(runAs(['group', 'create', 'Nieuw', '--member', 'A', '--member', 'B'], join(dir, 'sub', 'new.db'), { asNobody: true }), /Kan de database/);
    } finally {
      chmodSync(dir, 0o700);
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('a full disk (file size limit): the write is refused whole, the data stays consistent', async () => {
    const path = goodDb();
    const before = dumpDb(path);
    oneLineError(runAs(WRITE, path, { ulimitKb: 4 }), /De schijf is vol: er is niets opgeslagen|Kan de database/);
    oneLineError(runAs(['--lang', 'en', ...WRITE], path, { ulimitKb: 4 }), /The disk is full|Cannot open the database/);
    expect(dumpDb(path)).toBe(before);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    // Once there is room again, the same command simply works.
    expect((await runMain(WRITE, { db: path })).code).toBe(0);
  });

  it('a database folder that is a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'x');
    oneLineError(await runMain(WRITE, { db: join(dir, 'blocker', 'intervisie.db') }), /Kan de database/);
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('x');
  });
});
