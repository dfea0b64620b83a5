import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db-dump.js';
import { History } from '../helpers/history.js';
import { tempDb } from '../helpers/tmp.js';

const members = (...names: string[]) => names.flatMap((n) => ['--member', n]);

function setup(plan = true) {
  const db = tempDb();
  expect(runCli(['group', 'create', 'Coaches Utrecht', ...members('Anna', 'Bram', 'Carla', 'Daan')], { db }).code).toBe(0);
  if (plan) {
    expect(runCli(['plan', '--first', '2036-12-09 19:30', '--every', '3 weken', '--count', '8', '--place', 'De Linde'], { db }).code).toBe(0);
  }
  return db;
}

interface NextJson {
  next: null | { id: string; seq: number | null; count: number | null; localTime: string; chair: string | null; caseOwners: string[]; place: string | null; minutes: number; source: string };
  preparedCases: { owner: string; title: string; question?: string }[];
  openActionPoints: { owner: string | null; text: string; dueDate: string | null }[];
  followUp: { owner: string; title: string }[];
}

const nextJson = (db: string) => JSON.parse(runCli(['next', '--json'], { db }).stdout) as NextJson;

// Each test spawns the binary several times: on a loaded machine that takes longer than the default.
describe('next', { timeout: 180_000 }, () => {
  it('shows the next planned meeting with its place in the trajectory and the prepared cases', () => {
    const db = setup();
    runCli(['case', 'add', '--owner', 'Bram', '--title', 'Grens bij een teamleider', '--question', 'Geheime vraag', '--e', '3', '--g', '4', '--t', '2'], { db });
    const r = runCli(['next'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Volgende bijeenkomst van Coaches Utrecht');
    expect(r.stdout).toContain('Wanneer: dinsdag 9 december 2036, 19:30');
    expect(r.stdout).toContain('Traject: bijeenkomst 1 van 8');
    expect(r.stdout).toContain('Plaats: De Linde');
    expect(r.stdout).toMatch(/Voorzitter: (Anna|Bram|Carla|Daan)/);
    expect(r.stdout).toContain('Brengt een casus in: Bram (heeft een casus voorbereid)');
    expect(r.stdout).toMatch(/- Bram: Grens bij een teamleider\s+E3 G4 T2/);
    expect(r.stdout).not.toContain('Geheime vraag');
    const json = nextJson(db);
    expect(json.next).toMatchObject({ seq: 1, count: 8, localTime: '2036-12-09T19:30:00+01:00', place: 'De Linde', minutes: 120, source: 'plan' });
    expect(json.preparedCases).toEqual([expect.objectContaining({ owner: 'Bram', title: 'Grens bij een teamleider' })]);
    expect(json.preparedCases[0]).not.toHaveProperty('question');
  });

  it('takes chair and case owners from what the last meeting agreed, follow-up and open action points too', () => {
    const db = setup();
    const h = new History(db);
    const held = h.meeting({ startedAt: '2036-12-09T18:32:00.000Z', chair: 'Anna', present: ['Anna', 'Bram', 'Carla', 'Daan'], caseOf: 'Carla', caseTitle: 'Ouder dreigt met klacht' });
    h.actionPoint({ meetingId: held, owner: 'Carla', text: 'Gesprek plannen met de ouder', due: '2036-12-20', at: '2036-12-09T20:30:00.000Z' });
    h.agreed({ meetingId: held, scheduledAt: '2036-12-30T18:30:00.000Z', chair: 'Daan', caseOwners: ['Anna', 'Bram'], at: '2036-12-09T20:31:00.000Z' });
    h.close();
    const json = nextJson(db);
    expect(json.next).toMatchObject({ seq: 2, count: 8, chair: 'Daan', caseOwners: ['Anna', 'Bram'], place: 'De Linde', source: 'agreed' });
    expect(json.followUp).toEqual([expect.objectContaining({ owner: 'Carla', title: 'Ouder dreigt met klacht' })]);
    expect(json.openActionPoints).toEqual([{ id: expect.any(String), owner: 'Carla', text: 'Gesprek plannen met de ouder', dueDate: '2036-12-20' }]);
    const text = runCli(['next'], { db }).stdout;
    expect(text).toContain('Traject: bijeenkomst 2 van 8');
    expect(text).toContain('Voorzitter: Daan');
    expect(text).toContain('Brengt een casus in: Anna, Bram');
    expect(text).toMatch(/Terugkomen op\n\s+- de casus van Carla: Ouder dreigt met klacht/);
    expect(text).toContain('- Carla: Gesprek plannen met de ouder (2036-12-20)');
    // The plan shows meeting 1 as held.
    const plan = JSON.parse(runCli(['plan', '--show', '--json'], { db }).stdout) as { meetings: { status: string }[] };
    expect(plan.meetings[0]!.status).toBe('held');
  });

  it('writes the next meeting as an invitation with the same UID as in the plan', () => {
    const db = setup();
    const planIcs = new ICAL.Component(ICAL.parse(runCli(['plan', '--ics', '-'], { db }).stdout));
    const r = runCli(['next', '--ics', '-'], { db });
    expect(r.code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(r.stdout));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect(events[0]!.uid).toBe(new ICAL.Event(planIcs.getFirstSubcomponent('vevent')!).uid);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2036-12-09T18:30:00.000Z');
    expect(events[0]!.duration.toSeconds()).toBe(7200);
  });

  it('says so when nothing is planned, and refuses an invitation for nothing', () => {
    const db = setup(false);
    const r = runCli(['next'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Voor 'Coaches Utrecht' is nog geen volgende bijeenkomst gepland");
    expect(nextJson(db).next).toBeNull();
    const before = dumpDb(db);
    const ics = runCli(['next', '--ics', 'x.ics'], { db });
    expect(ics.code).toBe(1);
    expect(ics.stderr.trim()).toBe("✖ Er is voor 'Coaches Utrecht' niets gepland om in een agenda te zetten.");
    expect(dumpDb(db)).toBe(before);
    const unknown = runCli(['next', '--group', 'Nergens'], { db });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('group stats', { timeout: 180_000 }, () => {
  it('shows attendance, chairs and cases per member, and warns about the pitfalls', () => {
    const db = setup(false);
    const h = new History(db);
    // Six meetings in the last year (the binary runs on today's clock): Anna always chairs,
    // Daan is mostly absent, Bram never brings a case, four meetings have no case.
    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
    const cases: Record<number, string> = { 0: 'Carla', 3: 'Anna' };
    for (let i = 0; i < 6; i++) {
      h.meeting({
        startedAt: daysAgo(180 - i * 21),
        chair: 'Anna',
        present: i < 2 ? ['Anna', 'Bram', 'Carla', 'Daan'] : ['Anna', 'Bram', 'Carla'],
        absent: i < 2 ? [] : ['Daan'],
        ...(cases[i] ? { caseOf: cases[i] } : {}),
      });
    }
    h.close();
    const json = JSON.parse(runCli(['group', 'stats', '--json'], { db }).stdout) as {
      meetings: number;
      meetingsWithoutCase: number;
      members: { name: string; meetings: number; present: number; attendanceRate: number; chaired: number; casesBrought: number; lastCaseAt: string | null }[];
      warnings: { code: string; name?: string; message: string }[];
    };
    expect(json.meetings).toBe(6);
    expect(json.meetingsWithoutCase).toBe(4);
    const daan = json.members.find((m) => m.name === 'Daan')!;
    expect(daan).toMatchObject({ meetings: 6, present: 2, attendanceRate: 0.333, chaired: 0, casesBrought: 0, lastCaseAt: null });
    expect(json.members.find((m) => m.name === 'Anna')).toMatchObject({ chaired: 6, casesBrought: 1 });
    expect(json.warnings.map((w) => `${w.code}:${w.name ?? ''}`).sort()).toEqual(
      ['absentOften:Daan', 'chairNotRotating:Anna', 'neverCase:Bram', 'withoutCase:'].sort(),
    );
    const text = runCli(['group', 'stats'], { db }).stdout;
    expect(text).toContain('Afgelopen 12 maanden: 6 bijeenkomsten gehouden.');
    expect(text).toMatch(/Daan\s+2\/6 \(33%\)\s+0\s+0\s+nooit/);
    expect(text).toContain('Anna zat 6 van de laatste 6 bijeenkomsten voor');
    expect(text).toContain('Bram heeft nog nooit een casus ingebracht');
    expect(text).toContain('4 van de 6 bijeenkomsten hadden geen casus');
  });

  it('is calm for a new group, and warns when the group is too small', () => {
    const db = tempDb();
    runCli(['group', 'create', 'Duo', ...members('Eva', 'Femke'), '--min-size', '2'], { db });
    const r = runCli(['group', 'stats'], { db });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('De groep heeft 2 leden; met minder dan 4 aanwezig telt een bijeenkomst voor veel registers niet.');
    const fresh = setup(false);
    const calm = runCli(['group', 'stats'], { db: fresh }).stdout;
    expect(calm).toContain('Nog te weinig bijeenkomsten om iets over de groep te zeggen; dat kan vanaf 4.');
    expect(calm).not.toContain('draait goed');
  });
});
