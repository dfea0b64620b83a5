import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db-dump.js';
import { runMain } from '../helpers/main.js';
import { seedDb } from '../helpers/seed.js';
import { tempDb, tempDir } from '../helpers/tmp.js';

// The bad-input catalog: every subcommand with arguments a real person (or a script, or an
// attacker) could pass. Each must give ONE line on stderr in the chosen language, a non-zero
// exit, and leave the database exactly as it was. Run in-process through main() for speed.

/** What Node makes of invalid UTF-8 bytes in argv (0xff 0xfe, a lone continuation byte). */
const INVALID_UTF8 = `Ann${Buffer.from([0x61, 0xff, 0xfe, 0x80]).toString('utf8')}`;
const HUGE = 'x'.repeat(10_000);

const BAD_TEXT: [string, string][] = [
  ['empty', ''],
  ['spaces only', '   '],
  ['10,000 characters', HUGE],
  ['ANSI clear screen', 'Eva\u001b[2J'],
  ['OSC title', 'Eva\u001b]0;pwned\u0007'],
  ['BEL', 'Eva\u0007'],
  ['carriage return', 'Eva\rBob'],
  ['newline', 'Eva\nBob'],
  ['NUL', 'Eva\u0000'],
  ['C1 CSI', 'Eva\u009b2J'],
  ['bidi override', 'Eva\u202eevil'],
  ['invalid UTF-8', INVALID_UTF8],
];

const BAD_NUMBERS = ['-1', '0', 'abc', '', '1e3', '3.5', '99999999999999999999', '-99999999999999999999', '0x10', 'NaN', 'Infinity', ' 4 4 '];
const BAD_PERIODS = ['', '0d', '-6m', '6w', 'abc', '6', 'm6', '1y1', '999999999d', '6 maanden lang', '\u001b[31m6m', INVALID_UTF8];

type Case = [label: string, args: string[]];
const cases: Case[] = [];
const add = (label: string, args: string[]) => cases.push([label, args]);

for (const [what, v] of BAD_TEXT) {
  add(`group create: name ${what}`, ['group', 'create', v, '--member', 'Piet', '--member', 'Joke']);
  add(`group create: member ${what}`, ['group', 'create', 'Nieuw', '--member', v, '--member', 'Joke']);
  add(`group rename: new name ${what}`, ['group', 'rename', 'Coaches Utrecht', v]);
  add(`member add: name ${what}`, ['member', 'add', v]);
  add(`member rename: new name ${what}`, ['member', 'rename', 'Anna', v]);
  add(`member add: register ${what}`, ['member', 'add', 'Zoë', '--register', v]);
  // A line break inside a case question is ordinary content (a long question over two lines).
  if (what === 'newline') continue;
  add(`case add: title ${what}`, ['case', 'add', '--owner', 'Anna', '--title', v, '--question', 'Hoe ga ik hiermee om?']);
  add(`case add: question ${what}`, ['case', 'add', '--owner', 'Anna', '--title', 'Een titel', '--question', v]);
}
for (const v of BAD_NUMBERS) {
  add(`group create --min-size ${v}`, ['group', 'create', 'Nieuw', '--member', 'A', '--member', 'B', '--min-size', v]);
  add(`group create --minutes ${v}`, ['group', 'create', 'Nieuw', '--member', 'A', '--member', 'B', '--minutes', v]);
  add(`case add --e ${v}`, ['case', 'add', '--owner', 'Anna', '--title', 'T', '--question', 'Hoe?', '--e', v]);
}
for (const v of ['6', '1', '29', '481', '100000']) {
  add(`group create out of range ${v}`, ['group', 'create', 'Nieuw', '--member', 'A', '--member', 'B', '--minutes', v, '--min-size', v]);
  // One minute for a phase is allowed; the other values are not.
  if (v !== '1') add(`case add --g/--t ${v}`, ['case', 'add', '--owner', 'Anna', '--title', 'T', '--question', 'Hoe?', '--g', v, '--t', v]);
}
for (const v of BAD_PERIODS) {
  add(`group set --keep-cases '${v.slice(0, 12)}'`, ['group', 'set', '--keep-cases', v]);
  add(`forget --older-than '${v.slice(0, 12)}'`, ['forget', '--older-than', v, '--yes']);
}

