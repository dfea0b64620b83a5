import { describe, expect, it } from 'vitest';
import { caseAdd } from '../../src/commands/case.js';
import { runCli } from '../helpers/cli.js';
import { testCtx } from '../helpers/ctx.js';
import { tempDb } from '../helpers/tmp.js';
import { expectRefused } from '../helpers/refused.js';

const members = (...names: string[]) => names.flatMap((n) => ['--member', n]);

function setup() {
  const db = tempDb();
  expect(runCli(['group', 'create', 'Coaches Utrecht', ...members('Anna', 'Bram', 'Carla', 'Daan')], { db }).code).toBe(0);
  return db;
}

interface ListJson {
  group: string;
  prepared: { id: string; shortId: string; owner: string; title: string; question?: string | null; estimate: unknown }[];
  discussed: unknown[];
}

const list = (db: string, ...extra: string[]) => JSON.parse(runCli(['case', 'list', '--json', ...extra], { db }).stdout) as ListJson;

// Each test spawns the binary several times: on a loaded machine that takes longer than the default.
describe('case add, list, withdraw', { timeout: 180_000 }, () => {
  it('prepares cases with an optional EGT estimate and lists them oldest first', () => {
    const db = setup();
    const a = runCli(['case', 'add', '--owner', 'anna', '--title', 'Cliënt zegt steeds af', '--question', 'Hoe bespreek ik dit?', '--e', '4', '--g', '3', '--t', '2'], { db });
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/Casus van Anna voorbereid voor 'Coaches Utrecht' \(id [0-9a-f]{8}\)/);
    expect(runCli(['case', 'add', '--owner', 'Bram', '--title', 'Grens bij een teamleider'], { db }).code).toBe(0);
    const json = list(db);
    expect(json.prepared.map((c) => [c.owner, c.title])).toEqual([
      ['Anna', 'Cliënt zegt steeds af'],
      ['Bram', 'Grens bij een teamleider'],
    ]);
    expect(json.prepared[0]!.estimate).toEqual({ e: 4, g: 3, t: 2 });
    expect(json.prepared[1]!.estimate).toBeNull();
    // The work question only with --full.
    expect(json.prepared[0]).not.toHaveProperty('question');
    expect(list(db, '--full').prepared[0]!.question).toBe('Hoe bespreek ik dit?');
    const table = runCli(['case', 'list'], { db }).stdout;
    expect(table).toMatch(/Anna\s+Cliënt zegt steeds af\s+E4 G3 T2/);
    expect(table).not.toContain('Hoe bespreek ik dit?');
    expect(runCli(['case', 'list', '--full'], { db }).stdout).toContain('Hoe bespreek ik dit?');
  });

  it('withdraws a prepared case by the start of its id', () => {
    const db = setup();
    runCli(['case', 'add', '--owner', 'Anna', '--title', 'Eerste'], { db });
    runCli(['case', 'add', '--owner', 'Carla', '--title', 'Tweede'], { db });
    const [first] = list(db).prepared;
    const r = runCli(['case', 'withdraw', first!.shortId], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Casus ${first!.shortId} van Anna is ingetrokken`);
    expect(list(db).prepared.map((c) => c.title)).toEqual(['Tweede']);
    expectRefused(db, ['case', 'withdraw', first!.shortId], /niet meer voorbereid \(ingetrokken\)/);
  });

  it.each([
    [['case', 'add', '--title', 'X'], /--owner/, 2],
    [['case', 'add', '--owner', 'Anna'], /--title/, 2],
    [['case', 'add', '--owner', 'Zoë', '--title', 'X'], /'Zoë' is geen lid van 'Coaches Utrecht'/],
    [['case', 'add', '--owner', 'Anna', '--title', '   '], /titel van de casus mag niet leeg/],
    [['case', 'add', '--owner', 'Anna', '--title', 'x'.repeat(121)], /hoogstens 120 tekens/],
    [['case', 'add', '--owner', 'Anna', '--title', 'Geheim\u001b[2J'], /stuurtekens/],
    [['case', 'add', '--owner', 'Anna', '--title', 'X', '--e', '0'], /--e moet een heel getal zijn van 1 tot en met 5/, 2],
    [['case', 'add', '--owner', 'Anna', '--title', 'X', '--t', 'hoog'], /--t moet/, 2],
    [['case', 'add', '--owner', 'Anna', '--title', 'X', '--group', 'Onbekend'], /geen groep 'Onbekend'/],
    [['case', 'withdraw', 'abc'], /geen casus-id/],
    [['case', 'withdraw', 'abcdef12'], /geen casus met id abcdef12/],
  ] as [string[], RegExp, number?][])('refuses %j with one line and no change', (args, message, code = 1) => {
    const db = setup();
    runCli(['case', 'add', '--owner', 'Anna', '--title', 'Bestaand'], { db });
    expectRefused(db, args, message, code);
  });

  it('never repeats a confidential title in an error', () => {
    const db = setup();
    const r = expectRefused(db, ['case', 'add', '--owner', 'Anna', '--title', `Mevrouw Jansen ${'x'.repeat(130)}`], /hoogstens/);
    expect(r.stderr).not.toContain('Jansen');
  });

  it('asks for what is missing in a terminal', async () => {
    const db = setup();
    const { ctx, prompt } = testCtx({
      db,
      answers: [
        { q: 'Wie brengt de casus in', a: 'Carla' },
        { q: 'Korte titel', a: 'Ouder die dreigt met een klacht' },
        { q: 'werkvraag', a: 'Hoe blijf ik rustig?' },
        { q: 'EGT-inschatting', a: true },
        { q: 'Emotie', a: '5' },
        { q: 'Gezamenlijkheid', a: '2' },
        { q: 'Tijdsdruk', a: '4' },
      ],
    });
    await caseAdd(ctx, {});
    ctx.dispose();
    expect(prompt.remaining).toBe(0);
    const c = list(db, '--full').prepared[0]!;
    expect(c).toMatchObject({ owner: 'Carla', title: 'Ouder die dreigt met een klacht', question: 'Hoe blijf ik rustig?', estimate: { e: 5, g: 2, t: 4 } });
  });

  it('speaks English with --lang en', () => {
    const db = setup();
    const r = runCli(['--lang', 'en', 'case', 'add', '--owner', 'Anna', '--title', ''], { db });
    expect(r.stderr.trim()).toBe('✖ The case title must not be empty.');
  });
});
