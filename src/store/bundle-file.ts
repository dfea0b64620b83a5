import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { UserError } from '../errors.js';
import { safeText } from '../domain/names.js';
import type { Row } from '../domain/merge.js';
import { BUNDLE_TABLES, TABLES, type BundleTable, type ColumnSpec } from './bundle-tables.js';

// The bundle file: see docs/bundle-format.md. Reading is strict: anything that is not
// exactly a bundle this version understands is refused with one line, before the
// database is touched.

export const BUNDLE_FORMAT = 'intervisie-bundle';
export const BUNDLE_VERSION = 1;

export interface BundleMeta {
  device_id: string;
  exported_at: string;
  app_version: string;
  group_id: string;
  since: string | null;
  with_cases: boolean;
}

export type BundleData = Record<BundleTable, Row[]>;

export interface Bundle {
  meta: BundleMeta;
  data: BundleData;
}

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Key-sorted copies serialised natively are several times faster than the plain recursion
  // below on a bundle of thousands of rows (it dominated import time); rows of one table share
  // one key order, so each order is sorted once. Where the native serializer could give other
  // bytes (integer-like keys, which JS itself puts first; "__proto__"; toJSON; functions) the plain
  // recursion decides.
  const copy = sortedCopy(value, { keys: [], sorted: [], inOrder: true });
  return copy === UNUSUAL ? canonicalJsonPlain(value) : JSON.stringify(copy);
}

const INDEX_LIKE = /^(0|[1-9]\d*)$/;
const UNUSUAL = Symbol('unusual');

interface KeyOrder {
  keys: string[];
  sorted: string[];
  /** The keys already come in sorted order. */
  inOrder: boolean;
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A copy with sorted keys, or the value itself when it is canonical already (an exported
 * row: its columns are read in sorted order), so a big bundle is not copied row by row.
 */
function sortedCopy(v: unknown, last: KeyOrder): unknown {
  if (v === null) return v;
  const type = typeof v;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined') return v;
  if (type !== 'object') return UNUSUAL;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const x = item === null || typeof item === 'string' || typeof item === 'number' ? item : sortedCopy(item, last);
      if (x === UNUSUAL) return UNUSUAL;
      if (x !== item && out === null) out = v.slice(0, i);
      if (out !== null) out.push(x === undefined ? null : x);
    }
    return out ?? v;
  }
  const obj = v as Record<string, unknown>;
  if (typeof obj['toJSON'] === 'function') return UNUSUAL;
  const keys = Object.keys(obj);
  if (!sameKeys(keys, last.keys)) {
    // An own "__proto__" (JSON.parse makes one) would set the copy's prototype instead.
    if (keys.some((k) => INDEX_LIKE.test(k) || k === '__proto__')) return UNUSUAL;
    last.keys = keys;
    last.sorted = [...keys].sort();
    last.inOrder = sameKeys(keys, last.sorted);
  }
  const sorted = last.sorted;
  const inOrder = last.inOrder;
  let out: Record<string, unknown> | null = inOrder ? null : {};
  for (let i = 0; i < sorted.length; i++) {
    const k = sorted[i]!;
    const raw = obj[k];
    // Rows hold only strings, numbers and nulls: no call per value.
    let x: unknown = raw;
    if (raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
      x = sortedCopy(raw, last);
      if (x === UNUSUAL) return UNUSUAL;
    }
    if (out === null && x !== raw) {
      // In order, but a nested value had to be copied: copy this object from here on.
      out = {};
      for (let j = 0; j < i; j++) out[sorted[j]!] = obj[sorted[j]!];
    }
    if (out !== null) out[k] = x;
  }
  return out ?? obj;
}

function canonicalJsonPlain(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJsonPlain).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJsonPlain(obj[k])}`).join(',')}}`;
}

/**
 * `sha256:` + hex SHA-256 of the canonical JSON of {format, version, meta, data}. The keys
 * of that object sort as data, format, meta, version, so the text is hashed in pieces
 * around the canonical data (given when the caller has it already) without joining it
 * into one more string of the bundle's size.
 */
