import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/clock.js';
import { abort, resume, start } from '../../src/commands/start.js';
import { InterruptedError } from '../../src/errors.js';
import { createGroup } from '../../src/store/groups.js';
import { addPreparedCase } from '../../src/store/cases.js';
import { Store } from '../../src/store/store.js';
import { testCtx } from '../helpers/ctx.js';
import { RulePrompter, type Rule } from '../helpers/rule-prompter.js';
import { tempDb } from '../helpers/tmp.js';
import { queryRows as rows, queryValue as count } from '../helpers/db-dump.js';
import { phaseRunner } from '../helpers/phase-runner.js';

const MEMBERS = ['Anna', 'Bram', 'Carla', 'Daan'];

function setup(o: { prepared?: boolean } = {}): string {
  const db = tempDb();
  const store = Store.open(db, new FakeClock('2026-11-01T18:30:00Z'));
  const g = createGroup(store, { name: 'Coaches', members: MEMBERS, minSize: 4, minutes: 120, method: '5-stappen' });
  if (o.prepared) {
    const carla = store.db.prepare("SELECT id FROM members WHERE name = 'Carla'").pluck().get() as string;
    addPreparedCase(store, { groupId: g.id, ownerId: carla, title: 'Voorbereid', question: 'Hoe?', estimate: { e: 2, g: 2, t: 2 } });
  }
  store.close();
  return db;
}

/** Answers for a whole 5-stappen meeting: two new cases, group EGT scores, one advice per participant. */
function fiveStepRules(db: string): Rule[] {
  const cases = () => count(db, 'SELECT count(*) FROM cases');
  return [
    { q: /Wie is vandaag de voorzitter/, a: 'Anna' },
    { q: /Hoe lang duurt de bijeenkomst/, a: 120 },
    { q: /Wie is er\?/, a: undefined },
    { q: /gast\?/, a: false },
    { q: /Gaat iedereen akkoord/, a: 'ok' },
    { q: /hoe zit je erbij/, a: (m: string) => `check-in ${m.split(',')[0]}` },
    { q: /een casus inbrengen/, a: () => cases() < 2 },
    { q: /Wie brengt de casus in/, a: () => (cases() === 0 ? 'Bram' : 'Carla') },
    { q: /Korte titel/, a: () => (cases() === 0 ? 'Grenzen stellen' : 'Nieuwe collega') },
    { q: /De werkvraag, in de ik-vorm/, a: () => (cases() === 0 ? 'Hoe zeg ik nee?' : '') },
    { q: /Hoe scoren jullie/, a: 'group' },
    { q: /E G T voor 'Grenzen stellen'/, a: '5 4 3' },
    { q: /E G T voor 'Nieuwe collega'/, a: '2 3 1' },
    { q: /Welke casus bespreken jullie/, a: undefined },
    { q: /tweede casus/, a: false },
    { q: /Welke methode/, a: '5-stappen' },
    { q: /gebruiken\?/, a: true },
    { q: /Klopt de planning/, a: 'start' },
    { q: /Druk op Enter om de klok/, a: '' },
    { q: /werkvraag zoals de inbrenger/, a: 'Hoe zeg ik nee tegen een cliënt?' },
    { q: /Vragen die gesteld zijn, nr\. (\d)/, a: (m: string) => (/nr\. [12] /.test(m) ? `vraag ${/nr\. (\d)/.exec(m)![1]}` : '') },
    { q: /nieuwe vraag van de inbrenger/, a: 'Wat maakt nee zeggen zo moeilijk voor mij?' },
    { q: /eigen aandeel/, a: 'Ik wil aardig gevonden worden.' },
    { q: /^Advies: /, a: (m: string) => `advies van ${m.replace('Advies: ', '').replace(' (mag leeg)', '')}` },
    { q: /Reactie van de inbrenger/, a: 'Het advies van Carla past.' },
    { q: /Hoe gaan jullie verder/, a: 'replan' },
    { q: /korte pauze/, a: false },
    { q: /^Proces: /, a: '4' },
    { q: /^Resultaat: /, a: (m: string) => (m.includes('Daan') ? '' : '5') },
    { q: /Wat ging goed/, a: 'rustig tempo' },
    { q: /volgende keer anders/, a: '' },
    { q: /(Een|Nog een) actiepunt/, a: () => count(db, 'SELECT count(*) FROM action_points') === 0 },
    { q: /Voor wie is het actiepunt/, a: 'Bram' },
    { q: /Wat is de actie/, a: 'Gesprek plannen met de cliënt' },
    { q: /Uiterlijk wanneer/, a: '8 dec' },
    { q: /volgende bijeenkomst\?/, a: '15 dec 19:30' },
    { q: /Klopt dat\?/, a: true },
    { q: /volgende keer voorzitter/, a: undefined },
    { q: /volgende keer een casus/, a: ['Daan'] },
    { q: /verslag opslaan/, a: false },
    { q: /doorgepraat/, a: false },
  ];
}

