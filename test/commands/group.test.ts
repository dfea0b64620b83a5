import { describe, expect, it } from 'vitest';
import { groupCreate } from '../../src/commands/group.js';
import { runCli } from '../helpers/cli.js';
import { testCtx } from '../helpers/ctx.js';
import { tempDb } from '../helpers/tmp.js';
import { expectRefused } from '../helpers/refused.js';

const members = (...names: string[]) => names.flatMap((n) => ['--member', n]);

function setup() {
  const db = tempDb();
  const r = runCli(['group', 'create', 'Coaches Utrecht', ...members('Anna', 'Bram', 'Carla', 'Daan')], { db });
  expect(r.code).toBe(0);
  return db;
}

function groupJson(db: string) {
  const r = runCli(['group', 'show', '--json'], { db });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { name: string; minSize: number; minutes: number; members: { name: string; removed: boolean }[] };
}

describe('group create', () => {
  it('creates a group with members, defaults and makes it the default group', () => {
    const db = setup();
    const g = groupJson(db);
    expect(g.name).toBe('Coaches Utrecht');
    expect(g.minSize).toBe(4);
    expect(g.minutes).toBe(120);
    expect(g.members.map((m) => m.name)).toEqual(['Anna', 'Bram', 'Carla', 'Daan']);
  });

  it('takes --min-size and --minutes', () => {
    const db = tempDb();
    expect(runCli(['group', 'create', 'G', ...members('A', 'B', 'C'), '--min-size', '3', '--minutes', '90'], { db }).code).toBe(0);
    expect(groupJson(db)).toMatchObject({ minSize: 3, minutes: 90 });
  });

  it('takes --method from the method catalog and refuses an unknown one', () => {
    const db = tempDb();
    expect(runCli(['group', 'create', 'G', ...members('A', 'B', 'C'), '--method', '3-stoelen'], { db }).code).toBe(0);
    expect(groupJson(db)).toMatchObject({ method: '3-stoelen' });
    const r = runCli(['group', 'create', 'H', ...members('A', 'B', 'C'), '--method', 'vier-stoelen'], { db });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("geen methode 'vier-stoelen'");
  });

  it('warns above 8 members but still creates the group', () => {
    const db = tempDb();
    const r = runCli(['group', 'create', 'Groot', ...members('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I')], { db });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Boven de 8');
    expect(groupJson(db).members).toHaveLength(9);
  });

  it.each([
    [['group', 'create', 'G', ...members('A')], /minimaal 2 leden/],
    [['group', 'create', 'G', ...members(...'ABCDEFGHIJKLM'.split(''))], /hoogstens 12 leden/],
    [['group', 'create', 'G', ...members('Anna', 'ANNA')], /twee keer/],
    [['group', 'create', 'Coaches utrecht', ...members('A', 'B')], /al een groep/],
    [['group', 'create', '', ...members('A', 'B')], /niet leeg/],
    [['group', 'create', 'x'.repeat(81), ...members('A', 'B')], /80 tekens/],
    [['group', 'create', 'G\u001b[2J', ...members('A', 'B')], /stuurtekens/],
    [['group', 'create', 'G', ...members('A', 'B\u0007')], /stuurtekens/],
    [['group', 'create', 'G', ...members('A', 'B'), '--minutes', '10'], /--minutes/, 2],
    [['group', 'create', 'G', ...members('A', 'B'), '--minutes', 'lang'], /--minutes/, 2],
    [['group', 'create', 'G', ...members('A', 'B'), '--min-size', '1'], /--min-size/, 2],
    [['group', 'create', 'G', '--bogus'], /Onbekende optie '--bogus'/, 2],
    [['group', 'create', ...members('A', 'B')], /ontbreekt/, 2],
  ] as [string[], RegExp, number?][])('refuses %j with one line and no change', (args, message, code = 1) => {
    const db = setup();
    expectRefused(db, args, message, code);
  });

  it('speaks English with --lang en', () => {
    const db = setup();
    expectRefused(db, ['group', 'create', 'G', ...members('A')], /at least 2 members/, 1, 'en');
  });

  it('asks for what is missing in a terminal', async () => {
    const db = tempDb();
    const { ctx, stdout, prompt } = testCtx({
      db,
      answers: [
        { q: 'Hoe heet de groep', a: 'Verpleegkundigen Noord' },
        { q: 'lid 1', a: 'Fatima' },
        { q: 'lid 2', a: 'Gert' },
        { q: 'lid 3', a: 'Hanna' },
        { q: 'lid 4', a: '' },
        { q: 'minimaal aanwezig', a: '3' },
        { q: 'Hoe lang', a: 90 },
      ],
    });
    await groupCreate(ctx, undefined, { member: [] });
    ctx.dispose();
    expect(prompt.remaining).toBe(0);
    expect(stdout.text).toContain("Groep 'Verpleegkundigen Noord' aangemaakt met 3 leden");
    expect(groupJson(db)).toMatchObject({ name: 'Verpleegkundigen Noord', minSize: 3, minutes: 90 });
  });
});

