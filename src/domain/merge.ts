// Pure merge decisions for rows that travel between laptops in bundles.
//
// Every travelling row carries (updated_at, device_id). Two versions of one row (same
// UUID) are ordered by updated_at, then by device_id as a tie-break, so every laptop
// picks the same winner whatever order the bundles arrive in. A field that is absent
// from a version (case content left out of a default bundle) is "not known" there and
// never overwrites a value that is known.

export type Value = string | number | null;
export type Row = Record<string, Value>;

export interface Stamp {
  updated_at: string;
  device_id: string;
}

/** Fields that describe the version itself, not the data. */
const STAMP_FIELDS = new Set(['id', 'created_at', 'updated_at', 'device_id']);

/** A value that lost: kept in the edit history so no information disappears. */
export interface Loser {
  field: string;
  value: Value;
  updated_at: string;
  device_id: string;
}

export interface MergeSpec {
  /** Confidential fields: merged like the others, but a losing value is never copied into the history. */
  content?: ReadonlySet<string>;
  /** When the winning version has this field set, the content fields are cleared (purged on some laptop). */
  purgeFlag?: string;
}

export type MergeAction = 'insert' | 'update' | 'same';

export interface MergeOutcome {
  action: MergeAction;
  /** The row as it should be stored (only meaningful for insert and update). */
  row: Row;
  /** Losing values from another device, for the edit history. */
  losers: Loser[];
}

export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.updated_at !== b.updated_at) return a.updated_at < b.updated_at ? -1 : 1;
  if (a.device_id !== b.device_id) return a.device_id < b.device_id ? -1 : 1;
  return 0;
}

function stampOf(row: Row): Stamp {
  return { updated_at: String(row['updated_at']), device_id: String(row['device_id']) };
}

/** A total order on values, so equal-stamp disagreements resolve the same everywhere. */
function valueRank(v: Value): string {
  return v === null ? '' : `${typeof v}:${String(v)}`;
}

/**
 * Merge an incoming version into the local one (null: not present here yet).
 * Commutative and idempotent for versions that carry the same set of fields:
 * merging A then B gives the same row as B then A.
 */
export function mergeRow(local: Row | null, incoming: Row, spec: MergeSpec = {}): MergeOutcome {
  // The incoming row itself when nothing is purged: a first import inserts every row, and
  // neither side is ever changed in place.
  if (local === null) return { action: 'insert', row: purges(incoming, spec) ? applyPurge({ ...incoming }, spec) : incoming, losers: [] };
  const c = compareStamps(stampOf(incoming), stampOf(local));
  const fields = Object.keys(incoming).filter((f) => !STAMP_FIELDS.has(f));
  const crossDevice = incoming['device_id'] !== local['device_id'];

  if (c === 0) {
    // The same version, possibly with fields one side did not carry: fill in what is missing.
    const row: Row = { ...local };
    let changed = false;
    for (const f of fields) {
      const mine = local[f] ?? null;
      const theirs = incoming[f] ?? null;
      if (mine === theirs || theirs === null) continue;
      if (mine === null || valueRank(theirs) > valueRank(mine)) {
        row[f] = theirs;
        changed = true;
      }
    }
    // A purge on either side (purged_at set, stamps untouched) keeps the content away.
    const purged = changed || spec.purgeFlag ? applyPurge(row, spec) : row;
    const differs = Object.keys(purged).some((f) => (purged[f] ?? null) !== (local[f] ?? null));
    return { action: differs ? 'update' : 'same', row: purged, losers: [] };
  }

  const [winner, loser] = c > 0 ? [incoming, local] : [local, incoming];
  const differing = fields.filter((f) => (local[f] ?? null) !== (incoming[f] ?? null));
  const losers: Loser[] = crossDevice
    ? differing
        .filter((f) => !spec.content?.has(f))
        .map((f) => ({ field: f, value: loser[f] ?? null, ...stampOf(loser) }))
    : [];

  if (c < 0) return { action: 'same', row: local, losers };

  const row: Row = { ...local };
  for (const f of Object.keys(winner)) row[f] = winner[f] ?? null;
  const purged = applyPurge(row, spec);
  const changed = Object.keys(purged).some((f) => (purged[f] ?? null) !== (local[f] ?? null));
  return { action: changed ? 'update' : 'same', row: purged, losers };
}

/**
 * A check for "merging this incoming version into the local row would change nothing and
 * lose nothing": the same version, carrying no field the local row lacks. mergeRow answers
 * 'same' for it too, but only after copying the row; this is the common case of a bundle
 * read again, so it is checked on the local row as read (its values in `columns` order).
 * The incoming row may carry only fields in `columns`.
 */
export function nothingNewCheck(columns: readonly string[], spec: MergeSpec = {}): (local: readonly Value[], incoming: Row) => boolean {
  const updatedAt = columns.indexOf('updated_at');
  const deviceId = columns.indexOf('device_id');
  const purge = spec.purgeFlag === undefined ? -1 : columns.indexOf(spec.purgeFlag);
  const content = [...(spec.content ?? [])].map((f) => columns.indexOf(f)).filter((i) => i >= 0);
  if (updatedAt < 0 || deviceId < 0) throw new Error('nothingNewCheck needs the stamp columns');
  return (local, incoming) => {
    if (local[updatedAt] !== incoming['updated_at'] || local[deviceId] !== incoming['device_id']) return false;
    for (let i = 0; i < columns.length; i++) {
      const theirs = incoming[columns[i]!];
      if (theirs !== undefined && theirs !== null && theirs !== local[i]) return false;
    }
    // A purged row with content still present here would be cleared by mergeRow.
    if (purge >= 0 && local[purge] !== null && local[purge] !== undefined) {
      for (const i of content) if (local[i] !== null && local[i] !== undefined) return false;
    }
    return true;
  };
}

function purges(row: Row, spec: MergeSpec): boolean {
  return spec.purgeFlag !== undefined && row[spec.purgeFlag] !== null && row[spec.purgeFlag] !== undefined;
}

function applyPurge(row: Row, spec: MergeSpec): Row {
  if (!purges(row, spec)) return row;
  for (const f of spec.content ?? []) if (f in row) row[f] = null;
  return row;
}

/** Counts for the summary a person sees after an import. */
export interface MergeSummary {
  meetingsAdded: number;
  meetingsUpdated: number;
  meetingsUnchanged: number;
  conflicts: number;
  otherAdded: number;
  otherUpdated: number;
}

export function emptySummary(): MergeSummary {
  return { meetingsAdded: 0, meetingsUpdated: 0, meetingsUnchanged: 0, conflicts: 0, otherAdded: 0, otherUpdated: 0 };
}