function checkFiveStepMeeting(db: string): void {
  const m = rows<{ id: string; status: string; chair: string; method_id: string; planned_minutes: number; step: string; ended_at: string }>(
    db,
    'SELECT m.*, mb.name AS chair FROM meetings m JOIN members mb ON mb.id = m.chair_id',
  );
  expect(m).toHaveLength(1);
  expect(m[0]).toMatchObject({ status: 'completed', chair: 'Anna', method_id: '5-stappen' });
  // 'summary' only when it was stopped while the summary was on screen.
  expect(['done', 'summary']).toContain(m[0]!.step);
  const id = m[0]!.id;
  expect(count(db, 'SELECT count(*) FROM attendance WHERE meeting_id = ? AND present = 1', id)).toBe(4);
  expect(rows(db, 'SELECT checkin FROM attendance WHERE meeting_id = ? ORDER BY checkin', id).map((r) => (r as { checkin: string }).checkin)).toEqual([
    'check-in Anna',
    'check-in Bram',
    'check-in Carla',
    'check-in Daan',
  ]);
  expect(rows(db, 'SELECT c.title, mc.e, mc.g, mc.t, mc.rank, mc.chosen, c.status FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id ORDER BY mc.rank')).toEqual([
    { title: 'Grenzen stellen', e: 5, g: 4, t: 3, rank: 1, chosen: 1, status: 'discussed' },
    { title: 'Nieuwe collega', e: 2, g: 3, t: 1, rank: 2, chosen: null, status: 'prepared' },
  ]);
  expect(count(db, 'SELECT count(*) FROM egt_scores WHERE scorer_id IS NULL')).toBe(2);
  const advice = rows<{ name: string; text: string }>(
    db,
    "SELECT mb.name, n.text FROM notes n JOIN members mb ON mb.id = n.member_id WHERE n.field = 'advies' ORDER BY mb.name",
  );
  expect(advice).toEqual([
    { name: 'Anna', text: 'advies van Anna' },
    { name: 'Carla', text: 'advies van Carla' },
    { name: 'Daan', text: 'advies van Daan' },
  ]);
  expect(rows(db, "SELECT text FROM notes WHERE field = 'vragen' ORDER BY ordinal")).toEqual([{ text: 'vraag 1' }, { text: 'vraag 2' }]);
  expect(rows(db, "SELECT text FROM notes WHERE field = 'herformulering'")).toEqual([{ text: 'Wat maakt nee zeggen zo moeilijk voor mij?' }]);
  expect(rows(db, "SELECT rating FROM notes WHERE field = 'resultaat' ORDER BY ordinal").map((r) => (r as { rating: number | null }).rating)).toEqual([5, 5, 5, null]);
  const phases = rows<{ phase_id: string; planned_seconds: number; actual_seconds: number; started_at: string; ended_at: string }>(
    db,
    'SELECT phase_id, planned_seconds, actual_seconds, started_at, ended_at FROM phase_runs ORDER BY ordinal',
  );
  expect(phases.map((p) => p.phase_id)).toEqual(['inbreng', 'analyse', 'bewustwording', 'advies', 'evaluatie']);
  for (const p of phases) {
    expect(p.started_at).not.toBeNull();
    expect(p.ended_at).not.toBeNull();
    expect(p.actual_seconds).toBeGreaterThan(0);
  }
  expect(rows(db, 'SELECT a.text, a.due_date, mb.name FROM action_points a JOIN members mb ON mb.id = a.owner_id')).toEqual([
    { text: 'Gesprek plannen met de cliënt', due_date: '2026-12-08', name: 'Bram' },
  ]);
  const next = rows<{ scheduled_at: string; chair: string; case_owner_ids: string; source: string; agreed_in: string }>(
    db,
    'SELECT p.scheduled_at, mb.name AS chair, p.case_owner_ids, p.source, p.agreed_in FROM planned_meetings p JOIN members mb ON mb.id = p.chair_id',
  );
  expect(next).toHaveLength(1);
  expect(next[0]).toMatchObject({ scheduled_at: '2026-12-15T18:30:00.000Z', source: 'agreed', agreed_in: id });
  expect(next[0]!.chair).not.toBe('Anna');
  const daan = count(db, "SELECT id FROM members WHERE name = 'Daan'") as unknown as string;
  expect(JSON.parse(next[0]!.case_owner_ids)).toEqual([daan]);
}