describe('group list, show, rename, use, archive', () => {
  it('lists groups as a table and as stable JSON', () => {
    const db = setup();
    const table = runCli(['group', 'list'], { db });
    expect(table.stdout).toMatch(/Coaches Utrecht\s+4\s+4\s+120 min\s+5-stappen\s+standaard/);
    const json = JSON.parse(runCli(['group', 'list', '--json'], { db }).stdout);
    expect(json.groups[0]).toMatchObject({ name: 'Coaches Utrecht', default: true, archived: false, minSize: 4, minutes: 120, method: '5-stappen' });
    expect(Object.keys(json.groups[0].members[0]).sort()).toEqual(['email', 'id', 'name', 'register', 'registrationNumber', 'removed']);
  });

  it('renames a group and refuses a name that is taken', () => {
    const db = setup();
    runCli(['group', 'create', 'Mediators', ...members('X', 'Y')], { db });
    expect(runCli(['group', 'rename', 'coaches utrecht', 'Coaches Midden'], { db }).code).toBe(0);
    expect(runCli(['group', 'show', 'Coaches Midden', '--json'], { db }).code).toBe(0);
    expectRefused(db, ['group', 'rename', 'Coaches Midden', 'MEDIATORS'], /al een groep 'MEDIATORS'/);
    expectRefused(db, ['group', 'rename', 'Niemand', 'X'], /geen groep 'Niemand'/);
  });

  it('needs a choice once there are two groups, until one is made the default', () => {
    const db = tempDb();
    runCli(['group', 'create', 'A-groep', ...members('A', 'B')], { db });
    runCli(['group', 'create', 'B-groep', ...members('C', 'D')], { db });
    // The first group became the default automatically.
    expect(JSON.parse(runCli(['group', 'show', '--json'], { db }).stdout).name).toBe('A-groep');
    expect(runCli(['group', 'use', 'B-groep'], { db }).code).toBe(0);
    expect(JSON.parse(runCli(['group', 'show', '--json'], { db }).stdout).name).toBe('B-groep');
    expect(runCli(['group', 'archive', 'B-groep'], { db }).code).toBe(0);
    // The only active group left is the default again.
    expect(JSON.parse(runCli(['group', 'show', '--json'], { db }).stdout).name).toBe('A-groep');
    expect(JSON.parse(runCli(['group', 'list', '--json', '--all'], { db }).stdout).groups).toHaveLength(2);
    expectRefused(db, ['group', 'archive', 'B-groep'], /gearchiveerd/);
    expectRefused(db, ['group', 'use', 'B-groep'], /gearchiveerd/);
  });

  it('asks to choose when there are several groups and no default', () => {
    const db = tempDb();
    runCli(['group', 'create', 'A-groep', ...members('A', 'B')], { db });
    runCli(['group', 'create', 'B-groep', ...members('C', 'D')], { db });
    runCli(['group', 'archive', 'A-groep'], { db });
    runCli(['group', 'create', 'C-groep', ...members('E', 'F')], { db });
    expectRefused(db, ['group', 'show'], /meerdere groepen/);
  });

  it('says there is no group yet on an empty database', () => {
    const db = tempDb();
    expect(runCli(['group', 'list'], { db }).stdout).toContain('Nog geen groepen');
    const r = runCli(['group', 'show'], { db });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nog geen groep');
  });
});

describe('members', () => {
  it('adds, renames and removes members; a removed member keeps history and can come back', () => {
    const db = setup();
    expect(runCli(['member', 'add', 'Eva', '--register', 'NOBCO', '--registration-number', '12345', '--email', 'eva@example.nl'], { db }).code).toBe(0);
    expect(runCli(['member', 'rename', 'eva', 'Eva Jansen'], { db }).code).toBe(0);
    expect(runCli(['member', 'remove', 'Bram'], { db }).code).toBe(0);
    let g = groupJson(db);
    expect(g.members.map((m) => m.name)).toEqual(['Anna', 'Carla', 'Daan', 'Eva Jansen']);
    const all = JSON.parse(runCli(['member', 'list', '--json', '--all'], { db }).stdout);
    expect(all.members.find((m: { name: string }) => m.name === 'Bram')).toMatchObject({ removed: true, group: 'Coaches Utrecht' });
    expect(all.members.find((m: { name: string }) => m.name === 'Eva Jansen')).toMatchObject({ register: 'nobco', registrationNumber: '12345', email: 'eva@example.nl' });
    const back = runCli(['member', 'add', 'bram'], { db });
    expect(back.stdout).toContain('doet weer mee');
    g = groupJson(db);
    expect(g.members).toHaveLength(5);
  });

  it.each([
    [['member', 'add', 'ANNA'], /al lid/],
    [['member', 'add', 'Eva', '--email', 'geen-adres'], /geen geldig e-mailadres/],
    [['member', 'add', 'Eva', '--group', 'Onbekend'], /geen groep 'Onbekend'/],
    [['member', 'add', '\u001b]0;hack\u0007'], /stuurtekens/],
    [['member', 'rename', 'Zora', 'Z'], /geen lid/],
    [['member', 'rename', 'Anna', 'bram'], /al lid/],
    [['member', 'remove', 'Zora'], /geen lid/],
    [['member', 'add'], /ontbreekt/, 2],
  ] as [string[], RegExp, number?][])('refuses %j with one line and no change', (args, message, code = 1) => {
    const db = setup();
    expectRefused(db, args, message, code);
  });

  it('refuses to go below 2 or above 12 members', () => {
    const db = tempDb();
    runCli(['group', 'create', 'Klein', ...members('A', 'B')], { db });
    expectRefused(db, ['member', 'remove', 'A'], /minimaal 2 leden/);
    const big = tempDb();
    runCli(['group', 'create', 'Groot', ...members(...'ABCDEFGHIJKL'.split(''))], { db: big });
    expectRefused(big, ['member', 'add', 'M'], /hoogstens 12 leden/);
  });
});
