import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { log, type LogOptions } from '../../src/commands/log.js';
import { report } from '../../src/commands/report.js';
import type { ReportJson } from '../../src/ui/report-view.js';
import { runCli } from '../helpers/cli.js';
import { testCtx } from '../helpers/ctx.js';
import { dumpDb, queryRows as rows } from '../helpers/db-dump.js';
import { openStore, seedGroup, seedMeeting } from '../helpers/report-history.js';
import { tempDb, tempDir } from '../helpers/tmp.js';
import { expectRefusedCall } from '../helpers/refused.js';

const NOW = '2026-11-24T12:00:00Z';

function setup(): string {
  const db = tempDb();
  const store = openStore(db);
  const g = seedGroup(store, 'Coaches Utrecht', ['Anna', 'Bram', 'Carla', 'Daan', 'Eva']);
  seedGroup(store, 'Mediators', ['Fatima', 'Gert'], 2);
  store.db.prepare("INSERT INTO meta (key, value) VALUES ('default_group', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(g.groupId);
  // An existing live meeting on 14 April 19:30–21:30
  seedMeeting(store, g, { start: '2026-04-14T17:30:00.000Z', end: '2026-04-14T19:30:00.000Z', present: ['Anna', 'Bram', 'Carla', 'Daan'], absent: ['Eva'] });
  // Eva leaves the group later
  store.db.prepare("UPDATE members SET removed_at = '2026-06-01T00:00:00.000Z' WHERE name = 'Eva'").run();
  store.close();
  return db;
}

const base: LogOptions = {
  date: '2026-03-10',
  start: '19:30',
  end: '21:30',
  present: ['Anna', 'Bram', 'Carla', 'Daan'],
  absent: [],
};

/** A config dir with a user method file, so method ids can be checked whatever is shipped. */
function configWithMethods(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'methods'));
  writeFileSync(join(dir, 'methods', '5-stappen.yaml'), 'id: 5-stappen\n');
  return dir;
}

async function run(db: string, o: LogOptions, env: NodeJS.ProcessEnv = {}) {
  const t = testCtx({ db, clock: new FakeClock(NOW), env: { INTERVISIE_CONFIG_DIR: configWithMethods(), ...env } });
  try {
    await log(t.ctx, { present: [], absent: [], ...o });
  } finally {
    t.ctx.dispose();
  }
  return t.stdout.text;
}

function refused(db: string, o: LogOptions): Promise<string> {
  return expectRefusedCall(db, () => run(db, o));
}

async function reportJson(db: string): Promise<ReportJson> {
  const t = testCtx({ db, clock: new FakeClock(NOW) });
  await report(t.ctx, { json: true, year: '2026', member: [] });
  t.ctx.dispose();
  return JSON.parse(t.stdout.text) as ReportJson;
}

