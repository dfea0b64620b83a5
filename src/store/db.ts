import type BetterSqlite3 from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index.js';

// CommonJS with require, not import (see main.ts).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Open without creating or migrating anything (reports, history). */
  readonly?: boolean;
}

/**
 * Refuse a file that is not SQLite, or one cut short (a copy that stopped halfway, a full
 * disk during a copy), before SQLite itself gets to touch it or create -wal/-shm beside it.
 */
export function checkHeader(path: string): void {
  const size = statSync(path).size;
  if (size === 0) return;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    if (n < 16 || buf.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
      throw new UserError((t) => t.store.notSqlite(path));
    }
    if (n < 100) throw new UserError((t) => t.store.corrupt(path));
    const raw = buf.readUInt16BE(16);
    const pageSize = raw === 1 ? 65_536 : raw;
    const pages = buf.readUInt32BE(28);
    // The page count in the header is only trustworthy when both change counters agree.
    const countValid = buf.readUInt32BE(24) === buf.readUInt32BE(92);
    const walPath = `${path}-wal`;
    const walHolds = existsSync(walPath) && statSync(walPath).size > 0;
    if (countValid && !walHolds && pages > 0 && size < pages * pageSize) {
      throw new UserError((t) => t.store.corrupt(path));
    }
  } finally {
    closeSync(fd);
  }
}

/** Read the schema version without writing, so a too-new file stays byte for byte the same. */
function readVersion(path: string): number {
  const probe = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

function ensureDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Keep the database and its WAL companions private to the user. */
export function restrictFile(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(p)) chmodSync(p, 0o600);
    } catch {
      // not ours to change (e.g. a read-only mount); opening will say so if it matters
    }
  }
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const exists = existsSync(path);
  if (exists) {
    checkHeader(path);
    const version = statSync(path).size === 0 ? 0 : mapOpenError(path, () => readVersion(path));
    if (version > LATEST_VERSION) {
      throw new UserError((t) => t.store.tooNew(path, version, LATEST_VERSION));
    }
  } else if (options.readonly) {
    // Nothing recorded yet: a fresh in-memory schema answers "no data" without creating files.
    const db = new Database(':memory:');
    configure(db);
    migrate(db, ':memory:');
    return db;
  } else {
    ensureDir(dirname(path));
    closeSync(openSync(path, 'wx', 0o600));
  }

  const db = mapOpenError(path, () => new Database(path, { readonly: options.readonly ?? false, fileMustExist: true }));
  try {
    if (!options.readonly) {
      configure(db);
      migrate(db, path);
      restrictFile(path);
    } else {
      db.pragma('busy_timeout = 5000');
      if ((db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION) {
        // An old file opened for reading: upgrade it as any command would (a backup is made first),
        // since the queries expect the latest schema.
        db.close();
        return openDatabase(path, {});
      }
    }
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a committed answer survives a power cut too, not just a killed process.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted case content is overwritten, not just unlinked.
  db.pragma('secure_delete = ON');
}

function migrate(db: Db, path: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= LATEST_VERSION) return;
  if (current > 0 && path !== ':memory:') backupBeforeMigration(db, path, current);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      if (m.version === 1) {
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('device_id', randomUUID());
      }
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

function backupBeforeMigration(db: Db, path: string, version: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${path}.backup-v${version}-${stamp}`;
  // Created empty and private first: VACUUM INTO accepts an empty file, and the copy
  // holds case content, so it must never exist with the default (world-readable) mode.
  closeSync(openSync(target, 'wx', 0o600));
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
  chmodSync(target, 0o600);
}

/** Translate SQLite's open-time failures into one-line messages. */
function mapOpenError<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw translateSqliteError(err, path) ?? err;
  }
}

export function translateSqliteError(err: unknown, path: string): UserError | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB') return new UserError((t) => t.store.notSqlite(path));
  if (code.startsWith('SQLITE_CORRUPT')) return new UserError((t) => t.store.corrupt(path));
  if (code.startsWith('SQLITE_READONLY')) return new UserError((t) => t.store.readOnly(path));
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UserError((t) => t.store.busy);
  if (code === 'SQLITE_FULL') return new UserError((t) => t.store.diskFull);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR')) {
    const reason = (err as Error).message;
    return new UserError((t) => t.store.cannotOpen(path, reason));
  }
  return null;
}