describe('intervisie start: a whole 5-stappen meeting in-process', () => {
  it('records every answer, the plan and the next appointment', async () => {
    const db = setup();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const { ctx, stdout } = testCtx({ db, clock, prompter: new RulePrompter(fiveStepRules(db)) });
    await start(ctx, { runPhase: phaseRunner(clock) });
    ctx.dispose();
    checkFiveStepMeeting(db);
    // The plan used the whole remaining time: five phases summing to 115 minutes (120 minus closing).
    const planned = rows<{ planned_seconds: number }>(db, 'SELECT planned_seconds FROM phase_runs').reduce((a, r) => a + r.planned_seconds, 0);
    expect(planned).toBe(115 * 60);
    expect(stdout.text).toContain('Stap 8 van 13: Casus kiezen met EGT');
    expect(stdout.text).toContain('Fase 4 van 5: Advies');
    expect(stdout.text).toMatch(/Deze bijeenkomst telt voor 1 uur 55 min voor elk van de 4 aanwezige leden/);
  });

  it('re-plans the rest when a phase runs long and the chair accepts', async () => {
    const db = setup();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const { ctx, stdout } = testCtx({ db, clock, prompter: new RulePrompter(fiveStepRules(db)) });
    await start(ctx, { runPhase: phaseRunner(clock, { extra: 180 }) });
    ctx.dispose();
    expect(stdout.text).toContain('Jullie lopen 3 min achter op de planning.');
    const last = rows<{ planned_seconds: number }>(db, "SELECT planned_seconds FROM phase_runs WHERE phase_id = 'evaluatie'")[0]!;
    const first = rows<{ planned_seconds: number }>(db, "SELECT planned_seconds FROM phase_runs WHERE phase_id = 'inbreng'")[0]!;
    expect(last.planned_seconds).toBeLessThan(17 * 60);
    expect(first.planned_seconds).toBeGreaterThan(0);
  });
});

