import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { AREAS, areaOf } from '../../src/commands/areas.js';
import { declareCommands } from '../../src/commands/declarations.js';
import { helpMessages } from '../../src/ui/i18n/help.js';
import type { Runner } from '../../src/cli.js';
import { runMain } from '../helpers/main.js';
import { tempDir } from '../helpers/tmp.js';

// cli.ts declares only the area a command line names (areas.ts). With `declareAll` set, it
// declares every command as before, which is what each answer is compared with.
const force = vi.hoisted(() => ({ declareAll: false }));
vi.mock('../../src/commands/areas.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/commands/areas.js')>();
  return { ...real, areaOf: (argv: readonly string[]) => (force.declareAll ? null : real.areaOf(argv)) };
});

const neverRuns: Runner = () => Promise.reject(new Error('declarations only'));
const t = helpMessages('nl');

function names(declare: (program: Command) => void): string[] {
  const program = new Command('intervisie');
  declare(program);
  return program.commands.map((c) => c.name());
}

describe('the areas of the command line', () => {
  it('lists exactly the top-level commands each declaration module declares', async () => {
    for (const area of AREAS) {
      const declare = await area.load();
      expect(names((p) => declare(p, neverRuns, t))).toEqual(area.commands);
    }
  });

  it('covers every declared command, in the order of the help screen', () => {
    expect(AREAS.flatMap((a) => a.commands)).toEqual(names((p) => declareCommands(p, neverRuns, t)));
  });

  it('names an area only when the command comes first, after nothing but global options', () => {
    const area = (argv: string[]) => {
      const found = areaOf(argv);
      return found ? found.commands[0] : null;
    };
    expect(area(['group', 'list'])).toBe('group');
    expect(area(['member', 'add', 'x'])).toBe('group');
    expect(area(['--db', '/tmp/x.db', '--lang', 'en', '--plain', '--debug', 'report', '--json'])).toBe('report');
    expect(area(['--db=report', '--lang=en', 'history'])).toBe('start');
    // The value of --db is no command; what follows it decides.
    expect(area(['--db', 'report'])).toBeNull();
    expect(area(['--db', 'report', 'history'])).toBe('start');
    for (const argv of [[], ['help', 'group'], ['--help', 'group'], ['-h', 'report'], ['--bogus', 'group'], ['--', 'group'], ['grup', 'list'], ['--db'], ['-V', 'group']]) {
      expect(area(argv), argv.join(' ')).toBeNull();
    }
  });
});

describe('a command line with only its own area declared', () => {
  const subcommandHelp = AREAS.flatMap((a) => a.commands).flatMap((name) => {
    const program = new Command('intervisie');
    declareCommands(program, neverRuns, t);
    const cmd = program.commands.find((c) => c.name() === name)!;
    return [[name, '--help'], ...cmd.commands.map((sub) => [name, sub.name(), '--help'])];
  });
  const lines = (db: string): string[][] => [
    ...subcommandHelp,
    ...subcommandHelp.map((argv) => ['--lang', 'en', ...argv]),
    ['group'],
    ['group', 'lsit'],
    ['group', 'help'],
    ['group', 'help', 'list'],
    ['group', 'help', 'nothing'],
    ['member', 'add'],
    ['report', '--bogus'],
    ['report', 'extra'],
    ['--lang', 'en', 'case', 'add', '--nope'],
    ['timer'],
    ['timer', 'soon'],
    ['registers'],
    ['--db', db, 'group', 'list', '--json'],
    ['--db', db, '--lang=en', 'report', '--json', '--year', '2025'],
    ['--db', db, 'history', '--json'],
    ['--debug', 'history', '--db'],
    ['--plain', 'report', '--year', 'twenty'],
  ];
  it('answers every help screen, error and command as with all commands declared', async () => {
    for (const argv of lines(join(tempDir(), 'areas.db'))) {
      force.declareAll = true;
      const all = await runMain(argv);
      force.declareAll = false;
      expect(await runMain(argv), argv.join(' ')).toEqual(all);
    }
  }, 60_000);
});
