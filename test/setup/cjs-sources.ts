import Module from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fastPaths from '../../src/fast-paths.cjs';
import * as lang from '../../src/ui/i18n/lang.cjs';

// The program requires its own CommonJS files (dist/*.cjs, see src/main.ts). Under vitest the
// sources are .cts files, which Node's require neither finds nor reads: here `require` of one
// from src/ gets the module vitest compiled from the .cts, the same one an import gets.
const sources = new Map<string, object>([
  [fileURLToPath(new URL('../../src/fast-paths.cjs', import.meta.url)), fastPaths],
  [fileURLToPath(new URL('../../src/ui/i18n/lang.cjs', import.meta.url)), lang],
]);

interface ModuleInternals {
  _resolveFilename(request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]): string;
  _cache: Record<string, unknown>;
}
const internals = Module as unknown as ModuleInternals;
const resolveFilename = internals._resolveFilename;
internals._resolveFilename = function (request, parent, ...rest) {
  if (request.endsWith('.cjs') && parent?.filename) {
    const file = resolve(dirname(parent.filename), request);
    if (sources.has(file)) return file;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};
for (const [file, exports] of sources) {
  const module = new Module(file);
  module.filename = file;
  module.exports = exports;
  module.loaded = true;
  internals._cache[file] = module;
}
