import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Method } from '../domain/method.js';
import { configDir, templatesDir } from '../paths.js';
import type { Lang } from '../ui/i18n/index.js';

// The method catalog without the YAML and schema code (methods.ts has that): its shape, how it
// is put together from the files, and the table of built-in methods `npm run build` validated.
// Loading the schema (zod, some 95 modules) and parsing nine files cost every command that
// shows a method's name about 300 ms; methodCatalog() needs neither while the table holds
// every file as it is.

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

export type ParseResult = { ok: true; method: Method } | { ok: false; errors: MethodFileError[] };

export interface MethodOptions {
  env?: NodeJS.ProcessEnv;
  lang?: Lang;
  dirs?: { builtin: string; user: string };
  /** The built table to use (tests); by default the one `npm run build` wrote, if fresh. */
  table?: MethodTable | null;
}

export function builtinMethodsDir(): string {
  return join(templatesDir(), 'methods');
}

export function userMethodsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'methods');
}

export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * The built-in methods, then the user's, which may override by id; each file's result from
 * `resolve`. Null as soon as `resolve` has none for a file.
 */
export function assembleCatalog(
  o: MethodOptions,
  resolve: (file: string, lang: Lang, table: MethodTable | null) => ParseResult | null,
): MethodCatalog | null {
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
      const result = resolve(file, o.lang ?? 'en', table);
      if (result === null) return null;
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

/** The catalog from the built table alone, or null when a file needs parsing. */
export function builtCatalog(o: MethodOptions = {}): MethodCatalog | null {
  return assembleCatalog(o, (file, lang, table) => resultFor(file, lang, table, null));
}

/** The catalog, loading the YAML and schema code only when a file needs parsing. */
export async function methodCatalog(o: MethodOptions = {}): Promise<MethodCatalog> {
  return builtCatalog(o) ?? (await import('./methods.js')).loadMethods(o);
}

// A meeting reads the catalog several times; parsing and validating is the slow part, so a file
// is parsed again only when it changed.
const results = new Map<string, { stamp: string; result: ParseResult }>();

/** A file's result: kept from before, from the table, or from `parse` (null without it). */
export function resultFor(
  file: string,
  lang: Lang,
  table: MethodTable | null,
  parse: ((file: string, text: undefined, lang: Lang) => ParseResult) | null,
): ParseResult | null {
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}:${lang}`;
  } catch {
    return parse ? parse(file, undefined, lang) : null;
  }
  const hit = results.get(file);
  if (hit && hit.stamp === stamp) return hit.result;
  const result = fromTable(file, table) ?? (parse ? parse(file, undefined, lang) : null);
  if (result !== null) results.set(file, { stamp, result });
  return result;
}

// `npm run build` validates the built-in methods once (build-methods.ts) and writes each
// file's text with the method it gave; a file with the same name and exactly that text gives
// that method again (parsing is a function of the name and the text; errors, which depend on
// the language, are never kept). The table counts only when it is newer than the code that
// made it.

/** What `npm run build` writes: per file name, its text and the method it validated to. */
export interface MethodTable {
  files: Record<string, { text: string; method: Method }>;
}

/** dist/methods.json beside the built code; none beside the sources (tests parse). */
export const METHOD_TABLE_FILE = fileURLToPath(new URL('../methods.json', import.meta.url));
const TABLE_SOURCES = ['catalog/methods.js', 'domain/method.js'].map((f) => fileURLToPath(new URL(`../${f}`, import.meta.url)));

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