// Unknown groups, members, ids.
for (const args of [
  ['group', 'show', 'Bestaat Niet'],
  ['group', 'use', 'Bestaat Niet'],
  ['group', 'archive', 'Bestaat Niet'],
  ['group', 'rename', 'Bestaat Niet', 'Iets'],
  ['group', 'set', '--group', 'Bestaat Niet', '--keep-cases', '1y'],
  ['member', 'add', 'Zoë', '--group', 'Bestaat Niet'],
  ['member', 'list', '--group', 'Bestaat Niet'],
  ['member', 'remove', 'Niemand'],
  ['member', 'rename', 'Niemand', 'Iemand'],
  ['case', 'add', '--owner', 'Niemand', '--title', 'T', '--question', 'Hoe?'],
  ['case', 'add', '--group', 'Bestaat Niet', '--owner', 'Anna', '--title', 'T', '--question', 'Hoe?'],
  ['case', 'list', '--group', 'Bestaat Niet'],
  ['case', 'withdraw', 'ffffffff'],
  ['case', 'withdraw', ''],
  ['case', 'withdraw', HUGE],
  ['forget', '--meeting', 'ffffffff', '--yes'],
  ['forget', '--meeting', '', '--yes'],
  ['forget', '--meeting', '%', '--yes'],
  ['forget', '--case', 'ffffffff-ffff', '--yes'],
  ['forget', '--case', "' OR 1=1 --", '--yes'],
  ['forget', '--member', 'Niemand', '--yes'],
  ['forget', '--member', 'Anna', '--group', 'Bestaat Niet', '--yes'],
  ['start', '--group', 'Bestaat Niet'],
  ['methods', 'show', 'bestaat-niet'],
  ['methods', 'show', '../../etc/passwd'],
  ['methods', 'validate', '/bestaat/niet.yaml'],
]) add(`unknown: ${args.join(' ').slice(0, 60)}`, args);

// Clashes and rules.
for (const args of [
  ['group', 'create', 'Coaches Utrecht', '--member', 'A', '--member', 'B'],
  ['group', 'create', 'coaches utrecht', '--member', 'A', '--member', 'B'],
  ['group', 'create', 'Nieuw', '--member', 'A'],
  ['group', 'create', 'Nieuw', '--member', 'A', '--member', 'a'],
  ['group', 'create', 'Nieuw', '--member', 'A', '--member', 'B', '--method', 'bestaat-niet'],
  ['group', 'create'],
  ['group', 'rename', 'Coaches Utrecht', 'Mediators'],
  ['member', 'add', 'Anna'],
  ['member', 'add', 'ANNA'],
  ['member', 'add', 'Zoë', '--email', 'geen-adres'],
  ['member', 'add', 'Zoë', '--email', 'a@'],
  ['member', 'add', 'Zoë', '--email', `a\u001b[2J@x.nl`],
  ['member', 'rename', 'Anna', 'Bram'],
  ['group', 'set'],
  ['forget'],
  ['forget', '--meeting', 'a', '--case', 'b'],
  ['forget', '--older-than', '6m', '--member', 'Anna'],
  ['backup', '/proc/nope/x.db'],
  ['methods', 'new', ''],
  ['methods', 'new', '\u001b[2J'],
  ['methods', 'new', '../ontsnapt'],
]) add(`rule: ${args.join(' ').slice(0, 60)}`, args);

// Command-line shape: unknown commands and flags, missing values, too many arguments.
for (const args of [
  ['vergadering'],
  ['group', 'bestaat-niet'],
  // Help for a command that does not exist: one line and exit 2, not the whole help.
  ['help', 'bestaat-niet'],
  ['group', 'help', 'bestaat-niet'],
  ['help', '\u001b[2J'],
  ['--bestaat-niet'],
  ['group', 'list', '--bestaat-niet'],
  ['group', 'show', '--jsn'],
  ['member', 'add'],
  ['member', 'add', 'Zoë', '--group'],
  ['member', 'add', 'Zoë', 'Extra', 'Woorden'],
  ['group', 'set', '--keep-cases'],
  ['forget', '--yes', '--meeting'],
  ['backup', 'a.db', 'b.db'],
  ['doctor', '--fix', '--force'],
  ['case', 'add', '--e'],
  ['--lang', 'fr', 'group', 'list'],
  ['--lang', '', 'group', 'list'],
  ['--db'],
  [`\u001b[2J`],
  [INVALID_UTF8],
  ['group', 'create', 'Nieuw', `--member=\u001b[31mA`, '--member', 'B'],
]) add(`shape: ${JSON.stringify(args).slice(0, 60)}`, args);

