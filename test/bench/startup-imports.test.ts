import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { runMain } from '../helpers/main.js';
import { tempDir } from '../helpers/tmp.js';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TRACE = fileURLToPath(new URL('../fixtures/trace-loads.mjs', import.meta.url));
const BUILTINS = fileURLToPath(new URL('../fixtures/builtin-loads.cjs', import.meta.url));

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

/** What a run of the built binary loads: its own modules (paths under dist/) and packages by name. */
function loads(args: string[], db?: string): { dist: string[]; packages: string[] } {
  const dir = tempDir();
  const file = join(dir, 'loads.txt');
  const r = spawnSync(process.execPath, ['--import', TRACE, BIN, ...args], {
    env: { PATH: process.env['PATH'] ?? '', HOME: dir, NO_COLOR: '1', INTERVISIE_DB: db ?? join(dir, 'none.db'), TRACE_LOADS_FILE: file },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const paths = (existsSync(file) ? readFileSync(file, 'utf8') : '')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => relative(ROOT, fileURLToPath(url)).split('\\').join('/'));
  const dist = paths.filter((p) => p.startsWith('dist/')).map((p) => p.slice('dist/'.length));
  // By the last node_modules/ in the path: node_modules may be a link to elsewhere.
  const packages = paths
    .filter((p) => p.includes('node_modules/'))
    .map((p) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length).split('/'))
    .map((parts) => parts.slice(0, parts[0]!.startsWith('@') ? 2 : 1).join('/'));
  return { dist: [...new Set(dist)].sort(), packages: [...new Set(packages)].sort() };
}

// Which modules a command line may load (module lists, not timings: those are in `npm run bench`).
describe('what a start loads', () => {
  // bin/intervisie.js answers the root help from the screen `npm run build` wrote (root-help.json),
  // with two CommonJS files and no ES module at all (fast-paths.cts).
  it('draws `intervisie --help` and `intervisie` alone from the built screen, without any package or declaration', () => {
    for (const args of [['--help'], [], ['--lang', 'en', 'help']]) {
      expect(loads(args), args.join(' ')).toEqual({ dist: ['fast-paths.cjs', 'ui/i18n/lang.cjs'], packages: [] });
    }
  });

  it('draws the same root help as commander does', async () => {
    for (const lang of ['nl', 'en']) {
      const built = runCli(['--help'], { env: { INTERVISIE_LANG: lang } });
      expect(built.code).toBe(0);
      expect(built.stdout).toBe((await runMain(['--help'], { env: { INTERVISIE_LANG: lang } })).stdout);
    }
  });

  it('answers `intervisie --version` from package.json alone', () => {
    expect(loads(['--version'])).toEqual({ dist: ['fast-paths.cjs', 'ui/i18n/lang.cjs'], packages: [] });
  });

  it('shows a command\'s help with commander and the help texts only', () => {
    const { dist, packages } = loads(['group', '--help']);
    expect(packages).toEqual(['commander']);
    expect(dist.filter((m) => m.startsWith('store/') || (m.startsWith('ui/i18n/') && !/^ui\/i18n\/(help\.js|lang\.cjs)$/.test(m)))).toEqual([]);
  });

  it('lists groups without prompts, spinners, schemas, YAML, calendars or tables', () => {
    const { packages } = loads(['group', 'list', '--json']);
    expect(packages).toContain('better-sqlite3');
    const heavy = ['@inquirer/prompts', 'ora', 'zod', 'yaml', 'ics', '@date-fns/tz', 'cli-table3'];
    expect(packages.filter((p) => heavy.includes(p))).toEqual([]);
  });

  // CommonJS is loaded with require (src/main.ts): the first ES module import of CommonJS makes
  // Node load and run its export-name lexer, about 6 ms of a start.
  it('imports no CommonJS from an ES module, so Node never loads its export-name lexer', () => {
    for (const args of [['group', 'list', '--json'], ['report', '--json'], ['history'], ['methods', 'list'], ['doctor'], ['group', '--help']]) {
      const dir = tempDir();
      const file = join(dir, 'builtins.txt');
      const r = spawnSync(process.execPath, ['--require', BUILTINS, BIN, ...args], {
        env: { PATH: process.env['PATH'] ?? '', HOME: dir, NO_COLOR: '1', INTERVISIE_DB: join(dir, 'none.db'), BUILTIN_LOADS_FILE: file },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(r.status, r.stderr).toBe(0);
      const builtins = readFileSync(file, 'utf8').split('\n');
      // Loaded at all (the list is real), and without the lexer.
      expect(builtins, args.join(' ')).toContain('NativeModule internal/modules/esm/loader');
      expect(builtins.filter((m) => m.includes('cjs-module-lexer')), args.join(' ')).toEqual([]);
    }
  });

  // The built-in methods come from the table `npm run build` wrote (catalog/method-catalog.ts):
  // a method's name in the history or a summary needs neither YAML nor the schema (zod).
  it('shows the history and a meeting with their method names, without YAML or schema code', () => {
    const db = join(tempDir(), 'history.db');
    const env = { TZ: 'Europe/Amsterdam' };
    expect(runCli(['group', 'create', 'Groep', '--member', 'Anna', '--member', 'Bram', '--member', 'Cem'], { db, env }).code).toBe(0);
    const logged = runCli(['log', '--date', '2026-03-10', '--start', '19:00', '--end', '21:00', '--present', 'Anna', '--present', 'Bram', '--present', 'Cem', '--method', '5-stappen'], { db, env });
    expect(logged.code, logged.stderr).toBe(0);
    expect(runCli(['history'], { db, env }).stdout).toContain('Vijfstappenmodel');
    for (const args of [['history'], ['show', '10-3-2026']]) {
      const { packages } = loads(args, db);
      expect(packages, args.join(' ')).toContain('better-sqlite3');
      expect(packages.filter((p) => p === 'zod' || p === 'yaml'), args.join(' ')).toEqual([]);
    }
  });
});