export function checksumOf(bundle: { meta: unknown; data?: unknown }, canonicalData: string | Buffer = canonicalJson(bundle.data)): string {
  return `sha256:${createHash('sha256')
    .update('{"data":')
    .update(canonicalData)
    .update(`,"format":${JSON.stringify(BUNDLE_FORMAT)},"meta":${canonicalJson(bundle.meta)},"version":${BUNDLE_VERSION}}`, 'utf8')
    .digest('hex')}`;
}

/**
 * The plain (unencrypted) file text. `data` is written in its canonical form (tables and
 * columns in sorted order): the bytes are the same JSON values, and a reader can check
 * the checksum without copying every row into sorted order first.
 */
export function encodePlain(bundle: Bundle): string {
  const data = canonicalJson(bundle.data);
  const head = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, checksum: checksumOf(bundle, data), meta: bundle.meta };
  return `${JSON.stringify(head).slice(0, -1)},"data":${data}}\n`;
}

/**
 * Does this existing plain bundle file hold the same data as the new file text (both as
 * encodePlain writes them)? Checked on the bytes: the same data text, a checksum that holds
 * for it, the same laptop and group, no case content. False means "not known to be the
 * same": the caller then reads the file the long way. Sync asks this on every run, so an
 * unchanged folder costs a comparison, not a second import of its own file.
 */
export function holdsSameData(existing: Buffer, text: string): boolean {
  const at = text.indexOf(',"data":');
  if (at < 0) return false;
  const tail = Buffer.from(text.slice(at), 'utf8');
  if (existing.length <= tail.length || existing.compare(tail, 0, tail.length, existing.length - tail.length) !== 0) return false;
  let head: { format?: unknown; version?: unknown; checksum?: unknown; meta?: Partial<BundleMeta> };
  let mine: { meta: Partial<BundleMeta> };
  try {
    head = JSON.parse(`${existing.toString('utf8', 0, existing.length - tail.length)}}`) as typeof head;
    mine = JSON.parse(`${text.slice(0, at)}}`) as typeof mine;
  } catch {
    return false;
  }
  const meta = head.meta;
  if (head.format !== BUNDLE_FORMAT || head.version !== BUNDLE_VERSION || meta === null || typeof meta !== 'object') return false;
  if (meta.with_cases !== false || meta.device_id !== mine.meta.device_id || meta.group_id !== mine.meta.group_id) return false;
  // The data text runs from after ,"data": to the closing brace and newline of the document.
  const data = tail.subarray(8, tail.length - 2);
  return head.checksum === checksumOf({ meta }, data);
}

// scrypt cost: about 0.1 s and 32 MiB on a laptop; the limits refuse files that would make us spin.
const SCRYPT = { N: 1 << 15, r: 8, p: 1 };
const SCRYPT_MAX_N = 1 << 20;
const CHECK_LABEL = 'intervisie passphrase check';

function deriveKeys(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { ...p, maxmem: 256 * p.N * p.r + 1024 * 1024 }, (err, out) => {
      if (err) reject(err);
      else resolve({ key: out.subarray(0, 32), check: createHmac('sha256', out.subarray(32)).update(CHECK_LABEL).digest() });
    });
  });
}

/** Encrypted file text: AES-256-GCM over the plain bundle, key from the passphrase via scrypt. */
export async function encodeEncrypted(bundle: Bundle, passphrase: string): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, SCRYPT);
  const header = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    meta: { device_id: bundle.meta.device_id, exported_at: bundle.meta.exported_at, group_id: bundle.meta.group_id, with_cases: true },
    encryption: {
      cipher: 'aes-256-gcm',
      kdf: 'scrypt',
      ...SCRYPT,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      check: check.toString('base64'),
    },
  };
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(canonicalJson(header), 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(encodePlain(bundle), 'utf8'), cipher.final()]);
  const doc = { ...header, ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
  return `${JSON.stringify(doc)}\n`;
}

