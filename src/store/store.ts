import type { Database as Db } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { openDatabase, translateSqliteError, type OpenOptions } from './db.js';
import { UserError } from '../errors.js';

/** Columns every travelling row carries. */
export interface Stamp {
  created_at: string;
  updated_at: string;
  device_id: string;
}

/** An open database plus the few helpers every repository needs. */
export class Store {
  private cachedDeviceId: string | null = null;

  constructor(
    readonly db: Db,
    readonly path: string,
    readonly clock: Clock,
  ) {}

  static open(path: string, clock: Clock, options: OpenOptions = {}): Store {
    try {
      return new Store(openDatabase(path, options), path, clock);
    } catch (err) {
      if (err instanceof UserError) throw err;
      const sqlite = translateSqliteError(err, path);
      if (sqlite) throw sqlite;
      const code = (err as NodeJS.ErrnoException).code;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
        const reason = (err as Error).message.replace(/^[A-Z]+: /, '');
        throw new UserError((t) => t.store.cannotOpen(path, reason));
      }
      throw err;
    }
  }

  get deviceId(): string {
    if (this.cachedDeviceId === null) {
      const row = this.db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as
        | { value: string }
        | undefined;
      this.cachedDeviceId = row?.value ?? 'unknown-device';
    }
    return this.cachedDeviceId;
  }

  nowIso(): string {
    return this.clock.now().toISOString();
  }

  newId(): string {
    return randomUUID();
  }

  stamp(): Stamp {
    const now = this.nowIso();
    return { created_at: now, updated_at: now, device_id: this.deviceId };
  }

  /** Run fn in one write transaction (taken at once, so two writers never deadlock). */
  tx<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      throw translateSqliteError(err, this.path) ?? err;
    }
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
