import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TZDate } from '@date-fns/tz';
import type { Ctx } from '../context.js';
import { UserError, UsageError } from '../errors.js';
import { nameKey, safeText } from '../domain/names.js';
import type { Group } from '../domain/types.js';
import { getGroup, listGroups, resolveGroup } from '../store/groups.js';
import { buildBundle, countMeetings } from '../store/bundle-export.js';
import { canonicalJson, decodeBundle, encodeEncrypted, encodePlain, holdsSameData, openBundle, type Bundle } from '../store/bundle-file.js';
import { findNameClashes, importBundles, loadLinks, type ImportResult, type NameClash } from '../store/bundle-import.js';
import { bundleFileName, readBundleBytes, scanFolder, setSyncFolder, writeFileAtomic } from '../store/bundle-io.js';

const PASSPHRASE_ENV = 'INTERVISIE_PASSPHRASE';
const MIN_PASSPHRASE = 8;
/** From this many meetings on an export takes long enough to show progress. */
const PROGRESS_FROM = 1000;
const ZONE = 'Europe/Amsterdam';

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** YYYY-MM-DD as the start of that day in Amsterdam, as an ISO instant. */
function parseSince(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  const day = m ? new TZDate(y, mo - 1, d, ZONE) : null;
  if (!day || day.getFullYear() !== y || day.getMonth() !== mo - 1 || day.getDate() !== d) {
    throw new UsageError((t) => t.sync.err.badSince(safeText(raw)));
  }
  return new Date(day.getTime()).toISOString();
}

/** One passphrase per command run: from the environment, or asked once in a terminal. */
function passphraseSource(ctx: Ctx): { get: (file: string) => Promise<string>; available: boolean } {
  let cached: string | null = ctx.env[PASSPHRASE_ENV] || null;
  return {
    available: cached !== null || ctx.interactive,
    async get(file: string) {
      if (cached !== null) return cached;
      if (!ctx.interactive) throw new UserError((t) => t.sync.err.needPassphrase(safeText(file)));
      cached = await ctx.prompt.password({ message: ctx.t.sync.ask.passphrase });
      return cached;
    },
  };
}

async function newPassphrase(ctx: Ctx): Promise<string> {
  const fromEnv = ctx.env[PASSPHRASE_ENV];
  if (fromEnv) {
    if ([...fromEnv].length < MIN_PASSPHRASE) throw new UserError((t) => t.sync.err.passphraseShort);
    return fromEnv;
  }
  if (!ctx.interactive) throw new UserError((t) => t.sync.err.needPassphraseExport);
  const t = ctx.t.sync;
  const first = await ctx.prompt.password({
    message: t.ask.passphraseNew,
    validate: (v) => ([...v].length >= MIN_PASSPHRASE ? true : t.err.passphraseShort),
  });
  const again = await ctx.prompt.password({ message: t.ask.passphraseRepeat });
  if (again !== first) throw new UserError((tt) => tt.sync.err.passphraseMismatch);
  return first;
}

interface Progress {
  text(s: string): void;
  stop(): void;
}

/** A spinner on stderr for big exports in a terminal; silent otherwise (stdout stays for data). */
async function progressFor(ctx: Ctx, meetings: number): Promise<Progress> {
  if (meetings < PROGRESS_FROM || !ctx.stderr.isTTY || ctx.plain) return { text: () => {}, stop: () => {} };
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: ctx.stderr as NodeJS.WritableStream, text: ctx.t.sync.say.reading(meetings) }).start();
  // Let the first frame paint before the synchronous work starts.
  await new Promise((r) => setImmediate(r));
  return {
    text: (s) => {
      spinner.text = s;
      spinner.render();
    },
    stop: () => spinner.stop(),
  };
}

