import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { safeText } from '../domain/names.js';
import type { Store } from './store.js';

/** Errors from the file system as a one-line reason without the Node prefix. */
function reason(err: unknown): string {
  return ((err as Error).message ?? String(err)).replace(/^[A-Z]+: /, '');
}

/** The file as read: the checksum of a bundle is checked over these bytes. */
export function readBundleBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UserError((t) => t.sync.err.cannotRead(safeText(file), reason(err)));
  }
}

/**
 * Write via a temporary name in the same folder and rename, so a sync engine (or a
 * reader on another laptop) only ever sees a complete file. Private to the user (0600).
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${randomBytes(4).toString('hex')}`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      const buf = Buffer.from(text, 'utf8');
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UserError((t) => t.sync.err.cannotWrite(safeText(file), reason(err)));
  }
}

/** This laptop's file for a group in a shared folder. */
export function bundleFileName(groupId: string, deviceId: string): string {
  return `intervisie-${groupId.slice(0, 8)}-${deviceId}.json`;
}

const BUNDLE_NAME = /^intervisie-([0-9a-f]{8})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;
// Names sync engines and copy tools give files while they are still arriving.
const IN_PROGRESS = /^[.~]|\.(tmp|part|partial|crdownload|download|!sync|syncthing)(\b|$)|~$|\.tmp-[0-9a-f]+$/i;

export type FolderEntry =
  | { kind: 'bundle'; file: string; name: string; deviceId: string }
  | { kind: 'partial'; file: string; name: string }
  | { kind: 'conflict-copy'; file: string; name: string };

/** What a shared folder holds that concerns us; other files are ignored without a word. */
export function scanFolder(folder: string): FolderEntry[] {
  let st;
  try {
    st = statSync(folder);
  } catch {
    throw new UserError((t) => t.sync.err.folderMissing(safeText(folder)));
  }
  if (!st.isDirectory()) throw new UserError((t) => t.sync.err.folderMissing(safeText(folder)));
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (err) {
    throw new UserError((t) => t.sync.err.cannotRead(safeText(folder), reason(err)));
  }
  const entries: FolderEntry[] = [];
  for (const name of names) {
    if (!/intervisie-/i.test(name)) continue;
    const file = join(folder, name);
    if (IN_PROGRESS.test(name)) {
      entries.push({ kind: 'partial', file, name });
      continue;
    }
    const m = BUNDLE_NAME.exec(name);
    if (m) {
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        continue;
      }
      // A file of ours is never empty; an empty one is still being copied in.
      entries.push(size === 0 ? { kind: 'partial', file, name } : { kind: 'bundle', file, name, deviceId: m[2]! });
    } else if (/\.json$/i.test(name) || /conflict/i.test(name)) {
      entries.push({ kind: 'conflict-copy', file, name });
    }
  }
  return entries;
}

/** The folder is this laptop's own setting: it does not travel and does not touch the group's stamp. */
export function setSyncFolder(store: Store, groupId: string, folder: string | null): void {
  store.tx(() => store.db.prepare('UPDATE groups SET sync_folder = ? WHERE id = ?').run(folder, groupId));
}
