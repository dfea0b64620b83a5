import { expect } from 'vitest';
import { runCli } from './cli.js';
import { queryRows as query } from './db-dump.js';
import { KEY, type PtySession, stripAnsi } from './pty.js';

// The scripted 5-stappen / 3-stoelen meeting typed into the built binary, shared by the e2e
// meeting tests and the concurrency tests.

/**
 * Types answers the way a chair does: wait until the question is on the screen (in the output
 * since the previous answer), then press the keys.
 */
export class Chair {
  private offset = 0;
  constructor(readonly s: PtySession) {}

  async wait(match: string | RegExp, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const text = stripAnsi(this.s.output.slice(this.offset));
      const hit = typeof match === 'string' ? text.indexOf(match) : text.search(match);
      if (hit >= 0) {
        return text;
      }
      if (this.s.exitCode !== null) throw new Error(`Exited (${this.s.exitCode}) before ${String(match)}.\nScreen:\n${this.s.screen()}`);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(match)}.\nScreen:\n${this.s.screen()}`);
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /** Wait for the question, then answer; later waits only look at what comes after it. */
  async answer(match: string | RegExp, keys: string): Promise<void> {
    await this.wait(match);
    this.offset = this.s.output.length;
    this.s.write(keys);
  }

  /** Start the clock from the phase intro, then let the chair end the phase with n + j. */
  async runPhase(title: string, during?: () => Promise<void>): Promise<void> {
    await this.wait(title);
    await this.answer('Druk op Enter om de klok te starten', KEY.enter);
    await this.wait('n volgende');
    if (during) await during();
    await this.wait('n volgende');
    await this.answer('n volgende', 'n');
    await this.answer('Naar de volgende stap?', 'j');
  }

  /** After an early end the chair keeps the plan (the default when ahead). */
  async keepPlan(): Promise<void> {
    await this.answer('Hoe gaan jullie verder?', KEY.enter);
  }
}

export { query };

export function group(db: string, method: string): void {
  const r = runCli(['group', 'create', 'Coaches', '--member', 'Anna', '--member', 'Bram', '--member', 'Carla', '--member', 'Daan', '--method', method], { db });
  expect(r.code).toBe(0);
}

/** Steps 1 to 4: the default chair and length, everyone present, no guest, the agreements. */
export async function arrival(c: Chair): Promise<void> {
  await c.answer('Wie is vandaag de voorzitter?', KEY.enter);
  await c.answer('Hoe lang duurt de bijeenkomst?', KEY.enter);
  await c.answer('Wie is er?', KEY.enter);
  await c.answer('Is er een gast?', KEY.enter);
  await c.answer('Gaat iedereen akkoord', KEY.enter);
}

/** Steps 7 to 10: two new cases, the group's agreed EGT scores, the suggested method and plan. */
export async function inventoryToPlan(c: Chair): Promise<void> {
  await c.answer('Wil iemand een casus inbrengen?', KEY.enter);
  await c.answer('Wie brengt de casus in?', KEY.down + KEY.enter);
  await c.answer('Korte titel', 'Grenzen stellen\r');
  await c.answer('De werkvraag', 'Hoe zeg ik nee?\r');
  await c.answer('Wil nog iemand een casus inbrengen?', 'j\r');
  await c.answer('Wie brengt de casus in?', KEY.down + KEY.down + KEY.enter);
  await c.answer('Korte titel', 'Nieuwe collega\r');
  await c.answer('De werkvraag', KEY.enter);
  await c.answer('Wil nog iemand een casus inbrengen?', KEY.enter);
  await c.answer('Hoe scoren jullie?', KEY.enter);
  await c.answer("E G T voor 'Grenzen stellen'", '5 4 3\r');
  await c.answer("E G T voor 'Nieuwe collega'", '2 2 2\r');
  await c.answer('Welke casus bespreken jullie?', KEY.enter);
  await c.answer('tweede casus', KEY.enter);
  await c.answer('Welke methode gebruiken jullie?', KEY.enter);
  await c.answer('gebruiken?', KEY.enter);
  await c.answer('Klopt de planning?', KEY.enter);
}

/** Steps 1 to 10: everyone present, check-ins, two new cases, the group's agreed EGT scores. */
export async function opening(c: Chair): Promise<void> {
  await arrival(c);
  await c.answer('Anna, hoe zit je erbij?', 'Goed, wel moe\r');
  await c.answer('Bram, hoe zit je erbij?', KEY.enter);
  await c.answer('Carla, hoe zit je erbij?', 'Scherp\r');
  await c.answer('Daan, hoe zit je erbij?', KEY.enter);
  await inventoryToPlan(c);
}

/** The answers typed in the first three phases of 5-stappen. */
export interface FirstPhases {
  question: string;
  analysis: string;
  newQuestion: string;
  /** Left empty when not given. */
  ownPart?: string;
}

/**
 * Phases 2 and 3 of 5-stappen, after phase 1's clock was ended: the work question, one analysis
 * question, the new question and the owner's part, keeping the plan after each phase.
 */
export async function analysisPhases(c: Chair, a: FirstPhases): Promise<void> {
  await c.answer('De werkvraag zoals de inbrenger die stelt', `${a.question}\r`);
  await c.keepPlan();
  await c.runPhase('Fase 2 van 5: Analyse');
  await c.answer('nr. 1', `${a.analysis}\r`);
  await c.answer('nr. 2', KEY.enter);
  await c.keepPlan();
  await c.runPhase('Fase 3 van 5: Bewustwording');
  await c.answer('De nieuwe vraag van de inbrenger', `${a.newQuestion}\r`);
  await c.answer('eigen aandeel', a.ownPart === undefined ? KEY.enter : `${a.ownPart}\r`);
  await c.keepPlan();
}

/** Phases 4 and 5 of 5-stappen: the advice round with the owner's reaction, then the evaluation ratings. */
export async function adviceAndEvaluation(c: Chair, advisers: string[], reaction = ''): Promise<void> {
  await c.runPhase('Fase 4 van 5: Advies', async () => {
    await adviceRound(c, advisers);
    await c.answer('Reactie van de inbrenger', `${reaction}\r`);
  });
  await c.keepPlan();
  await c.runPhase('Fase 5 van 5: Evaluatie');
  for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c.answer(`Proces: ${n}`, '4\r');
  for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c.answer(`Resultaat: ${n}`, KEY.enter);
  await c.answer('Wat ging goed', KEY.enter);
  await c.answer('volgende keer anders', KEY.enter);
}

export async function closing(c: Chair): Promise<void> {
  await c.answer('Een actiepunt vastleggen?', KEY.enter);
  await c.answer('Voor wie is het actiepunt?', KEY.down + KEY.enter);
  await c.answer('Wat is de actie?', 'Gesprek plannen\r');
  await c.answer('Uiterlijk wanneer?', '8 dec\r');
  await c.answer('Nog een actiepunt?', KEY.enter);
  await c.answer('Wanneer is de volgende bijeenkomst?', '15 dec 19:30\r');
  await c.answer('Klopt dat?', KEY.enter);
  await c.answer('Wie is de volgende keer voorzitter?', KEY.enter);
  await c.answer('Wie brengt de volgende keer een casus in?', KEY.down + KEY.down + KEY.space + KEY.enter);
  await c.answer('Markdown-bestand?', KEY.enter);
}

export async function adviceRound(c: Chair, names: string[]): Promise<void> {
  c.s.write('t');
  for (const n of names) await c.answer(`Advies: ${n}`, `advies van ${n}\r`);
}

export function checkCommon(db: string): string {
  const [m] = query<{ id: string; status: string; ended_at: string }>(db, 'SELECT id, status, ended_at FROM meetings');
  expect(m!.status).toBe('completed');
  expect(query(db, 'SELECT count(*) AS n FROM attendance WHERE present = 1')).toEqual([{ n: 4 }]);
  expect(query(db, 'SELECT c.title, mc.e, mc.g, mc.t, mc.chosen FROM meeting_cases mc JOIN cases c ON c.id = mc.case_id ORDER BY mc.rank')).toEqual([
    { title: 'Grenzen stellen', e: 5, g: 4, t: 3, chosen: 1 },
    { title: 'Nieuwe collega', e: 2, g: 2, t: 2, chosen: null },
  ]);
  expect(query(db, 'SELECT a.text, a.due_date, mb.name FROM action_points a JOIN members mb ON mb.id = a.owner_id')).toEqual([
    { text: 'Gesprek plannen', due_date: '2026-12-08', name: 'Bram' },
  ]);
  const next = query<{ scheduled_at: string; source: string; case_owner_ids: string; chair: string }>(
    db,
    'SELECT p.scheduled_at, p.source, p.case_owner_ids, mb.name AS chair FROM planned_meetings p JOIN members mb ON mb.id = p.chair_id',
  );
  expect(next).toHaveLength(1);
  expect(next[0]!.source).toBe('agreed');
  expect(next[0]!.chair).not.toBe('Anna');
  expect(new Date(next[0]!.scheduled_at).getUTCHours()).toBe(18); // 19:30 in Amsterdam, winter time
  for (const r of query<{ started_at: string | null; ended_at: string | null; actual_seconds: number | null }>(db, 'SELECT started_at, ended_at, actual_seconds FROM phase_runs')) {
    expect(r.started_at).not.toBeNull();
    expect(r.ended_at).not.toBeNull();
    expect(r.actual_seconds).not.toBeNull();
  }
  return m!.id;
}