/** A case that waits (on a prompt, stdin or a clock) must fail loudly, not hang the whole run. */
function bounded<T>(label: string, p: Promise<T>, ms = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bad input case hung for ${ms} ms: ${label}`)), ms);
  });
  return Promise.race([p, guard]).finally(() => clearTimeout(timer));
}

/** Fold the WAL into the main file so a plain file copy is the whole database. */
function checkpoint(path: string): void {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function setup(): string {
  const db = tempDb();
  seedDb(db, [{ startedAt: '2026-11-10T18:30:00Z', marker: 'INHOUD' }]);
  return db;
}

describe('bad-input catalog', () => {
  it('has at least 150 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
  });

  it(`every one of ${cases.length} bad inputs: one line in the user's language, non-zero exit, database unchanged`, async () => {
    // One prepared file; every case runs on a fresh copy, so one failure cannot hide the next.
    const prepared = setup();
    const env = { INTERVISIE_CONFIG_DIR: tempDir() };
    // A second group so 'rename to an existing name' has something to clash with.
    expect((await runMain(['group', 'create', 'Mediators', '--member', 'Iris', '--member', 'Joost'], { db: prepared, env })).code).toBe(0);
    checkpoint(prepared);
    const before = dumpDb(prepared);
    const work = tempDir();
    const failures: string[] = [];
    let n = 0;
    for (const [label, args] of cases) {
      const db = join(work, `case-${n++}.db`);
      copyFileSync(prepared, db);
      const nl = await bounded(label, runMain(args, { db, env }));
      const en = await bounded(label, runMain(['--lang', 'en', ...args], { db, env }));
      const problems: string[] = [];
      for (const [lang, r] of [['nl', nl], ['en', en]] as const) {
        if (r.code === 0) problems.push(`${lang}: exit 0`);
        const lines = r.stderr.trimEnd().split('\n');
        if (lines.length !== 1 || !lines[0]!.startsWith('✖ ')) problems.push(`${lang}: stderr ${JSON.stringify(r.stderr.slice(0, 200))}`);
        if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u.test(r.stderr + r.stdout)) problems.push(`${lang}: raw control characters on screen`);
      }
      // An unknown --lang cannot be answered in that language: it says so in Dutch both times.
      if (nl.stderr === en.stderr && args[0] !== '--lang') problems.push(`not translated: ${nl.stderr.trim()}`);
      if (dumpDb(db) !== before) problems.push('database changed');
      if (problems.length) failures.push(`${label}: ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('help for an unknown command exits 2 with one line, like any unknown command; help for a known one still works', async () => {
    for (const args of [['help', 'bestaat-niet'], ['group', 'help', 'bestaat-niet']]) {
      const r = await runMain(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe("✖ Onbekende opdracht 'bestaat-niet'. Zie 'intervisie --help'.\n");
      expect((await runMain(['--lang', 'en', ...args])).stderr).toBe("✖ Unknown command 'bestaat-niet'. See 'intervisie --help'.\n");
    }
    for (const [args, usage] of [
      [['help'], 'Gebruik: intervisie [opties] [opdracht]'],
      [['help', 'group'], 'Gebruik: intervisie group [opties] [opdracht]'],
      [['group', 'help'], 'Gebruik: intervisie group [opties] [opdracht]'],
      [['group', 'help', 'create'], 'Gebruik: intervisie group create'],
    ] as const) {
      const r = await runMain([...args]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(usage);
    }
    expect((await runMain(['help'])).stdout).toMatch(/\n {2}help \[opdracht\] +toon hulp bij een opdracht\n/);
  });

  it('invalid UTF-8 bytes in a real argv are refused by the binary too', () => {
    const db = setup();
    const before = dumpDb(db);
    // Raw bytes cannot be passed through spawn's string arguments; a shell printf can.
    for (const args of [`member add "$(printf 'Ann\\377a')"`, `group create "$(printf '\\200\\201')" --member A --member B`]) {
      const r = spawnSync('sh', ['-c', `exec '${process.execPath}' '${BIN}' ${args}`], {
        env: { PATH: process.env['PATH'] ?? '', HOME: '/tmp', NO_COLOR: '1', INTERVISIE_DB: db },
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('ongeldige tekens');
    }
    expect(dumpDb(db)).toBe(before);
  });
});

export const BAD_INPUT_COUNT = cases.length;