/** What can be read from a file's outside without a passphrase (sync needs the device id). */
export interface BundleHeader {
  device_id: string;
  group_id: string;
  exported_at: string;
  encrypted: boolean;
}

type Parsed = { kind: 'plain'; doc: Record<string, unknown> } | { kind: 'encrypted'; doc: Record<string, unknown> };

// The few header fields are checked by hand: a schema library costs more to load (about 100
// modules) than every other part of an import of a small bundle.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
const isB64 = (v: unknown): v is string => typeof v === 'string' && B64.test(v);

interface EncryptedDoc {
  meta: { device_id: string; exported_at: string; group_id: string; with_cases: true };
  encryption: { cipher: 'aes-256-gcm'; kdf: 'scrypt'; N: number; r: number; p: number; salt: string; iv: string; check: string };
  ciphertext: string;
  tag: string;
}

/** The encrypted document's fields, and only those (the header they make is authenticated); null when one is off. */
function encryptedDoc(doc: Obj): EncryptedDoc | null {
  const { meta: m, encryption: e, ciphertext, tag } = doc;
  if (!isObj(m) || !isObj(e) || !isB64(ciphertext) || !isB64(tag)) return null;
  const { device_id, exported_at, group_id, with_cases } = m;
  if (!isText(device_id, 1, 100) || typeof exported_at !== 'string' || !isText(group_id, 1, 100) || with_cases !== true) return null;
  const { cipher, kdf, N, r, p, salt, iv, check } = e;
  if (cipher !== 'aes-256-gcm' || kdf !== 'scrypt' || !isInt(N, 1024, SCRYPT_MAX_N) || !isInt(r, 1, 32) || !isInt(p, 1, 4)) return null;
  if (!isB64(salt) || !isB64(iv) || !isB64(check)) return null;
  return {
    meta: { device_id, exported_at, group_id, with_cases },
    encryption: { cipher, kdf, N, r, p, salt, iv, check },
    ciphertext,
    tag,
  };
}

