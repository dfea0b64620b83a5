import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// The package roots of date-fns ('date-fns', 'date-fns/locale') load about 300 modules each
// time the program starts, several times the cost of everything else a command loads.
// Import each function by its own path instead: `import { format } from 'date-fns/format'`,
// `import { nl } from 'date-fns/locale/nl'` (see docs/benchmarks.md).
describe('start-up cost', () => {
  it('imports date-fns functions and locales by subpath, never from the package root', () => {
    const offenders = sources(SRC).filter((file) => /from ['"]date-fns(\/locale)?['"]/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