async function makeBundleText(ctx: Ctx, group: Group, o: { since?: string | null; withCases: boolean; passphrase?: string }): Promise<{ bundle: Bundle; text: string }> {
  const store = ctx.readStore();
  const progress = await progressFor(ctx, countMeetings(store, group.id));
  try {
    const bundle = buildBundle(store, { groupId: group.id, since: o.since ?? null, withCases: o.withCases, appVersion: appVersion() });
    if (o.withCases) progress.text(ctx.t.sync.say.encrypting);
    const text = o.withCases ? await encodeEncrypted(bundle, o.passphrase!) : encodePlain(bundle);
    return { bundle, text };
  } finally {
    progress.stop();
  }
}

interface ExportOptions {
  group?: string;
  since?: string;
  output?: string;
  withCases?: boolean;
}

export async function exportCmd(ctx: Ctx, opts: ExportOptions): Promise<void> {
  const since = parseSince(opts.since);
  const group = resolveGroup(ctx.readStore(), opts.group);
  const withCases = Boolean(opts.withCases);
  const passphrase = withCases ? await newPassphrase(ctx) : undefined;
  const { bundle, text } = await makeBundleText(ctx, group, { since, withCases, ...(passphrase ? { passphrase } : {}) });
  if (opts.output === undefined || opts.output === '-') {
    ctx.out.raw(text);
    return;
  }
  writeFileAtomic(opts.output, text);
  // The confirmation goes to stderr: stdout is for data only.
  ctx.stderr.write(`${ctx.out.c.green('✔')} ${ctx.t.sync.say.exported(bundle.data.meetings.length, safeText(opts.output))}\n`);
  if (withCases) ctx.stderr.write(`${ctx.t.sync.say.exportedCases}\n`);
}

async function readBundles(ctx: Ctx, files: readonly string[]): Promise<Bundle[]> {
  const pass = passphraseSource(ctx);
  const bundles: Bundle[] = [];
  for (const file of files) bundles.push(await decodeBundle(readBundleBytes(file), file, { passphrase: () => pass.get(file) }));
  return bundles;
}

const groupsFirst = (a: NameClash, b: NameClash) =>
  a.kind === b.kind ? a.name.localeCompare(b.name, 'nl') : a.kind === 'group' ? -1 : 1;

/**
 * Same-name groups or members from elsewhere are linked only when the user says so.
 * Agreeing to link a group also links its members with the same names: one question, not eight.
 */
async function approveLinks(ctx: Ctx, clashes: NameClash[], link: boolean): Promise<NameClash[]> {
  if (clashes.length === 0 || link || !ctx.interactive) return link ? clashes : [];
  const t = ctx.t.sync.ask;
  const linkedGroups = new Set<string>();
  for (const c of [...clashes].sort(groupsFirst)) {
    if (c.kind === 'member' && c.groupId !== undefined && linkedGroups.has(c.groupId)) continue;
    const message = c.kind === 'group' ? t.linkGroup(safeText(c.name)) : t.linkMember(safeText(c.name), safeText(c.groupName ?? ''));
    if (!(await ctx.prompt.confirm({ message, default: true }))) throw new UserError((tt) => tt.sync.err.linkRefused);
    if (c.kind === 'group') linkedGroups.add(c.localId);
  }
  return clashes;
}

function printSummary(ctx: Ctx, r: ImportResult, dryRun: boolean): void {
  const t = ctx.t.sync.say;
  if (dryRun) ctx.out.info(t.dryRun);
  ctx.out.line((dryRun ? t.summaryDry : t.summary)(r.meetingsAdded, r.meetingsUpdated, r.meetingsUnchanged));
  if (r.otherAdded + r.otherUpdated > 0) ctx.out.line(t.other(r.otherAdded, r.otherUpdated));
  if (r.conflicts > 0) ctx.out.line(t.conflicts(r.conflicts));
}

async function mergeInto(ctx: Ctx, bundles: Bundle[], o: { link: boolean; dryRun: boolean }): Promise<ImportResult> {
  const store = ctx.store();
  const links = await approveLinks(ctx, findNameClashes(store, bundles), o.link);
  const result = importBundles(store, bundles, { links, dryRun: o.dryRun });
  if (!o.dryRun && links.length > 0) ctx.out.info(ctx.t.sync.say.linked([...links].sort(groupsFirst).map((l) => safeText(l.name)).join(', ')));
  return result;
}