/** Parse the outer document: format, version, plain or encrypted. Throws one-line UserErrors. */
function parseOuter(text: string, file: string): Parsed {
  const shown = safeText(file);
  if (text.trim() === '') throw new UserError((t) => t.sync.err.empty(shown));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    // Our files start with this; a cut-off one is damaged, anything else is foreign.
    if (text.trimStart().startsWith(`{"format":"${BUNDLE_FORMAT}"`)) throw new UserError((t) => t.sync.err.damaged(shown));
    throw new UserError((t) => t.sync.err.notBundle(shown));
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new UserError((t) => t.sync.err.notBundle(shown));
  const obj = doc as Record<string, unknown>;
  if (obj['format'] !== BUNDLE_FORMAT) throw new UserError((t) => t.sync.err.notBundle(shown));
  const version = obj['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new UserError((t) => t.sync.err.damaged(shown));
  if (version !== BUNDLE_VERSION) throw new UserError((t) => t.sync.err.wrongVersion(shown, version, BUNDLE_VERSION));
  return 'encryption' in obj ? { kind: 'encrypted', doc: obj } : { kind: 'plain', doc: obj };
}

function headerOf(parsed: Parsed, file: string): BundleHeader {
  const meta = (parsed.doc['meta'] ?? {}) as Record<string, unknown>;
  const device = meta['device_id'];
  const group = meta['group_id'];
  if (typeof device !== 'string' || typeof group !== 'string') throw new UserError((t) => t.sync.err.damaged(safeText(file)));
  return { device_id: device, group_id: group, exported_at: String(meta['exported_at'] ?? ''), encrypted: parsed.kind === 'encrypted' };
}

export interface DecodeOptions {
  /** Asked only for an encrypted file. */
  passphrase: () => Promise<string>;
}

/** A bundle file parsed once: its header, and the rest on demand (sync looks at the header first). */
export interface OpenedBundle {
  header: BundleHeader;
  /** Decrypt, verify the checksum, validate every row. */
  decode(options: DecodeOptions): Promise<Bundle>;
}

/** Parse a bundle file (its text, or its bytes as read: then the checksum is taken over them as they are). */
export function openBundle(input: string | Buffer, file: string): OpenedBundle {
  const text = typeof input === 'string' ? input : input.toString('utf8');
  const outer = parseOuter(text, file);
  const header = headerOf(outer, file);
  return {
    header,
    decode: async (options) => {
      const shown = safeText(file);
      if (outer.kind === 'plain') return checked(outer.doc, { text, bytes: typeof input === 'string' ? null : input }, shown);
      const inner = await decrypt(outer.doc, shown, await options.passphrase());
      const innerText = inner.toString('utf8');
      const parsed = parseOuter(innerText, file);
      if (parsed.kind !== 'plain') throw new UserError((t) => t.sync.err.modified(shown));
      const outerMeta = outer.doc['meta'] as Record<string, unknown>;
      const innerMeta = (parsed.doc['meta'] ?? {}) as Record<string, unknown>;
      if (outerMeta['device_id'] !== innerMeta['device_id'] || outerMeta['group_id'] !== innerMeta['group_id']) {
        throw new UserError((t) => t.sync.err.modified(shown));
      }
      return checked(parsed.doc, { text: innerText, bytes: inner }, shown);
    },
  };
}

/** Read a bundle file completely: decrypt, verify the checksum, validate every row. */
export async function decodeBundle(input: string | Buffer, file: string, options: DecodeOptions): Promise<Bundle> {
  return openBundle(input, file).decode(options);
}

function checked(plain: Record<string, unknown>, source: { text: string; bytes: Buffer | null }, shown: string): Bundle {
  const meta = plain['meta'];
  const data = plain['data'];
  if (typeof plain['checksum'] !== 'string' || meta === undefined || data === undefined) {
    throw new UserError((t) => t.sync.err.damaged(shown));
  }
  if (plain['checksum'] !== checksumOfWritten(source, plain) && plain['checksum'] !== checksumOf({ meta, data })) {
    throw new UserError((t) => t.sync.err.modified(shown));
  }
  return validate(meta, data, shown);
}

const JSON_SPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * The checksum over the file's own text of `data`, when the file is laid out the way
 * encodePlain writes it (that text is then the canonical JSON, so nothing needs to be
 * serialised again); null when it is not. A match proves the text is what was exported:
 * the text is one JSON value running to the end of the document, so it can only hash
 * like the exported canonical data by being it, and it is what `data` was parsed from.
 * Anything else (a file written another way) is checked through canonicalJson.
 */
function checksumOfWritten(source: { text: string; bytes: Buffer | null }, doc: Record<string, unknown>): string | null {
  const { text, bytes } = source;
  const head = JSON.stringify({ format: doc['format'], version: doc['version'], checksum: doc['checksum'], meta: doc['meta'] });
  const prefix = `${head.slice(0, -1)},"data":`;
  if (!text.startsWith(prefix)) return null;
  let end = text.length;
  while (end > prefix.length && JSON_SPACE.has(text[end - 1]!)) end--;
  if (text[end - 1] !== '}') return null;
  // When every character is one byte (ASCII), the bytes as read are hashed without encoding the text again.
  const span = bytes !== null && bytes.length === text.length ? bytes.subarray(prefix.length, end - 1) : text.slice(prefix.length, end - 1);
  return checksumOf({ meta: doc['meta'] }, span);
}

async function decrypt(doc: Record<string, unknown>, shown: string, passphrase: string): Promise<Buffer> {
  const parsed = encryptedDoc(doc);
  if (parsed === null) throw new UserError((t) => t.sync.err.damaged(shown));
  const { encryption: enc, meta } = parsed;
  const salt = Buffer.from(enc.salt, 'base64');
  const { key, check } = await deriveKeys(passphrase, salt, { N: enc.N, r: enc.r, p: enc.p });
  const stored = Buffer.from(enc.check, 'base64');
  if (stored.length !== check.length || !timingSafeEqual(stored, check)) throw new UserError((t) => t.sync.err.wrongPassphrase(shown));
  const header = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, meta, encryption: enc };
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(enc.iv, 'base64'));
    decipher.setAAD(Buffer.from(canonicalJson(header), 'utf8'));
    decipher.setAuthTag(Buffer.from(parsed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(parsed.ciphertext, 'base64')), decipher.final()]);
  } catch {
    throw new UserError((t) => t.sync.err.modified(shown));
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The plain bundle's meta with only its known fields, in this order; null when one is off. */
function metaOf(m: unknown): BundleMeta | null {
  if (!isObj(m)) return null;
  const { device_id, exported_at, app_version, group_id, since, with_cases } = m;
  if (typeof device_id !== 'string' || !ID.test(device_id) || typeof exported_at !== 'string' || !ISO.test(exported_at)) return null;
  if (!isText(app_version, 0, 50) || typeof group_id !== 'string' || !ID.test(group_id)) return null;
  if ((since !== null && !isText(since, 0, 40)) || typeof with_cases !== 'boolean') return null;
  return { device_id, exported_at, app_version, group_id, since, with_cases };
}

function columnOk(c: ColumnSpec, v: unknown): boolean {
  if (v === null) return c.nullable;
  switch (c.type) {
    case 'text':
      return typeof v === 'string' && v.length <= 100_000;
    case 'int':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'real':
      return typeof v === 'number' && Number.isFinite(v);
  }
}

function pick(raw: Record<string, unknown>, columns: readonly ColumnSpec[]): Row {
  const row: Row = {};
  for (const c of columns) if (raw[c.name] !== undefined) row[c.name] = raw[c.name] as Row[string];
  return row;
}

// A hand loop rather than a schema per row: bundles of 10,000 meetings hold a few hundred
// thousand rows, and this check runs on every one of them.
function validate(metaRaw: unknown, dataRaw: unknown, shown: string): Bundle {
  const meta = metaOf(metaRaw);
  if (meta === null) throw new UserError((t) => t.sync.err.invalid(shown, 'meta'));
  if (dataRaw === null || typeof dataRaw !== 'object' || Array.isArray(dataRaw)) throw new UserError((t) => t.sync.err.invalid(shown, 'data'));
  const data = {} as BundleData;
  for (const table of BUNDLE_TABLES) {
    const spec = TABLES[table];
    const rows = (dataRaw as Record<string, unknown>)[table] ?? [];
    if (!Array.isArray(rows)) throw new UserError((t) => t.sync.err.invalid(shown, table));
    const out: Row[] = new Array<Row>(rows.length);
    const stampCols = spec.appendOnly ? ['edited_at'] : ['created_at', 'updated_at'];
    for (let n = 0; n < rows.length; n++) {
      const raw = rows[n] as Record<string, unknown> | null;
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new UserError((t) => t.sync.err.invalid(shown, `${table}[${n}]`));
      let present = 0;
      for (const c of spec.columns) {
        const v = raw[c.name];
        if (v === undefined) {
          // Content may be left out (default bundles), and a column added later may be missing
          // from an older bundle; every other column must be there.
          if (spec.content.includes(c.name) || c.optional) continue;
          throw new UserError((t) => t.sync.err.invalid(shown, `${table}[${n}].${c.name}`));
        }
        if (!columnOk(c, v)) throw new UserError((t) => t.sync.err.invalid(shown, `${table}[${n}].${c.name}`));
        present++;
      }
      if (!ID.test(raw['id'] as string)) throw new UserError((t) => t.sync.err.invalid(shown, `${table}[${n}].id`));
      for (const s of stampCols) {
        if (!ISO.test(raw[s] as string)) throw new UserError((t) => t.sync.err.invalid(shown, `${table}[${n}].${s}`));
      }
      // A row with exactly the known columns is used as it is; other keys are dropped.
      out[n] = Object.keys(raw).length === present ? (raw as Row) : pick(raw, spec.columns);
    }
    data[table] = out;
  }
  return { meta, data };
}
