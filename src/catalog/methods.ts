import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import type * as Yaml from 'yaml';
import type { Document } from 'yaml';
import { z } from 'zod';
import { Method } from '../domain/method.js';
import {
  assembleCatalog,
  resultFor,
  yamlFiles,
  type MethodCatalog,
  type MethodOptions,
  type MethodTable,
  type ParseResult,
} from './method-catalog.js';
import type { Lang } from '../ui/i18n/index.js';

// CommonJS with require, not import (see main.ts); only when a file is parsed (see method-catalog.ts).
const require = createRequire(import.meta.url);
let yamlModule: typeof Yaml | undefined;
const yaml = () => (yamlModule ??= require('yaml') as typeof Yaml);

export {
  builtinMethodsDir,
  METHOD_TABLE_FILE,
  readMethodTable,
  userMethodsDir,
  type LoadedMethod,
  type MethodCatalog,
  type MethodFileError,
  type MethodOrigin,
  type MethodTable,
  type ParseResult,
} from './method-catalog.js';

// The YAML and schema code: loadMethods for the commands that may need a file parsed, and the
// table `npm run build` writes. method-catalog.ts assembles a catalog from that table alone.

/** Read every method: the built-in ones, then the user's, which may override by id. */
export function loadMethods(o: MethodOptions = {}): MethodCatalog {
  return assembleCatalog(o, (file, lang, table) => resultFor(file, lang, table, parseMethodFile))!;
}

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