export async function importCmd(ctx: Ctx, files: string[], opts: { dryRun?: boolean; link?: boolean }): Promise<void> {
  // Every file is read and checked before the database is opened for writing.
  const bundles = await readBundles(ctx, files);
  const dryRun = Boolean(opts.dryRun);
  const result = await mergeInto(ctx, bundles, { link: Boolean(opts.link), dryRun });
  printSummary(ctx, result, dryRun);
}

export interface SyncOptions {
  /** Defaults to the group's remembered folder. */
  folder?: string;
  withCases?: boolean;
  link?: boolean;
}

export interface SyncResult extends ImportResult {
  wroteOwn: boolean;
  file: string;
}

/**
 * Bring one group up to date through its shared folder: read every other laptop's
 * bundle (one transaction), then write this laptop's own bundle. Writing last means the
 * file also carries what just came in, and a second run with nothing new leaves both
 * the database and the folder exactly as they were. `start` calls this before and
 * after a meeting.
 */
export async function syncGroup(ctx: Ctx, group: Group, o: SyncOptions = {}): Promise<SyncResult> {
  const folderRaw = o.folder ?? group.syncFolder;
  if (!folderRaw) throw new UserError((t) => t.sync.err.noFolder(safeText(group.name)));
  const folder = resolve(folderRaw);
  const store = ctx.store();
  const t = ctx.t.sync.say;
  const entries = scanFolder(folder);
  const pass = passphraseSource(ctx);
  const links = loadLinks(store);
  const bundles: Bundle[] = [];

  for (const e of entries) {
    const shown = safeText(e.name);
    if (e.kind === 'partial') {
      ctx.out.warn(t.skipPartial(shown));
      continue;
    }
    if (e.kind === 'conflict-copy') {
      ctx.out.warn(t.skipConflictCopy(shown));
      continue;
    }
    if (e.deviceId === store.deviceId) continue;
    try {
      // Parsed once: the header decides whether the rest is read.
      const opened = openBundle(readBundleBytes(e.file), e.name);
      const header = opened.header;
      if (header.device_id !== e.deviceId) {
        ctx.out.warn(t.skipMisnamed(shown));
        continue;
      }
      if (header.encrypted && !pass.available) {
        ctx.out.warn(t.skipEncrypted(shown));
        continue;
      }
      const bundle = await opened.decode({ passphrase: () => pass.get(e.name) });
      const ours =
        header.group_id === group.id ||
        links.get(header.group_id) === group.id ||
        bundle.data.groups.some((g) => nameKey(String(g['name'])) === nameKey(group.name));
      if (!ours) {
        ctx.out.warn(t.skipOtherGroup(shown));
        continue;
      }
      bundles.push(bundle);
    } catch (err) {
      // One laptop's broken file must not stop the others from syncing.
      if (!(err instanceof UserError)) throw err;
      ctx.out.warn(t.skipBroken(shown, err.render(ctx.t)));
    }
  }

  const result = bundles.length > 0 ? await mergeInto(ctx, bundles, { link: Boolean(o.link), dryRun: false }) : null;
  if (result) {
    ctx.out.info(t.imported(bundles.length));
    printSummary(ctx, result, false);
  } else {
    ctx.out.info(t.noOthers);
  }

  const file = resolve(folder, bundleFileName(group.id, store.deviceId));
  const wroteOwn = await writeOwnBundle(ctx, getGroup(store, group.id), file, Boolean(o.withCases), pass);
  ctx.out.success(wroteOwn ? t.wrote(safeText(file)) : t.unchangedOwn);
  const zero = { meetingsAdded: 0, meetingsUpdated: 0, meetingsUnchanged: 0, conflicts: 0, otherAdded: 0, otherUpdated: 0, bundles: 0 };
  return { ...(result ?? zero), wroteOwn, file };
}

