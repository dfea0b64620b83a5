import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { UserError } from '../errors.js';
import { cleanName, nameKey, safeText } from '../domain/names.js';
import { emptySummary, mergeRow, nothingNewCheck, type Loser, type MergeSummary, type Row, type Value } from '../domain/merge.js';
import type { Store } from './store.js';
import { BULK_ROWS, dropIndexesOfEmpty } from './bulk-indexes.js';
import { deferListTriggers, LIST_SOURCES, type DeferredLists } from './meeting-lists.js';
import type { Bundle } from './bundle-file.js';
import { BUNDLE_TABLES, TABLES, isContentField, type BundleTable, type TableSpec } from './bundle-tables.js';

// Import is one transaction over any number of bundles: rows match by UUID only, the
// newer version wins (updated_at, then device_id), and a value that loses against a
// version from another device is written to the edit history. Importing the same
// bundles again, or in another order, gives the same database.

const LINK_PREFIX = 'sync.link.';
/** How a row counts in the summary: as a meeting, as part of one (by meeting_id), or as something else. */
const COUNTED_AS: Record<BundleTable, 'meeting' | 'part' | 'other'> = {
  groups: 'other',
  members: 'other',
  meetings: 'meeting',
  planned_meetings: 'other',
  cases: 'other',
  attendance: 'part',
  meeting_cases: 'part',
  egt_scores: 'part',
  phase_runs: 'part',
  pauses: 'part',
  notes: 'part',
  action_points: 'other',
  edits: 'other',
};
/** Rows looked up in the database at a time. */
const CHUNK = 2000;

/** A group or member that exists here under the same name but with another identity. */
export interface NameClash {
  kind: 'group' | 'member';
  name: string;
  /** The id in the bundle. */
  foreignId: string;
  /** The id on this laptop it would be linked to. */
  localId: string;
  /** For a member: the name of the group. */
  groupName?: string;
  /** For a member: the id here of the group it would belong to. */
  groupId?: string;
}

/** Links made earlier: an id from another laptop that means a group or member here. */
export function loadLinks(store: Store): Map<string, string> {
  const rows = store.db.prepare('SELECT key, value FROM meta WHERE key >= ? AND key < ?').all(LINK_PREFIX, `${LINK_PREFIX}\uffff`) as {
    key: string;
    value: string;
  }[];
  return new Map(rows.map((r) => [r.key.slice(LINK_PREFIX.length), r.value]));
}

/** Groups and members in these bundles that would collide by name with different ones here. Reads only. */
export function findNameClashes(store: Store, bundles: readonly Bundle[]): NameClash[] {
  const links = loadLinks(store);
  const groupById = new Map<string, { name: string; key: string }>();
  const groupByKey = new Map<string, string>();
  for (const g of store.db.prepare('SELECT id, name, name_key FROM groups').all() as { id: string; name: string; name_key: string }[]) {
    groupById.set(g.id, { name: g.name, key: g.name_key });
    groupByKey.set(g.name_key, g.id);
  }
  const memberIds = new Set<string>();
  const memberByKey = new Map<string, string>();
  for (const m of store.db.prepare('SELECT id, group_id, name_key FROM members').all() as { id: string; group_id: string; name_key: string }[]) {
    memberIds.add(m.id);
    memberByKey.set(`${m.group_id}\u0000${m.name_key}`, m.id);
  }

  const clashes: NameClash[] = [];
  const seen = new Set<string>();
  for (const bundle of bundles) {
    for (const g of bundle.data.groups) {
      const id = String(g['id']);
      const key = nameKey(String(g['name']));
      if (groupById.has(id) || links.has(id) || seen.has(id)) continue;
      const local = groupByKey.get(key);
      if (local !== undefined && local !== id) {
        clashes.push({ kind: 'group', name: String(g['name']), foreignId: id, localId: local });
        links.set(id, local);
      } else {
        groupById.set(id, { name: String(g['name']), key });
        groupByKey.set(key, id);
      }
      seen.add(id);
    }
    for (const m of bundle.data.members) {
      const id = String(m['id']);
      if (memberIds.has(id) || links.has(id) || seen.has(id)) continue;
      const groupId = links.get(String(m['group_id'])) ?? String(m['group_id']);
      const slot = `${groupId}\u0000${nameKey(String(m['name']))}`;
      const local = memberByKey.get(slot);
      if (local !== undefined && local !== id) {
        clashes.push({ kind: 'member', name: String(m['name']), foreignId: id, localId: local, groupName: groupById.get(groupId)?.name ?? '', groupId });
        links.set(id, local);
      } else {
        memberIds.add(id);
        memberByKey.set(slot, id);
      }
      seen.add(id);
    }
  }
  return clashes;
}

