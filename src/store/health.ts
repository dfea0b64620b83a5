import type BetterSqlite3 from 'better-sqlite3';
import { createRequire } from 'node:module';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { LATEST_VERSION } from './migrations/index.js';
import { checkHeader, openDatabase, translateSqliteError } from './db.js';
import { countWrongLists, missingListTriggers, recomputeAllLists, restoreListTriggers } from './meeting-lists.js';
import { UserError } from '../errors.js';

// CommonJS with require, not import (see main.ts).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

export interface PermissionCheck {
  path: string;
  mode: number;
  want: number;
  ok: boolean;
}

export interface HealthReport {
  path: string;
  exists: boolean;
  /** Why the file could not be read as our database; null when it could. */
  unreadable: UserError | null;
  version: number | null;
  latest: number;
  /** 'ok', or the problems SQLite's integrity check found (first few). */
  integrity: string[];
  foreignKeyProblems: number;
  /** Meetings whose derived lists (migration 004) differ from their rows; null before that schema. */
  wrongLists: number | null;
  /** Triggers that keep those lists and are missing; null before that schema. */
  missingListTriggers: string[] | null;
  sizes: { file: string; bytes: number }[];
  permissions: PermissionCheck[];
  groups: number;
  meetings: number;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** The schema version that added the derived lists on meetings. */
const LISTS_VERSION = 4;

/** Everything `doctor` shows, read without writing a byte (readonly, no migration). */
export function inspectDatabase(path: string): HealthReport {
  const report: HealthReport = {
    path,
    exists: existsSync(path),
    unreadable: null,
    version: null,
    latest: LATEST_VERSION,
    integrity: [],
    foreignKeyProblems: 0,
    wrongLists: null,
    missingListTriggers: null,
    sizes: [],
    permissions: [],
    groups: 0,
    meetings: 0,
  };
  if (!report.exists) {
    report.permissions = checkPermissions(path);
    return report;
  }
  for (const p of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(p)) report.sizes.push({ file: basename(p), bytes: statSync(p).size });
  }
  if (statSync(path).size > 0 && !hasSqliteHeader(path)) {
    report.unreadable = translateSqliteError({ code: 'SQLITE_NOTADB' }, path);
    report.permissions = checkPermissions(path);
    return report;
  }
  try {
    // A file shorter than its header says is cut off: say so before SQLite touches it.
    checkHeader(path);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    report.unreadable = err;
    report.permissions = checkPermissions(path);
    return report;
  }
  let db: BetterSqlite3.Database | null = null;
  let cleanup = () => {};
  try {
    ({ db, cleanup } = openForInspection(path));
    report.version = db.pragma('user_version', { simple: true }) as number;
    report.integrity = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    report.foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length;
    const has = (table: string) => db!.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    if (has('groups')) report.groups = (db.prepare('SELECT count(*) AS n FROM groups').get() as { n: number }).n;
    if (has('meetings')) report.meetings = (db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
    if (report.version >= LISTS_VERSION && report.version <= LATEST_VERSION) {
      report.wrongLists = countWrongLists(db);
      report.missingListTriggers = missingListTriggers(db);
    }
  } catch (err) {
    report.unreadable = translateSqliteError(err, path);
    if (!report.unreadable) throw err;
  } finally {
    db?.close();
    cleanup();
  }
  report.permissions = checkPermissions(path);
  return report;
}

/**
 * Open the file for reading without creating anything beside it. SQLite creates -wal and -shm
 * next to a WAL database even for a read-only connection, so when they are not there already
 * (nothing has it open, or it was copied or damaged) doctor reads a copy instead.
 */
function openForInspection(path: string): { db: BetterSqlite3.Database; cleanup: () => void } {
  const wal = `${path}-wal`;
  const hasWal = existsSync(wal) && statSync(wal).size > 0;
  if (existsSync(`${path}-shm`) && existsSync(wal)) return { db: new Database(path, { readonly: true, fileMustExist: true }), cleanup: () => {} };
  if (!hasWal) {
    const image = readFileSync(path);
    if (image.length === 0) return { db: new Database(':memory:'), cleanup: () => {} };
    // An in-memory copy cannot be in WAL mode; the header's mode bytes say "rollback journal" instead.
    if (image.length >= 20) image[18] = image[19] = 1;
    return { db: new Database(image, { readonly: true }), cleanup: () => {} };
  }
  // A WAL file without its index (-shm): let SQLite read both from a private copy.
  const dir = mkdtempSync(join(tmpdir(), 'intervisie-doctor-'));
  const copy = join(dir, 'copy.db');
  copyFileSync(path, copy);
  copyFileSync(wal, `${copy}-wal`);
  return { db: new Database(copy, { fileMustExist: true }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function hasSqliteHeader(path: string): boolean {
  const buf = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** The database, its WAL companions and our backups must be 0600; their folders 0700. */
function privateFiles(path: string): { path: string; want: number }[] {
  const dir = dirname(path);
  const files: { path: string; want: number }[] = [];
  if (existsSync(dir)) files.push({ path: dir, want: 0o700 });
  const base = basename(path);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      if (name === base || name === `${base}-wal` || name === `${base}-shm` || name.startsWith(`${base}.backup-`)) {
        files.push({ path: join(dir, name), want: 0o600 });
      }
    }
  }
  const backups = join(dir, 'backups');
  if (existsSync(backups) && statSync(backups).isDirectory()) {
    files.push({ path: backups, want: 0o700 });
    for (const name of readdirSync(backups).sort()) {
      if (name.endsWith('.db') || name.includes('.db-')) files.push({ path: join(backups, name), want: 0o600 });
    }
  }
  return files;
}

function checkPermissions(path: string): PermissionCheck[] {
  return privateFiles(path).map(({ path: p, want }) => {
    const mode = statSync(p).mode & 0o777;
    return { path: p, mode, want, ok: (mode & 0o077) === 0 };
  });
}

/** Take group and other access away; returns the paths that changed. */
export function fixPermissions(checks: PermissionCheck[]): PermissionCheck[] {
  const fixed: PermissionCheck[] = [];
  for (const c of checks) {
    if (c.ok) continue;
    chmodSync(c.path, c.want);
    fixed.push({ ...c, mode: c.want, ok: true });
  }
  return fixed;
}

/**
 * Make any missing list trigger again and set every meeting's derived lists from its
 * attendance and case rows, in one transaction (`doctor --fix`); returns how many triggers
 * were made and how many meetings changed. Only for a file that inspectDatabase found
 * readable, intact and of the current schema.
 */
export function repairLists(path: string): { triggers: number; meetings: number } {
  const db = openDatabase(path);
  try {
    return db.transaction(() => ({ triggers: restoreListTriggers(db), meetings: recomputeAllLists(db) })).immediate();
  } finally {
    db.close();
  }
}
