import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import { z } from 'zod';
import { Method } from '../domain/method.js';
import { configDir, templatesDir } from '../paths.js';
import type { Lang } from '../ui/i18n/index.js';

// CommonJS with require, not import (see main.ts).
const { isMap, isNode, isSeq, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof Yaml;

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
export function loadMethods(o: { env?: NodeJS.ProcessEnv; lang?: Lang; dirs?: { builtin: string; user: string } } = {}): MethodCatalog {
  const env = o.env ?? process.env;
  const dirs = o.dirs ?? { builtin: builtinMethodsDir(), user: userMethodsDir(env) };
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
      const result = cachedParse(file, o.lang ?? 'en');
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

function cachedParse(file: string, lang: Lang): ParseResult {
  let stamp: string;
  try {
    const st = statSync(file);
    stamp = `${st.mtimeMs}:${st.size}:${lang}`;
  } catch {
    return parseMethodFile(file, undefined, lang);
  }
  const hit = parsed.get(file);
  if (hit && hit.stamp === stamp) return hit.result;
  const result = parseMethodFile(file, undefined, lang);
  parsed.set(file, { stamp, result });
  return result;
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
  const keys = path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
    // A missing key: point at its parent map or list.
    if (n > 0 && (isMap(node) || isSeq(node))) break;
  }
  return undefined;
}