export interface ImportOptions {
  /** Name clashes the user agreed to link (every clash must be in here). */
  links: readonly NameClash[];
  dryRun: boolean;
}

export interface ImportResult extends MergeSummary {
  /** Bundles that were read, for the summary. */
  bundles: number;
}

class DryRunRollback extends Error {}

interface Statements {
  insert: Statement;
  update: Statement;
  /** Bound in this order, positionally: every travelling column but id, [name_key,] id. */
  columns: string[];
  named: boolean;
  params: unknown[];
}

/** Import bundles in one transaction; with dryRun everything is computed and then rolled back. */
export function importBundles(store: Store, bundles: readonly Bundle[], o: ImportOptions): ImportResult {
  const pending = findNameClashes(store, bundles);
  const agreed = new Set(o.links.map((l) => l.foreignId));
  const refused = pending.find((c) => !agreed.has(c.foreignId));
  if (refused) {
    const name = safeText(refused.name);
    throw new UserError((t) => (refused.kind === 'group' ? t.sync.err.groupClash(name) : t.sync.err.memberClash(name)));
  }

  let result: ImportResult | null = null;
  try {
    store.tx(() => {
      // References are checked once, at commit, so rows may arrive in any order within the bundle.
      store.db.pragma('defer_foreign_keys = ON');
      for (const link of o.links) store.setMeta(LINK_PREFIX + link.foreignId, link.localId);
      result = new Importer(store).run(bundles);
      if (o.dryRun) {
        const broken = store.db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new UserError((t) => t.sync.err.incomplete);
        throw new DryRunRollback();
      }
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return result!;
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new UserError((t) => t.sync.err.incomplete);
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new UserError((t) => t.sync.err.constraint);
    }
    throw err;
  }
  return result!;
}

class Importer {
  private readonly statements = new Map<string, Statements>();
  private readonly meetingState = new Map<string, 'added' | 'updated' | 'unchanged'>();
  private readonly summary = emptySummary();
  private readonly losers: { table: string; rowId: string; loser: Loser }[] = [];
  private readonly conflictRows = new Set<string>();
  private readonly links: Map<string, string>;
  /** Whether to set the meetings' lists once at the end rather than row by row (see write). */
  private deferLists = false;
  private lists: DeferredLists | null = null;

  constructor(private readonly store: Store) {
    this.links = loadLinks(store);
  }

  run(bundles: readonly Bundle[]): ImportResult {
    const big = BUNDLE_TABLES.filter((table) => bundles.reduce((n, b) => n + (b.data[table]?.length ?? 0), 0) >= BULK_ROWS);
    const restoreIndexes = dropIndexesOfEmpty(this.store.db, big);
    this.deferLists = LIST_SOURCES.reduce((n, table) => n + bundles.reduce((m, b) => m + (b.data[table as BundleTable]?.length ?? 0), 0), 0) >= BULK_ROWS;
    for (const bundle of bundles) {
      for (const table of BUNDLE_TABLES) this.mergeTable(TABLES[table], bundle.data[table] ?? []);
    }
    restoreIndexes();
    // After the indexes: setting the lists looks the rows up by meeting.
    this.lists?.finish();
    this.recordLosers();
    for (const state of this.meetingState.values()) {
      if (state === 'added') this.summary.meetingsAdded++;
      else if (state === 'updated') this.summary.meetingsUpdated++;
      else this.summary.meetingsUnchanged++;
    }
    return { ...this.summary, bundles: bundles.length };
  }

  private stmts(spec: TableSpec): Statements {
    let s = this.statements.get(spec.name);
    if (!s) {
      const named = spec.name === 'groups' || spec.name === 'members';
      const columns = spec.columns.map((c) => c.name).filter((c) => c !== 'id');
      const cols = named ? [...columns, 'name_key'] : columns;
      const verb = spec.appendOnly ? 'INSERT OR IGNORE' : 'INSERT';
      const insert = this.store.db.prepare(
        `${verb} INTO "${spec.name}" (${[...cols, 'id'].map((c) => `"${c}"`).join(', ')}) VALUES (${[...cols, 'id'].map(() => '?').join(', ')})`,
      );
      const update = this.store.db.prepare(`UPDATE "${spec.name}" SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`);
      s = { insert, update, columns, named, params: new Array<unknown>(cols.length + 1) };
      this.statements.set(spec.name, s);
    }
    return s;
  }

  /** Rewrite references to linked groups and members to the ids used here. */
  private relink(spec: TableSpec, row: Row): Row {
    if (this.links.size === 0) return row;
    for (const c of [...spec.groupRefs, ...spec.memberRefs]) {
      const v = row[c];
      if (typeof v === 'string' && this.links.has(v)) row[c] = this.links.get(v)!;
    }
    for (const c of spec.memberListRefs ?? []) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      try {
        const ids = JSON.parse(v) as unknown;
        if (Array.isArray(ids) && ids.some((x) => typeof x === 'string' && this.links.has(x))) {
          row[c] = JSON.stringify(ids.map((x) => (typeof x === 'string' ? (this.links.get(x) ?? x) : x)));
        }
      } catch {
        // not a list of ids: leave the value as it came
      }
    }
    return row;
  }

  /** The rows here with the ids of rows[from..to) (and maybe a few more), as values in the order of spec.columns. */
  private loadLocal(spec: TableSpec, rows: readonly Row[], from: number, to: number): Lookup {
    const ids = new Array<string>(to - from);
    let low = rows[from]!['id'] as string;
    let high = low;
    let ordered = true;
    for (let n = from; n < to; n++) {
      const id = rows[n]!['id'] as string;
      if (n > from && id < ids[n - from - 1]!) ordered = false;
      ids[n - from] = id;
      if (id < low) low = id;
      else if (id > high) high = id;
    }
    const db = this.store.db;
    const cols = spec.columns.map((c) => `"${c.name}"`).join(', ');
    // A bundle's rows come sorted by id, so a chunk usually covers a range of ids that holds
    // little else here: reading that range is cheaper than looking up each id. When the range
    // holds many other rows (a small bundle in a big database), each id is looked up instead.
    // Ids are ASCII (bundle-file.ts refuses others), where JS and SQLite order text alike, so
    // the range holds every id of the chunk.
    const inRange = db.prepare(`SELECT count(*) FROM "${spec.name}" WHERE id BETWEEN ? AND ?`).pluck().get(low, high) as number;
    // Arrays rather than objects: reading a bundle again looks up every row it holds.
    if (inRange <= 2 * ids.length) {
      const local = db.prepare(`SELECT ${cols} FROM "${spec.name}" WHERE id BETWEEN ? AND ? ORDER BY id`).raw(true).all(low, high) as Value[][];
      // Both in id order: walked side by side, without a map.
      if (ordered && inOrder(local)) return new SortedLookup(local);
      return mapLookup(local);
    }
    return mapLookup(
      db.prepare(`SELECT ${cols} FROM "${spec.name}" WHERE id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(ids)) as Value[][],
    );
  }

  private mergeTable(spec: TableSpec, incoming: readonly Row[]): void {
    if (incoming.length === 0) return;
    // A linked group or member keeps its settings here; only the references are rewritten.
    // Incoming rows are never changed in place: they may be the parsed file's own objects.
    const rows = this.links.size === 0 ? incoming : incoming.filter((r) => !this.links.has(String(r['id']))).map((r) => this.relink(spec, { ...r }));
    const content = new Set(spec.content);
    const mergeSpec = spec.purgeFlag ? { content, purgeFlag: spec.purgeFlag } : { content };
    const columns = spec.columns.map((c) => c.name);
    // The edit history has no versions: its rows are only ever added.
    const nothingNew = spec.appendOnly ? () => false : nothingNewCheck(columns, mergeSpec);
    const asRow = (values: Value[]): Row => {
      const row: Row = {};
      for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i]!;
      return row;
    };
    const named = spec.name === 'groups' || spec.name === 'members';
    const values = (row: Row): Value[] => columns.map((c) => row[c] ?? null);
    // On a new laptop the table is empty: nothing to look up but the rows this import wrote.
    const empty = this.store.db.prepare(`SELECT 1 FROM "${spec.name}" LIMIT 1`).get() === undefined;
    // Rows written by this call, as written: a row may come twice (from two bundles, or twice in one).
    let written = new Map<string, Row>();
    // The rows here are read a chunk at a time and dropped after it, so a big bundle never
    // holds a second copy of every row in memory.
    for (let from = 0; from < rows.length; from += CHUNK) {
      const to = Math.min(rows.length, from + CHUNK);
      // Rows written before this chunk are in the database, so the lookup finds them.
      const local: Lookup = empty ? new Map<string, Value[]>() : this.loadLocal(spec, rows, from, to);
      if (!empty) written = new Map();
      for (let n = from; n < to; n++) {
        const row = rows[n]!;
        const id = row['id'] as string;
        if (named) this.checkName(row);
        const again = written.get(id);
        const mine = again === undefined ? local.get(id) : values(again);
        if (spec.appendOnly) {
          if (mine === undefined) {
            this.write(spec, 'insert', row);
            written.set(id, row);
            this.summary.otherAdded++;
          }
          continue;
        }
        // Reading a bundle again is the common case: most rows are versions we already have.
        if (mine !== undefined && nothingNew(mine, row)) {
          this.count(spec.name, row, 'same');
          continue;
        }
        const outcome = mergeRow(mine === undefined ? null : asRow(mine), row, mergeSpec);
        if (outcome.action !== 'same') {
          this.write(spec, outcome.action, outcome.row, mine);
          written.set(id, outcome.row);
        }
        for (const loser of outcome.losers) this.losers.push({ table: spec.name, rowId: id, loser });
        this.count(spec.name, row, outcome.action);
      }
    }
  }

  private checkName(row: Row): void {
    const name = String(row['name']);
    let clean: string | null = null;
    try {
      clean = cleanName(name, 'field');
    } catch {
      clean = null;
    }
    if (clean !== name) throw new UserError((t) => t.sync.err.badName);
  }

  /** Write one row; `before` is the row here as it was (values in the order of spec.columns). */
  private write(spec: TableSpec, action: 'insert' | 'update', row: Row, before?: Value[]): void {
    // Many attendance or case rows: the list triggers would rewrite a meeting row for each.
    // Switched off at the first write only, so reading a bundle again changes not even the schema.
    if (this.deferLists && this.lists === null) this.lists = deferListTriggers(this.store.db);
    if (this.lists !== null && LIST_SOURCES.includes(spec.name)) {
      // The row's meeting now, and the one it may have left.
      this.lists.touch(row['meeting_id']);
      if (before !== undefined) this.lists.touch(before[spec.columns.findIndex((c) => c.name === 'meeting_id')]);
    }
    const s = this.stmts(spec);
    const cols = s.columns;
    // One array per table, filled again for every row: the statement binds it at once.
    const params = s.params;
    let n = 0;
    for (; n < cols.length; n++) params[n] = row[cols[n]!] ?? null;
    if (s.named) params[n++] = nameKey(String(row['name']));
    params[n] = row['id'];
    (action === 'insert' ? s.insert : s.update).run(params);
  }

  private count(table: BundleTable, row: Row, action: 'insert' | 'update' | 'same'): void {
    const kind = COUNTED_AS[table];
    const meetingId = kind === 'meeting' ? (row['id'] as string) : kind === 'part' && typeof row['meeting_id'] === 'string' ? row['meeting_id'] : null;
    if (meetingId === null) {
      if (action === 'insert') this.summary.otherAdded++;
      else if (action === 'update') this.summary.otherUpdated++;
      return;
    }
    const before = this.meetingState.get(meetingId);
    if (before === 'added') return;
    const now = kind === 'meeting' && action === 'insert' ? 'added' : action === 'same' ? 'unchanged' : 'updated';
    if (before === now || (before === 'updated' && now === 'unchanged')) return;
    this.meetingState.set(meetingId, now);
  }

  /**
   * Losing values from another device go into the edit history, unless the history
   * already shows that value being replaced (an edit made with `log --edit` after
   * seeing it is an ordinary change, not a conflict). Case content never goes in.
   * The id is derived from the losing version, so every laptop writes the same row.
   */
  private recordLosers(): void {
    const candidates = this.losers.filter((l) => !isContentField(l.table, l.loser.field));
    if (candidates.length === 0) return;
    const known = new Set<string>();
    const rowIds = [...new Set(candidates.map((l) => l.rowId))];
    const history = this.store.db
        .prepare('SELECT table_name, row_id, field, old_value FROM edits WHERE row_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(rowIds)) as { table_name: string; row_id: string; field: string; old_value: string | null }[];
    for (const h of history) known.add(`${h.table_name}\u0000${h.row_id}\u0000${h.field}\u0000${h.old_value ?? '\u0001null'}`);
    const insert = this.store.db.prepare(
      `INSERT OR IGNORE INTO edits (id, table_name, row_id, field, old_value, new_value, reason, edited_by, edited_at, device_id)
       VALUES (?, ?, ?, ?, ?, NULL, 'sync-conflict', NULL, ?, ?)`,
    );
    for (const { table, rowId, loser } of candidates) {
      const value = loser.value === null ? null : String(loser.value);
      const key = `${table}\u0000${rowId}\u0000${loser.field}\u0000${value ?? '\u0001null'}`;
      if (known.has(key)) continue;
      known.add(key);
      const id = loserId(table, rowId, loser);
      const r = insert.run(id, table, rowId, loser.field, value, loser.updated_at, loser.device_id);
      if (r.changes > 0) this.conflictRows.add(`${table}:${rowId}`);
    }
    this.summary.conflicts = this.conflictRows.size;
  }
}

/** The local rows of one chunk, by id. */
interface Lookup {
  get(id: string): Value[] | undefined;
}

function mapLookup(rows: Value[][]): Lookup {
  const map = new Map<string, Value[]>();
  for (const r of rows) map.set(r[0] as string, r);
  return map;
}

function inOrder(rows: Value[][]): boolean {
  for (let i = 1; i < rows.length; i++) if ((rows[i]![0] as string) <= (rows[i - 1]![0] as string)) return false;
  return true;
}

/** Rows in id order, asked for in id order: one pass over both. */
class SortedLookup implements Lookup {
  private at = 0;

  constructor(private readonly rows: Value[][]) {}

  get(id: string): Value[] | undefined {
    while (this.at < this.rows.length && (this.rows[this.at]![0] as string) < id) this.at++;
    const row = this.rows[this.at];
    return row !== undefined && row[0] === id ? row : undefined;
  }
}

/** A UUID-shaped id derived from the losing version, the same on every laptop. */
function loserId(table: string, rowId: string, l: Loser): string {
  const h = createHash('sha256')
    .update(JSON.stringify([table, rowId, l.field, l.value, l.updated_at, l.device_id]))
    .digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
