import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import { z } from 'zod';
import { Method } from '../domain/method.js';
import { configDir, templatesDir } from '../paths.js';
import type { Lang } from '../ui/i18n/index.js';

// CommonJS with require, not import (see main.ts); only when a file is parsed (see methodTable).
const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = () => (yamlModule ??= require('yaml') as typeof Yaml);

export type MethodOrigin = 'builtin' | 'user';

export interface LoadedMethod {
  method: Method;
  file: string;
  origin: MethodOrigin;
  /** A user file that replaces the built-in method with the same id. */
  overrides: boolean;
}

/** One problem in one method file: where it is and what is wrong. */
export interface MethodFileError {
  file: string;
  /** 1-based line, when the problem can be placed. */
  line?: number;
  /** Field path inside the file, e.g. phases[2].notes[0].kind */
  path?: string;
  message: string;
}

export interface MethodCatalog {
  /** Valid methods, sorted by id; a user file wins over a built-in one with the same id. */
  methods: LoadedMethod[];
  /** Files that could not be used; the others still load. */
  errors: MethodFileError[];
  get(id: string): Method | undefined;
  ids(): string[];
}

export function builtinMethodsDir(): string {
  return join(templatesDir(), 'methods');
}

export function userMethodsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'methods');
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Read every method: the built-in ones, then the user's, which may override by id. */
export function loadMethods(
  o: { env?: NodeJS.ProcessEnv; lang?: Lang; dirs?: { builtin: string; user: string }; table?: MethodTable | null } = {},
): MethodCatalog {
  const env = o.env ?? process.env;
  const dirs = o.dirs ?? { builtin: builtinMethodsDir(), user: userMethodsDir(env) };
  const table = o.table !== undefined ? o.table : (builtTable ??= readMethodTable());
  const byId = new Map<string, LoadedMethod>();
  const errors: MethodFileError[] = [];
  for (const [origin, dir] of [
    ['builtin', dirs.builtin],
    ['user', dirs.user],
  ] as const) {
    let files: string[];
    try {
      files = yamlFiles(dir);
    } catch (err) {
      errors.push({ file: dir, message: (err as Error).message });
      continue;
    }
    for (const file of files) {
      const result = cachedParse(file, o.lang ?? 'en', table);
      if (!result.ok) {
        errors.push(...result.errors);
        continue;
      }
      const previous = byId.get(result.method.id);
      if (previous && previous.origin === origin) {
        errors.push({ file, path: 'id', message: `id '${result.method.id}' is also used by ${previous.file}` });
        continue;
      }
      byId.set(result.method.id, { method: result.method, file, origin, overrides: previous !== undefined });
    }
  }
  const methods = [...byId.values()].sort((a, b) => a.method.id.localeCompare(b.method.id));
  return {
    methods,
    errors,
    get: (id) => byId.get(id)?.method,
    ids: () => methods.map((m) => m.method.id),
  };
}

// A meeting reads the catalog several times; parsing and validating is the slow part, so a file
// is parsed again only when it changed.
const parsed = new Map<string, { stamp: string; result: ParseResult }>();

function cachedParse(file: string, lang: Lang, table: MethodTable | null): ParseResult {
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}:${lang}`;
  } catch {
    return parseMethodFile(file, undefined, lang);
  }
  const hit = parsed.get(file);
  if (hit && hit.stamp === stamp) return hit.result;
  const result = fromTable(file, table) ?? parseMethodFile(file, undefined, lang);
  parsed.set(file, { stamp, result });
  return result;
}

// Parsing and validating the built-in methods was most of the time of every command that shows
// a method's name (history, a meeting's summary): about 200 ms, YAML and schema code that runs
// once and cold. `npm run build` validates them once (build-methods.ts) and writes each file's
// text with the method it gave; a file with the same name and exactly that text gives that
// method again (parsing is a function of the name and the text; errors, which depend on the
// language, are never kept). The table counts only when it is newer than the code that made it.

/** What `npm run build` writes: per file name, its text and the method it validated to. */
export interface MethodTable {
  files: Record<string, { text: string; method: Method }>;
}

/** dist/methods.json beside the built code; none beside the sources (tests parse). */
export const METHOD_TABLE_FILE = fileURLToPath(new URL('../methods.json', import.meta.url));
const TABLE_SOURCES = ['catalog/methods.js', 'domain/method.js'].map((f) => fileURLToPath(new URL(`../${f}`, import.meta.url)));

/** The valid methods of a folder, as the table keeps them. */
export function methodTable(dir: string): MethodTable {
  const files: MethodTable['files'] = {};
  for (const file of yamlFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const result = parseMethodFile(file, text);
    if (result.ok) files[basename(file)] = { text, method: result.method };
  }
  return { files };
}

let builtTable: MethodTable | null | undefined;

/** The table `npm run build` wrote, or null when there is none or the code that made it is newer. */
export function readMethodTable(file: string = METHOD_TABLE_FILE, sources: readonly string[] = TABLE_SOURCES): MethodTable | null {
  const built = statSync(file, { throwIfNoEntry: false });
  if (!built) return null;
  for (const source of sources) {
    const s = statSync(source, { throwIfNoEntry: false });
    if (!s || s.mtimeMs > built.mtimeMs) return null;
  }
  return JSON.parse(readFileSync(file, 'utf8')) as MethodTable;
}

function fromTable(file: string, table: MethodTable | null): ParseResult | null {
  const entry = table?.files[basename(file)];
  if (!entry) return null;
  try {
    return readFileSync(file, 'utf8') === entry.text ? { ok: true, method: entry.method } : null;
  } catch {
    return null;
  }
}

export type ParseResult = { ok: true; method: Method } | { ok: false; errors: MethodFileError[] };

/** Parse and validate one method file; `text` defaults to the file's contents. */
export function parseMethodFile(file: string, text?: string, lang: Lang = 'en'): ParseResult {
  let source: string;
  try {
    source = text ?? readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, errors: [{ file, message: (err as Error).message }] };
  }
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? e.message,
      })),
    };
  }
  const data: unknown = doc.toJS();
  const parsed = Method.safeParse(data, { error: zodLocale(lang) });
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => {
        const line = lineOf(doc, lineCounter, issue.path);
        return {
          file,
          ...(line !== undefined ? { line } : {}),
          path: formatPath(issue.path),
          message: issue.message,
        };
      }),
    };
  }
  const expected = basename(file).replace(/\.ya?ml$/i, '');
  if (parsed.data.id !== expected) {
    const line = lineOf(doc, lineCounter, ['id']);
    return {
      ok: false,
      errors: [
        {
          file,
          ...(line !== undefined ? { line } : {}),
          path: 'id',
          message: `id '${parsed.data.id}' must match the file name '${expected}'`,
        },
      ],
    };
  }
  return { ok: true, method: parsed.data };
}

function zodLocale(lang: Lang): z.core.$ZodErrorMap {
  return (lang === 'nl' ? z.locales.nl() : z.locales.en()).localeError;
}

/** `phases[2].notes[0].kind` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The line of the deepest node on the path that exists in the document. */
function lineOf(doc: Document, counter: Yaml.LineCounter, path: readonly PropertyKey[]): number | undefined {
  const { isMap, isNode, isSeq } = yaml();
  const keys = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    // A missing key: point at its parent map or list.
    if (n > 0 && (isMap(node) || isSeq(node))) break;
  }
  return undefined;
}