/** Rewrite this laptop's file only when its content changed, so sync engines have nothing to ship. */
async function writeOwnBundle(
  ctx: Ctx,
  group: Group,
  file: string,
  withCases: boolean,
  pass: ReturnType<typeof passphraseSource>,
): Promise<boolean> {
  const passphrase = withCases ? await pass.get(file) : undefined;
  const { bundle, text } = await makeBundleText(ctx, group, { withCases, ...(passphrase ? { passphrase } : {}) });
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = null;
  }
  if (bytes !== null && !withCases && holdsSameData(bytes, text)) return false;
  let existing: Bundle | null = null;
  try {
    existing = bytes === null ? null : await decodeBundle(bytes, file, { passphrase: async () => passphrase ?? '' });
  } catch {
    existing = null;
  }
  if (existing && existing.meta.with_cases === withCases && canonicalJson(existing.data) === canonicalJson(bundle.data)) return false;
  writeFileAtomic(file, text);
  return true;
}

export async function syncCmd(ctx: Ctx, folder: string | undefined, opts: { group?: string; withCases?: boolean; link?: boolean }): Promise<void> {
  const store = ctx.store();
  const o = { withCases: Boolean(opts.withCases), link: Boolean(opts.link) };
  if (opts.group === undefined && folder !== undefined && listGroups(store, { includeArchived: true }).length === 0) {
    // A new laptop: take the group from the folder, then carry on as usual.
    await adoptFromFolder(ctx, resolve(folder));
  }
  const group = resolveGroup(store, opts.group);
  await syncGroup(ctx, group, { ...o, ...(folder !== undefined ? { folder } : {}) });
}

async function adoptFromFolder(ctx: Ctx, folder: string): Promise<void> {
  const entries = scanFolder(folder).filter((e) => e.kind === 'bundle');
  const files = entries.map((e) => e.file);
  if (files.length === 0) return;
  const bundles: Bundle[] = [];
  const pass = passphraseSource(ctx);
  for (const file of files) {
    try {
      bundles.push(await decodeBundle(readBundleBytes(file), file, { passphrase: () => pass.get(file) }));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      ctx.out.warn(ctx.t.sync.say.skipBroken(safeText(file), err.render(ctx.t)));
    }
  }
  if (bundles.length === 0) return;
  await mergeInto(ctx, bundles, { link: false, dryRun: false });
  const store = ctx.store();
  for (const g of listGroups(store)) setSyncFolder(store, g.id, folder);
}

export async function groupSyncFolder(ctx: Ctx, folder: string | undefined, opts: { group?: string; off?: boolean }): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  const t = ctx.t.sync.say;
  if (opts.off) {
    setSyncFolder(store, group.id, null);
    ctx.out.success(t.folderCleared(safeText(group.name)));
    return;
  }
  if (folder === undefined) {
    ctx.out.line(group.syncFolder ? t.folderSet(safeText(group.name), safeText(group.syncFolder)) : t.folderNone(safeText(group.name)));
    return;
  }
  const abs = resolve(folder);
  scanFolder(abs);
  setSyncFolder(store, group.id, abs);
  ctx.out.success(t.folderSet(safeText(group.name), safeText(abs)));
  ctx.out.line(t.folderHint);
}

/**
 * For `start`: when the group has a shared folder and someone is at the keyboard, ask
 * whether to sync now. A sync that fails is reported in one line and never stops the meeting.
 */
export async function offerSync(ctx: Ctx, group: Group, moment: 'before' | 'after'): Promise<SyncResult | null> {
  if (!group.syncFolder || !ctx.interactive) return null;
  const ask = moment === 'before' ? ctx.t.sync.ask.syncBefore : ctx.t.sync.ask.syncAfter;
  if (!(await ctx.prompt.confirm({ message: ask(safeText(group.syncFolder)), default: true }))) return null;
  try {
    return await syncGroup(ctx, group);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    ctx.out.warn(err.render(ctx.t));
    return null;
  }
}
