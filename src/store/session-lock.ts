import type BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// CommonJS with require, not import (see main.ts).
const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/**
 * One running `start`/`resume` per group. The lock is an exclusive transaction held open on a
 * small side file next to the database: the operating system drops it when the process ends in
 * any way (SIGKILL included), so a crashed meeting never stays locked.
 */
export class SessionLock {
  private constructor(private readonly db: BetterSqlite3.Database) {}

  /** null when another process holds the lock for this group. */
  static acquire(dbPath: string, groupId: string): SessionLock | null {
    const key = createHash('sha256').update(groupId).digest('hex').slice(0, 16);
    const file = join(dirname(dbPath), `.intervisie-meeting-${key}.lock`);
    const db = new Database(file, { timeout: 0 });
    try {
      db.pragma('journal_mode = DELETE');
      db.exec('BEGIN EXCLUSIVE');
      return new SessionLock(db);
    } catch (err) {
      db.close();
      if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
      throw err;
    }
  }

  release(): void {
    if (!this.db.open) return;
    try {
      this.db.exec('ROLLBACK');
    } finally {
      this.db.close();
    }
  }
}