describe('resume from every step', () => {
  it('an interruption at any question loses nothing and resume finishes the same meeting', async () => {
    // First learn how many questions a whole meeting asks.
    const probeDb = setup();
    const probeClock = new FakeClock('2026-11-24T18:30:00Z');
    const probe = new RulePrompter(fiveStepRules(probeDb));
    const p = testCtx({ db: probeDb, clock: probeClock, prompter: probe });
    await start(p.ctx, { runPhase: phaseRunner(probeClock) });
    p.ctx.dispose();
    const total = probe.asked.length;
    expect(total).toBeGreaterThan(40);

    // One interruption point in every step of the flow, and several inside the phases.
    const points = new Set<number>();
    const firstOf = (re: RegExp) => probe.asked.findIndex((q) => re.test(q)) + 1;
    for (const re of [
      /Hoe lang/,
      /Wie is er/,
      /gast\?/,
      /akkoord/,
      /hoe zit je erbij/,
      /een casus inbrengen/,
      /^De werkvraag/,
      /Hoe scoren/,
      /E G T voor 'Nieuwe/,
      /Welke casus bespreken/,
      /Welke methode/,
      /Klopt de planning/,
      /Druk op Enter/,
      /Vragen die gesteld zijn, nr\. 2/,
      /^Advies: Carla/,
      /Reactie/,
      /Resultaat: Bram/,
      /Een actiepunt/,
      /Uiterlijk wanneer/,
      /volgende bijeenkomst/,
      /Klopt dat/,
      /volgende keer voorzitter/,
      /volgende keer een casus/,
      /verslag opslaan/,
    ]) {
      const n = firstOf(re);
      expect(n, String(re)).toBeGreaterThan(0);
      points.add(n);
    }
    for (const n of points) {
      const db = setup();
      const clock = new FakeClock('2026-11-24T18:30:00Z');
      const first = testCtx({ db, clock, prompter: new RulePrompter(fiveStepRules(db), n) });
      await expect(start(first.ctx, { runPhase: phaseRunner(clock) })).rejects.toBeInstanceOf(InterruptedError);
      first.ctx.dispose();
      clock.advance(5 * 60_000);
      // Stopped at the very end (the report question): the meeting was already complete.
      if (count(db, "SELECT count(*) FROM meetings WHERE status = 'running'") === 0) {
        checkFiveStepMeeting(db);
        // resume shows the summary that was cut off, once.
        const tail = testCtx({ db, clock, prompter: new RulePrompter(fiveStepRules(db)) });
        await resume(tail.ctx, { runPhase: phaseRunner(clock) });
        expect(tail.stdout.text).toContain('Samenvatting');
        tail.ctx.dispose();
        expect(count(db, "SELECT count(*) FROM meetings WHERE status = 'completed' AND step = 'done'")).toBe(1);
        const twice = testCtx({ db, clock, prompter: new RulePrompter(fiveStepRules(db)) });
        await expect(resume(twice.ctx, {})).rejects.toThrow();
        twice.ctx.dispose();
        checkFiveStepMeeting(db);
        continue;
      }
      const againPrompter = new RulePrompter(fiveStepRules(db));
      const again = testCtx({ db, clock, prompter: againPrompter });
      await resume(again.ctx, { runPhase: phaseRunner(clock) });
      again.ctx.dispose();
      // Typed parts of a record are kept as they are given: after the crash only the rest is asked.
      const interrupted = probe.asked[n - 1]!;
      const notAgain: [RegExp, RegExp][] = [
        [/gast\?/, /Wie is er\?/],
        [/^De werkvraag/, /Korte titel/],
        [/Uiterlijk wanneer/, /Wat is de actie/],
        [/volgende keer voorzitter/, /volgende bijeenkomst/],
        [/volgende keer een casus/, /volgende keer voorzitter/],
      ];
      for (const [at, before] of notAgain) {
        if (!at.test(interrupted)) continue;
        const upTo = againPrompter.asked.indexOf(interrupted);
        expect(upTo, `resumed at ${interrupted}`).toBeGreaterThanOrEqual(0);
        expect(againPrompter.asked.slice(0, upTo).filter((q) => before.test(q)), `resumed at ${interrupted}`).toEqual([]);
      }
      try {
        checkFiveStepMeeting(db);
      } catch (err) {
        throw new Error(`after an interruption at question ${n} (${probe.asked[n - 1]}): ${(err as Error).message}`);
      }
      // The 5 closed minutes were answered "not talking": they count as a pause.
      expect(count(db, "SELECT count(*) FROM pauses WHERE reason = 'closed'")).toBe(1);
      expect(count(db, 'SELECT paused_seconds FROM meetings')).toBe(300);
    }
  }, 120_000);
});