describe('intervisie log', () => {
  it('records a completed, logged meeting with attendance for every current member', async () => {
    const db = setup();
    const out = await run(db, { ...base, chair: 'bram', method: '5-stappen', caseOwner: 'Carla', topic: 'Grenzen stellen', place: 'Utrecht', pause: '10' });
    expect(out).toContain('Bijeenkomst van di 10-03-2026 19:30–21:30 vastgelegd: 110 min, 4 van 4 leden aanwezig.');
    const [m] = rows(db, "SELECT * FROM meetings WHERE source = 'logged'");
    expect(m).toMatchObject({
      status: 'completed',
      counted: 1,
      planned_minutes: 120,
      started_at: '2026-03-10T18:30:00.000Z',
      ended_at: '2026-03-10T20:30:00.000Z',
      paused_seconds: 600,
      method_id: '5-stappen',
      topic: 'Grenzen stellen',
      place: 'Utrecht',
    });
    expect(out).toContain(`Id: ${m!['id']}`);
    const att = rows(db, 'SELECT mb.name, a.present FROM attendance a JOIN members mb ON mb.id = a.member_id WHERE a.meeting_id = ? ORDER BY mb.name', m!['id']);
    expect(att).toEqual([
      { name: 'Anna', present: 1 },
      { name: 'Bram', present: 1 },
      { name: 'Carla', present: 1 },
      { name: 'Daan', present: 1 },
    ]);
    const cases = rows(db, 'SELECT c.status, c.title, c.question, mb.name FROM cases c JOIN members mb ON mb.id = c.owner_id');
    expect(cases).toEqual([{ status: 'discussed', title: null, question: null, name: 'Carla' }]);
    const r = await reportJson(db);
    expect(r.members.find((x) => x.member === 'Carla')).toMatchObject({ meetings: 2, minutes: 230, casesBrought: 1 });
    expect(r.meetings.find((x) => x.date === '2026-03-10')).toMatchObject({ logged: true, chair: 'Bram', start: '19:30', end: '21:30', minutes: 110 });
  });

  it('records absent members too, and summer time correctly', async () => {
    const db = setup();
    await run(db, { date: '2026-07-07', start: '9.30', end: '11:00', present: ['Anna', 'Bram', 'Carla'] });
    const [m] = rows(db, "SELECT id, started_at, ended_at FROM meetings WHERE source = 'logged'");
    expect(m).toMatchObject({ started_at: '2026-07-07T07:30:00.000Z', ended_at: '2026-07-07T09:00:00.000Z' });
    expect(rows(db, 'SELECT count(*) AS n FROM attendance WHERE meeting_id = ? AND present = 0', m!['id'])).toEqual([{ n: 1 }]);
  });

  it.each([
    [{ date: undefined }, /--date is verplicht|--date.*verplicht/],
    [{ start: undefined }, /--start.*verplicht/],
    [{ date: '2026-02-30' }, /--date verwacht een bestaande datum/],
    [{ date: '10-03-2026' }, /--date/],
    [{ start: '25:00' }, /--start verwacht een tijd/],
    [{ end: 'half tien' }, /--end verwacht een tijd/],
    [{ end: '19:30' }, /eindtijd ligt niet na de begintijd/],
    [{ end: '18:00' }, /eindtijd ligt niet na de begintijd/],
    [{ date: '2026-11-24', start: '12:00', end: '14:00' }, /toekomst/],
    [{ date: '2027-01-05' }, /toekomst/],
    [{ pause: '120' }, /pauze/],
    [{ pause: 'tien' }, /--pause/],
    [{ present: [] }, /--present/],
    [{ present: ['Anna', 'Zoë'] }, /'Zoë' is geen lid van 'Coaches Utrecht'/],
    [{ present: ['Anna', 'Eva'] }, /'Eva' is geen lid/],
    [{ present: ['Anna', 'anna'] }, /twee keer/],
    [{ chair: 'Eva' }, /geen lid/],
    [{ present: ['Anna', 'Bram', 'Carla'], chair: 'Daan' }, /voorzitter Daan staat niet bij de aanwezigen/],
    [{ present: ['Anna', 'Bram', 'Carla'], caseOwner: 'Daan' }, /inbrenger Daan staat niet bij de aanwezigen/],
    [{ method: 'bestaat-niet' }, /Onbekende methode 'bestaat-niet'/],
    [{ topic: 'x'.repeat(201) }, /200 tekens/],
    [{ place: 'Utrecht\u001b[2J' }, /stuurtekens/],
    [{ group: 'Onbekend' }, /geen groep 'Onbekend'/],
    [{ date: '2026-04-14', start: '20:00', end: '22:00' }, /al een bijeenkomst op 2026-04-14 van 19:30 tot 21:30/],
    [{ date: '2026-04-14', start: '18:00', end: '19:31' }, /al een bijeenkomst/],
    [{ absent: ['Eva'] }, /--absent kan alleen/],
    [{ reason: 'typo' }, /--reason kan alleen/],
  ] as [Partial<LogOptions>, RegExp][])('refuses %j with one line and nothing written', async (change, message) => {
    const db = setup();
    expect(await refused(db, { ...base, ...change })).toMatch(message);
  });

  it('allows a meeting right after another one of the group, and one in another group at the same time', async () => {
    const db = setup();
    await run(db, { ...base, date: '2026-04-14', start: '21:30', end: '22:30' });
    await run(db, { group: 'Mediators', date: '2026-04-14', start: '19:30', end: '21:30', present: ['Fatima', 'Gert'] });
    expect(rows(db, "SELECT count(*) AS n FROM meetings WHERE source = 'logged'")).toEqual([{ n: 2 }]);
  });

  it('takes a first name for a member with a longer name, and refuses one that fits two members', async () => {
    const db = tempDb();
    const store = openStore(db);
    seedGroup(store, 'Coaches Utrecht', ['Anna de Vries', 'Bram Visser', 'Carla', 'Daan']);
    store.close();
    await run(db, { ...base, present: ['Anna', 'Bram', 'carla', 'Daan'], chair: 'Anna' });
    expect(rows(db, "SELECT mb.name FROM meetings m JOIN members mb ON mb.id = m.chair_id")).toEqual([{ name: 'Anna de Vries' }]);
    const s2 = openStore(db);
    s2.db.prepare("UPDATE members SET name = 'Anna Bos', name_key = 'anna bos' WHERE name = 'Daan'").run();
    s2.close();
    expect(await refused(db, { ...base, date: '2026-03-17', present: ['Anna', 'Bram', 'Carla'] })).toBe(
      "'Anna' kan meer leden zijn (Anna Bos, Anna de Vries); gebruik de volledige naam.",
    );
  });

  it('gives one localised line and exit 2 from the binary for a usage error', () => {
    const db = setup();
    const before = dumpDb(db);
    const r = runCli(['--lang', 'en', 'log', '--date', '2026-03-10', '--start', '7pm', '--end', '21:30', '--present', 'Anna'], { db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe("✖ --start expects a time as HH:MM, not '7pm'.");
    expect(dumpDb(db)).toBe(before);
  });
});

describe('intervisie log --edit', () => {
  async function logged(db: string): Promise<string> {
    await run(db, { ...base, chair: 'Anna' });
    return rows(db, "SELECT id FROM meetings WHERE source = 'logged'")[0]!['id'] as string;
  }

  it('corrects times and attendance and records every change in edits', async () => {
    const db = setup();
    const id = await logged(db);
    const out = await run(db, { edit: id.slice(0, 8), end: '21:45', present: ['Eva'], absent: ['Daan'], reason: 'presentielijst nagekeken', by: 'Anna' }, { USER: 'anna' });
    expect(out).toContain('3 wijzigingen vastgelegd.');
    expect(out).toContain('eind: 2026-03-10 21:30 → 2026-03-10 21:45');
    expect(out).toContain('aanwezig Daan: ja → nee');
    expect(out).toContain('aanwezig Eva: (leeg) → ja');
    const edits = rows(db, 'SELECT table_name, field, old_value, new_value, reason, edited_by, edited_at, device_id FROM edits ORDER BY table_name DESC, field');
    expect(edits).toHaveLength(3);
    expect(edits[0]).toMatchObject({
      table_name: 'meetings',
      field: 'ended_at',
      old_value: '2026-03-10T20:30:00.000Z',
      new_value: '2026-03-10T20:45:00.000Z',
      reason: 'presentielijst nagekeken',
      edited_by: 'Anna',
      edited_at: '2026-11-24T12:00:00.000Z',
    });
    expect(edits[0]!['device_id']).toMatch(/.+/);
    expect(edits.slice(1).map((e) => [e['table_name'], e['field'], e['old_value'], e['new_value']])).toEqual(
      expect.arrayContaining([
        ['attendance', 'present', '1', '0'],
        ['attendance', 'present', null, '1'],
      ]),
    );
    const r = await reportJson(db);
    expect(r.meetings.find((m) => m.date === '2026-03-10')).toMatchObject({ end: '21:45', minutes: 135, absent: ['Daan'] });
    expect(r.meetings.find((m) => m.date === '2026-03-10')!.present).toContain('Eva');
  });

  it('corrects a live meeting too, defaulting the editor to the user name', async () => {
    const db = setup();
    const [live] = rows(db, "SELECT id FROM meetings WHERE source = 'live'");
    await run(db, { edit: live!['id'] as string, start: '19:45', chair: 'Carla' }, { USER: 'bram' });
    const edits = rows(db, 'SELECT field, new_value, edited_by FROM edits ORDER BY field');
    expect(edits).toEqual([
      { field: 'chair_id', new_value: expect.any(String), edited_by: 'bram' },
      { field: 'started_at', new_value: '2026-04-14T17:45:00.000Z', edited_by: 'bram' },
    ]);
  });

  it('says so when nothing changes, and writes nothing', async () => {
    const db = setup();
    const id = await logged(db);
    const before = dumpDb(db);
    const out = await run(db, { edit: id, start: '19:30', present: ['Anna'] });
    expect(out).toContain('Er veranderde niets');
    expect(dumpDb(db)).toBe(before);
  });

  it.each([
    [{ edit: 'ffffffff' }, /geen bijeenkomst met id 'ffffffff'/],
    [{ edit: '@' }, /nothing|Geef met --edit op wat/],
    [{ end: '19:00' }, /eindtijd ligt niet na/],
    [{ date: '2026-04-14' }, /al een bijeenkomst op 2026-04-14/],
    [{ present: ['Daan'], absent: ['daan'] }, /zowel bij --present als bij --absent/],
    [{ present: ['Zoë'] }, /'Zoë' is nooit lid geweest van 'Coaches Utrecht'/],
    [{ caseOwner: 'Anna', end: '21:00' }, /--case-owner kan alleen/],
    [{ end: '23:59', date: '2026-12-01' }, /toekomst/],
  ] as [Partial<LogOptions>, RegExp][])('refuses %j and changes nothing', async (change, message) => {
    const db = setup();
    const id = await logged(db);
    const o: LogOptions = { edit: id, ...change };
    if (change.edit === '@') o.edit = id;
    expect(await refused(db, o)).toMatch(message);
  });

  it('refuses to edit a meeting that is still running', async () => {
    const db = tempDb();
    const store = openStore(db);
    const g = seedGroup(store, 'G', ['A', 'B']);
    const id = seedMeeting(store, g, { start: '2026-11-24T11:00:00.000Z', end: null, status: 'running', present: ['A', 'B'] });
    store.close();
    expect(await refused(db, { edit: id, end: '13:00' })).toMatch(/loopt nog/);
  });
});
