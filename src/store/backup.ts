import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../errors.js';
import type { Store } from './store.js';

/**
 * Copy the database with SQLite's online backup, which reads a consistent snapshot even
 * while another process is writing a meeting. The copy is private from its first byte:
 * the file is created 0600 (and a new folder 0700) before SQLite writes into it.
 */
export async function backupDatabase(store: Store, target: string): Promise<number> {
  if (existsSync(target)) throw new UserError((t) => t.trust.err.backupExists(target));
  try {
    const dir = dirname(target);
    makeFolders(dir);
    closeSync(openSync(target, 'wx', 0o600));
  } catch (err) {
    const reason = (err as Error).message.replace(/^[A-Z]+: /, '');
    throw new UserError((t) => t.trust.err.backupFailed(target, reason));
  }
  try {
    await store.db.backup(target);
    chmodSync(target, 0o600);
    return statSync(target).size;
  } catch (err) {
    // Never leave a half-written copy that looks like a good backup.
    rmSync(target, { force: true });
    const reason = (err as Error).message;
    throw new UserError((t) => t.trust.err.backupFailed(target, reason));
  }
}

/**
 * mkdir -p without `recursive: true`: Node 20's recursive mkdirSync loops forever when the
 * kernel answers ENOENT for a folder it will never create (e.g. `backup /proc/x/y.db`).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) mkdirSync(d, { mode: 0o700 });
}
