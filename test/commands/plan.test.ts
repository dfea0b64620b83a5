import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDb, tempDir } from '../helpers/tmp.js';
import { expectRefused } from '../helpers/refused.js';

// Dates far ahead, so the tests do not depend on today's date (the binary uses the real clock).
// 8 meetings every 3 weeks from 9 December 2036 cross the start of summer time (29 March 2037).
const FIRST = '2036-12-09 19:30';
const members = (...names: string[]) => names.flatMap((n) => ['--member', n]);

function setup() {
  const db = tempDb();
  expect(runCli(['group', 'create', 'Coaches Utrecht', ...members('Anna', 'Bram', 'Carla', 'Daan')], { db }).code).toBe(0);
  return db;
}

/** A group with the standard trajectory: 8 meetings every 3 weeks from FIRST. */
function withPlan(...extra: string[]) {
  const db = setup();
  {
    const r = runCli(['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', ...extra], { db });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
  return db;
}

interface PlanJson {
  group: string;
  timeZone: string;
  meetings: { id: string; seq: number; count: number; scheduledAt: string; localTime: string; minutes: number; place: string | null; chair: string | null; status: string; meetingId: string | null }[];
}

const show = (db: string) => JSON.parse(runCli(['plan', '--show', '--json'], { db }).stdout) as PlanJson;

/** Record a held meeting straight in the database, as `intervisie start` would. */
function holdMeeting(db: string, startedAtIso: string, chairName: string) {
  const d = new Database(db);
  try {
    const group = d.prepare('SELECT id FROM groups').get() as { id: string };
    const chair = d.prepare('SELECT id FROM members WHERE name = ?').get(chairName) as { id: string };
    const ended = new Date(Date.parse(startedAtIso) + 120 * 60_000).toISOString();
    d.prepare(
      `INSERT INTO meetings (id, group_id, status, chair_id, planned_minutes, started_at, ended_at, created_at, updated_at, device_id)
       VALUES (?, ?, 'completed', ?, 120, ?, ?, ?, ?, 'test')`,
    ).run(randomUUID(), group.id, chair.id, startedAtIso, ended, startedAtIso, startedAtIso);
  } finally {
    d.close();
  }
}

// Each test spawns the binary several times: on a loaded machine that takes longer than the default.
describe('plan', { timeout: 180_000 }, () => {
  it('plans a trajectory at 19:30 Dutch time across summer time, with chairs taking turns', () => {
    const db = setup();
    const r = runCli(['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--place', 'Praktijk De Linde, Utrecht'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("8 bijeenkomsten gepland voor 'Coaches Utrecht'");
    expect(r.stdout).toMatch(/1\/8\s+di 9 dec\. 2036 19:30/);
    const plan = show(db);
    expect(plan.timeZone).toBe('Europe/Amsterdam');
    expect(plan.meetings.map((m) => m.localTime)).toEqual([
      '2036-12-09T19:30:00+01:00',
      '2036-12-30T19:30:00+01:00',
      '2037-01-20T19:30:00+01:00',
      '2037-02-10T19:30:00+01:00',
      '2037-03-03T19:30:00+01:00',
      '2037-03-24T19:30:00+01:00',
      '2037-04-14T19:30:00+02:00',
      '2037-05-05T19:30:00+02:00',
    ]);
    expect(plan.meetings[6]!.scheduledAt).toBe('2037-04-14T17:30:00.000Z');
    expect(plan.meetings.every((m) => m.minutes === 120 && m.place === 'Praktijk De Linde, Utrecht')).toBe(true);
    const chairs = plan.meetings.map((m) => m.chair);
    expect(new Set(chairs.slice(0, 4))).toEqual(new Set(['Anna', 'Bram', 'Carla', 'Daan']));
    expect(chairs.slice(4)).toEqual(chairs.slice(0, 4));
    expect(plan.meetings.map((m) => m.status)).toEqual(['next', ...Array(7).fill('planned')]);
  });

  it('skips a member planned absent when handing out the chair', () => {
    const db = withPlan('--absent', 'Anna:1,2', '--absent', 'bram:1');
    const plan = show(db);
    expect(plan.meetings[0]!.chair).not.toMatch(/Anna|Bram/);
    expect(plan.meetings[1]!.chair).not.toBe('Anna');
    const counts = ['Anna', 'Bram', 'Carla', 'Daan'].map((n) => plan.meetings.filter((m) => m.chair === n).length);
    expect(counts).toEqual([2, 2, 2, 2]);
  });

  it('moves one meeting, keeping its time when only a date is given', () => {
    const db = withPlan('--place', 'Online');
    const r = runCli(['plan', '--move', '3', '--to', '2037-01-22'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bijeenkomst 3 is verplaatst naar donderdag 22 januari 2037, 19:30');
    expect(show(db).meetings[2]!.localTime).toBe('2037-01-22T19:30:00+01:00');
    expect(runCli(['plan', '--move', '4', '--to', '2037-02-10 20:15'], { db }).code).toBe(0);
    expect(show(db).meetings[3]!.localTime).toBe('2037-02-10T20:15:00+01:00');
  });

  it('links a held meeting to its planned meeting and counts on from there', () => {
    const db = withPlan();
    holdMeeting(db, '2036-12-09T18:35:00.000Z', 'Carla');
    const plan = show(db);
    expect(plan.meetings[0]!.status).toBe('held');
    expect(plan.meetings[0]!.meetingId).not.toBeNull();
    expect(plan.meetings[1]!.status).toBe('next');
    expectRefused(db, ['plan', '--move', '1', '--to', '2037-01-05'], /Bijeenkomst 1 is al gehouden/);
    // Clearing keeps what was held.
    const cleared = runCli(['plan', '--clear'], { db });
    expect(cleared.stdout).toContain('7 geplande bijeenkomsten geschrapt');
    expect(show(db).meetings).toHaveLength(8);
  });

  it('clears a plan so a new one can be made', () => {
    const db = withPlan();
    expectRefused(db, ['plan', '--first', '2037-09-01 19:30', '--every', '2 weken', '--count', '4'], /al een planning/);
    expect(runCli(['plan', '--clear'], { db }).code).toBe(0);
    expect(runCli(['plan'], { db }).stdout).toContain('nog geen planning');
    expect(runCli(['plan', '--first', '2037-09-01 19:30', '--every', '2 weken', '--count', '4'], { db }).code).toBe(0);
    expect(show(db).meetings).toHaveLength(4);
  });

  it.each([
    [['plan', '--every', '3 weken', '--count', '8'], /--first/, 2],
    [['plan', '--first', FIRST, '--count', '8'], /--every/, 2],
    [['plan', '--first', FIRST, '--every', 'wekelijks', '--count', '8'], /--every 'wekelijks' begrijp ik niet/, 2],
    [['plan', '--first', FIRST, '--every', '30 weken', '--count', '8'], /1 tot en met 26 weken/, 2],
    [['plan', '--first', '2036-13-09 19:30', '--every', '3 weken', '--count', '8'], /geen geldige datum/, 2],
    [['plan', '--first', '2036-12-09', '--every', '3 weken', '--count', '8'], /ook een tijd nodig/, 2],
    [['plan', '--first', '2037-03-29 02:30', '--count', '1'], /zomertijd/, 2],
    [['plan', '--first', '2020-01-07 19:30', '--every', '3 weken', '--count', '8'], /in het verleden/],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '0'], /--count moet een heel getal zijn van 1 tot en met 52/, 2],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--minutes', '10'], /--minutes/, 2],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--absent', 'Anna'], /--absent 'Anna' begrijp ik niet/, 2],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--absent', 'Anna:9'], /bijeenkomst 9, maar de planning heeft er 8/, 2],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--absent', 'Zoë:2'], /'Zoë' is geen lid/],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--place', 'Zaal\u001b[31m'], /stuurtekens/],
    [['plan', '--first', FIRST, '--every', '3 weken', '--count', '8', '--group', 'Nergens'], /geen groep 'Nergens'/],
    [['plan', '--show', '--clear'], /Kies één van/, 2],
    [['plan', '--move', '2'], /--to/, 2],
    [['plan', '--move', '2', '--to', '2037-01-05'], /geen planning/],
    [['plan', '--clear'], /geen planning/],
    [['plan', '--ics', 'x.ics'], /niets gepland/],
  ] as [string[], RegExp, number?][])('refuses %j with one line and no change', (args, message, code = 1) => {
    const db = setup();
    expectRefused(db, args, message, code);
  });

  it.each([
    [['plan', '--move', '9', '--to', '2037-01-05'], /geen bijeenkomst 9; de planning heeft er 8/],
    [['plan', '--move', '2', '--to', '2037-02-30'], /geen geldige datum/, 2],
    [['plan', '--move', '2', '--to', '2021-01-05'], /in het verleden/],
    [['plan', '--move', 'twee', '--to', '2037-01-05'], /--move moet een heel getal/, 2],
  ] as [string[], RegExp, number?][])('refuses %j on an existing plan with one line and no change', (args, message, code = 1) => {
    const db = withPlan();
    expectRefused(db, args, message, code);
  });
});