describe('prepared cases, per-member EGT and 3 stoelen', () => {
  it('scores hidden per member with the owner abstaining, and runs the three chairs', async () => {
    const db = setup({ prepared: true });
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const rules: Rule[] = [
      { q: /voorzitter\?/, a: 'Bram' },
      { q: /Hoe lang/, a: 90 },
      { q: /Wie is er\?/, a: ['Anna', 'Bram', 'Carla'] },
      { q: /gast\?/, a: false },
      { q: /akkoord/, a: 'ok' },
      { q: /hoe zit je erbij/, a: '' },
      { q: /vooraf voorbereid/, a: undefined },
      { q: /een casus inbrengen/, a: () => count(db, 'SELECT count(*) FROM cases') < 2 },
      { q: /Wie brengt/, a: 'Anna' },
      { q: /Korte titel/, a: 'Lastig gesprek met teamleider' },
      { q: /werkvraag, in de ik-vorm/, a: '' },
      { q: /Hoe scoren/, a: 'each' },
      // Carla abstains on her own case; the others score it.
      { q: /^Carla · .*'Voorbereid'/, a: '' },
      { q: /^Anna · .*'Lastig/, a: '' },
      { q: /'Voorbereid'/, a: '1 1 1' },
      { q: /'Lastig/, a: '4 4 4' },
      { q: /Welke casus bespreken/, a: undefined },
      { q: /Welke methode/, a: '3-stoelen' },
      { q: /gebruiken\?/, a: true },
      { q: /Klopt de planning/, a: 'start' },
      { q: /Druk op Enter/, a: '' },
      { q: /Wie is de ander/, a: 'teamleider' },
      { q: /^De werkvraag/, a: 'Hoe blijf ik rustig?' },
      { q: /^Vragen (vanuit|aan)/, a: (m: string) => (m.includes('nr. 1 ') ? 'wat wilde je?' : '') },
      { q: /Wat kwam er|Wat zag de helikopter/, a: (m: string) => `opgemerkt: ${m}` },
      { q: /Wat neemt de inbrenger mee/, a: 'eerst luisteren' },
      { q: /Eerste volgende stap/, a: '' },
      { q: /^Proces: /, a: '3' },
      { q: /actiepunt/i, a: false },
      { q: /volgende bijeenkomst\?/, a: '' },
      { q: /verslag opslaan/, a: false },
    ];
    const { ctx, stdout } = testCtx({ db, clock, prompter: new RulePrompter(rules) });
    await start(ctx, { runPhase: phaseRunner(clock) });
    ctx.dispose();
    expect(count(db, "SELECT count(*) FROM meetings WHERE status = 'completed' AND method_id = '3-stoelen'")).toBe(1);
    expect(count(db, 'SELECT count(*) FROM attendance WHERE present = 0')).toBe(1);
    // 3 scorers x 2 cases minus the two owners' own cases.
    expect(count(db, 'SELECT count(*) FROM egt_scores WHERE scorer_id IS NOT NULL')).toBe(4);
    expect(rows(db, 'SELECT c.title, mc.e, mc.chosen FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id ORDER BY mc.rank')).toEqual([
      { title: 'Lastig gesprek met teamleider', e: 4, chosen: 1 },
      { title: 'Voorbereid', e: 1, chosen: null },
    ]);
    // The prepared case that was not chosen stays prepared for next time.
    expect(count(db, "SELECT count(*) FROM cases WHERE title = 'Voorbereid' AND status = 'prepared'")).toBe(1);
    expect(rows(db, 'SELECT phase_id FROM phase_runs ORDER BY ordinal').map((r) => (r as { phase_id: string }).phase_id)).toEqual([
      'inleiding',
      'stoel-eigen',
      'stoel-ander',
      'helikopter',
      'afronding',
    ]);
    expect(count(db, "SELECT count(*) FROM notes WHERE field = 'opgemerkt'")).toBe(3);
    expect(count(db, "SELECT count(*) FROM notes WHERE field = 'proces' AND rating = 3")).toBe(3);
    expect(count(db, 'SELECT count(*) FROM planned_meetings')).toBe(0);
    expect(stdout.text).toContain('Stoel 2: de stoel van de ander');
  });
});

describe('abort and two starts', () => {
  it('abort keeps the meeting, marks it aborted and counts it only when held', async () => {
    const db = setup();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const first = testCtx({ db, clock, prompter: new RulePrompter(fiveStepRules(db), 8) });
    await expect(start(first.ctx, { runPhase: phaseRunner(clock) })).rejects.toBeInstanceOf(InterruptedError);
    first.ctx.dispose();
    const a = testCtx({ db, clock, prompter: new RulePrompter([{ q: /plaatsgevonden/, a: false }]) });
    await abort(a.ctx, {});
    a.ctx.dispose();
    expect(rows(db, 'SELECT status, counted FROM meetings')).toEqual([{ status: 'aborted', counted: 0 }]);
    const again = testCtx({ db, clock, prompter: new RulePrompter([]) });
    await expect(resume(again.ctx, {})).rejects.toThrow();
    again.ctx.dispose();
  });
});
