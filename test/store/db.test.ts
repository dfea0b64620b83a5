import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { UserError } from '../../src/errors.js';
import { LATEST_VERSION } from '../../src/store/migrations/index.js';
import { Store } from '../../src/store/store.js';
import { messages } from '../../src/ui/i18n/index.js';
import { tempDb, tempDir } from '../helpers/tmp.js';

const nl = messages('nl');

function openError(path: string): string {
  try {
    Store.open(path, new FakeClock()).close();
  } catch (err) {
    if (err instanceof UserError) return err.render(nl);
    throw err;
  }
  throw new Error('expected the open to fail');
}

describe('opening the database', () => {
  it('creates a fresh file with the latest schema, WAL and foreign keys', () => {
    const path = tempDb();
    const store = Store.open(path, new FakeClock());
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (store.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['groups', 'members', 'meetings', 'attendance', 'cases', 'egt_scores', 'phase_runs', 'notes', 'action_points', 'planned_meetings', 'edits']));
    expect(store.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    store.close();
  });

  it('keeps the file 0600 and a directory it creates 0700', () => {
    const path = tempDb();
    Store.open(path, new FakeClock()).close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
  });

  it('reopens without migrating again and keeps the device id', () => {
    const path = tempDb();
    const a = Store.open(path, new FakeClock());
    const id = a.deviceId;
    a.close();
    const b = Store.open(path, new FakeClock());
    expect(b.deviceId).toBe(id);
    b.close();
  });

  it('refuses a file that is not SQLite and leaves it byte for byte', () => {
    const path = join(tempDir(), 'notes.db');
    const content = 'Dit is een boodschappenlijst, geen database.\n'.repeat(20);
    writeFileSync(path, content);
    expect(openError(path)).toContain('geen intervisie-database');
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a database from a newer version and leaves it byte for byte', () => {
    const path = join(tempDir(), 'future.db');
    const db = new Database(path);
    db.exec('CREATE TABLE x (a)');
    db.pragma(`user_version = ${LATEST_VERSION + 5}`);
    db.close();
    const before = readFileSync(path);
    expect(openError(path)).toContain('nieuwere versie');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('gives a clear error for a path it cannot create', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    expect(openError(join(dir, 'file', 'sub', 'x.db'))).toContain('Kan de database');
  });

  it('opens read-only without creating a file when none exists', () => {
    const path = tempDb();
    const store = Store.open(path, new FakeClock(), { readonly: true });
    expect(store.db.prepare('SELECT count(*) AS n FROM groups').get()).toEqual({ n: 0 });
    store.close();
    expect(existsSync(path)).toBe(false);
  });

  it('rolls back a failed transaction completely', () => {
    const path = tempDb();
    mkdirSync(dirname(path), { recursive: true });
    const store = Store.open(path, new FakeClock());
    expect(() =>
      store.tx(() => {
        store.setMeta('probe', 'x');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.getMeta('probe')).toBeNull();
    store.close();
  });
});