describe('calendar files', { timeout: 180_000 }, () => {
  function parse(text: string) {
    const cal = new ICAL.Component(ICAL.parse(text));
    return {
      cal,
      events: cal.getAllSubcomponents('vevent').map((v) => {
        const e = new ICAL.Event(v);
        return {
          uid: e.uid,
          summary: e.summary,
          start: e.startDate.toJSDate().toISOString(),
          utc: e.startDate.zone === ICAL.Timezone.utcTimezone,
          minutes: e.duration.toSeconds() / 60,
          location: e.location,
          description: e.description,
          sequence: e.sequence,
        };
      }),
    };
  }

  it('writes a valid VCALENDAR with the right times, place, chair and stable UIDs', () => {
    const db = withPlan('--place', 'Praktijk De Linde');
    const file = join(tempDir(), 'traject.ics');
    const r = runCli(['plan', '--ics', file], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('8 bijeenkomsten');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    const { cal, events } = parse(text);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const plan = show(db);
    expect(events).toHaveLength(8);
    events.forEach((e, i) => {
      const m = plan.meetings[i]!;
      expect(e.uid).toBe(`${m.id}@intervisie`);
      expect(e.start).toBe(m.scheduledAt);
      expect(e.utc).toBe(true);
      expect(e.minutes).toBe(120);
      expect(e.location).toBe('Praktijk De Linde');
      expect(e.summary).toBe(`Intervisie Coaches Utrecht (${i + 1}/8)`);
      expect(e.description).toContain(`Voorzitter: ${m.chair}`);
    });
    // 19:30 in Amsterdam on both sides of the clock change.
    expect(events[0]!.start).toBe('2036-12-09T18:30:00.000Z');
    expect(events[7]!.start).toBe('2037-05-05T17:30:00.000Z');

    // Moving a meeting and exporting again keeps every UID: a calendar updates, not duplicates.
    expect(runCli(['plan', '--move', '2', '--to', '2037-01-02 19:30'], { db }).code).toBe(0);
    const again = parse(runCli(['plan', '--ics', '-'], { db }).stdout).events;
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(again[1]!.start).toBe('2037-01-02T18:30:00.000Z');
    expect(again[1]!.sequence).toBeGreaterThanOrEqual(events[1]!.sequence);
  });

  it('sends the meetings of a cleared plan again as cancelled, under the same UIDs', () => {
    const db = withPlan();
    const before = parse(runCli(['plan', '--ics', '-'], { db }).stdout).events;
    const cleared = runCli(['plan', '--clear'], { db });
    expect(cleared.code).toBe(0);
    expect(cleared.stdout).toContain("'intervisie plan --ics afmelding.ics' schrijft ze als vervallen");
    const text = runCli(['plan', '--ics', '-'], { db }).stdout;
    const after = parse(text).events;
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    for (const [i, e] of after.entries()) {
      expect(e.summary).toBe(`Vervallen: Intervisie Coaches Utrecht (${i + 1}/8)`);
      expect(e.description).toContain('gaat niet door');
      expect(e.sequence).toBeGreaterThan(before[i]!.sequence);
    }
    const statuses = parse(text).cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'));
    expect(statuses).toEqual(Array(8).fill('CANCELLED'));
    // A new plan goes out as confirmed next to the old cancellations.
    expect(runCli(['plan', '--first', '2037-09-01 19:30', '--every', '2 weken', '--count', '2'], { db }).code).toBe(0);
    const mixed = parse(runCli(['plan', '--ics', '-'], { db }).stdout).cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('status'));
    expect(mixed.filter((st) => st === 'CONFIRMED')).toHaveLength(2);
    expect(mixed.filter((st) => st === 'CANCELLED')).toHaveLength(8);
  });

  it('refuses a file it cannot write with one line', () => {
    const db = setup();
    runCli(['plan', '--first', FIRST, '--every', '3 weken', '--count', '2'], { db });
    expectRefused(db, ['plan', '--ics', join(tempDir(), 'no', 'such', 'dir', 'x.ics')], /Kan .* niet schrijven: ENOENT/);
  });
});
