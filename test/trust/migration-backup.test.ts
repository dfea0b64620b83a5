import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { Store } from '../../src/store/store.js';
import { dumpDb } from '../helpers/db-dump.js';
import { tempDir } from '../helpers/tmp.js';

// Pretend this build knows one schema version more than the files we make, so a
// real file of today's schema plays "a database from an older version".
const failing = vi.hoisted(() => ({ fail: false }));
vi.mock('../../src/store/migrations/index.js', async () => {
  const real = await vi.importActual<typeof import('../../src/store/migrations/index.js')>('../../src/store/migrations/index.js');
  const next = real.LATEST_VERSION + 1;
  return {
    ...real,
    MIGRATIONS: [
      ...real.MIGRATIONS,
      {
        version: next,
        name: 'test-extra',
        up: (db: Database.Database) => {
          db.exec('ALTER TABLE groups ADD COLUMN test_extra TEXT');
          if (failing.fail) throw new Error('migration broke halfway');
        },
      },
    ],
    LATEST_VERSION: next,
  };
});

// The shipped migrations, without the mocked extra one: they make today's schema.
const real = await vi.importActual<typeof import('../../src/store/migrations/index.js')>('../../src/store/migrations/index.js');
const CURRENT = real.LATEST_VERSION;

/** A file at the previous schema version, written without the mocked migration list. */
function olderFile(): string {
  const old = join(tempDir(), 'intervisie.db');
  const db = new Database(old);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (const m of real.MIGRATIONS) m.up(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', 'dev-1')").run();
    db.prepare(
      "INSERT INTO groups (id, name, name_key, created_at, updated_at, device_id) VALUES ('g1', 'Oud', 'oud', '2026-01-01', '2026-01-01', 'dev-1')",
    ).run();
    db.pragma(`user_version = ${CURRENT}`);
  })();
  db.close();
  return old;
}

function backups(path: string): string[] {
  const dir = dirname(path);
  return readdirSync(dir).filter((n) => n.startsWith(`${path.split('/').pop()}.backup-v${CURRENT}-`)).map((n) => join(dir, n));
}

describe('automatic backup before a migration', () => {
  it('copies the older file (0600) before migrating it', () => {
    const path = olderFile();
    const store = Store.open(path, new FakeClock());
    expect(store.db.pragma('user_version', { simple: true })).toBe(CURRENT + 1);
    store.close();
    const [backup, ...more] = backups(path);
    expect(more).toHaveLength(0);
    expect(statSync(backup!).mode & 0o777).toBe(0o600);
    const copy = new Database(backup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(CURRENT);
    expect(copy.prepare('SELECT name FROM groups').all()).toEqual([{ name: 'Oud' }]);
    copy.close();
  });

  it('leaves the file at the old version with all data when the migration fails', () => {
    const path = olderFile();
    const before = dumpDb(path);
    failing.fail = true;
    try {
      expect(() => Store.open(path, new FakeClock())).toThrow('migration broke halfway');
    } finally {
      failing.fail = false;
    }
    expect(dumpDb(path)).toBe(before);
    expect(backups(path)).toHaveLength(1);
    expect(readFileSync(backups(path)[0]!).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
