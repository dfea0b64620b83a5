import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { KEY, PtySession, stripAnsi } from '../helpers/pty.js';
import { tempDb } from '../helpers/tmp.js';

/**
 * Types answers the way a chair does: wait until the question is on the screen (in the output
 * since the previous answer), then press the keys.
 */
class Chair {
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

function query<T>(db: string, sql: string, ...args: unknown[]): T[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...args) as T[];
  } finally {
    d.close();
  }
}

function group(db: string, method: string): void {
  const r = runCli(['group', 'create', 'Coaches', '--member', 'Anna', '--member', 'Bram', '--member', 'Carla', '--member', 'Daan', '--method', method], { db });
  expect(r.code).toBe(0);
}

/** Steps 1 to 9: everyone present, two new cases, the group's agreed EGT scores. */
async function opening(c: Chair): Promise<void> {
  await c.answer('Wie is vandaag de voorzitter?', KEY.enter);
  await c.answer('Hoe lang duurt de bijeenkomst?', KEY.enter);
  await c.answer('Wie is er?', KEY.enter);
  await c.answer('Is er een gast?', KEY.enter);
  await c.answer('Gaat iedereen akkoord', KEY.enter);
  await c.answer('Anna, hoe zit je erbij?', 'Goed, wel moe\r');
  await c.answer('Bram, hoe zit je erbij?', KEY.enter);
  await c.answer('Carla, hoe zit je erbij?', 'Scherp\r');
  await c.answer('Daan, hoe zit je erbij?', KEY.enter);
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

async function closing(c: Chair): Promise<void> {
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

async function adviceRound(c: Chair, names: string[]): Promise<void> {
  c.s.write('t');
  for (const n of names) await c.answer(`Advies: ${n}`, `advies van ${n}\r`);
}

function checkCommon(db: string): string {
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

describe('a whole meeting typed in a real terminal', () => {
  it('5-stappen from start to the summary, then the database holds every answer', async () => {
    const db = tempDb();
    group(db, '5-stappen');
    const s = new PtySession(['start'], { db, cols: 100, rows: 32 });
    const c = new Chair(s);
    await opening(c);
    await c.runPhase('Fase 1 van 5: Probleeminventarisatie');
    await c.answer('De werkvraag zoals de inbrenger die stelt', 'Hoe zeg ik nee tegen extra sessies?\r');
    await c.keepPlan();
    await c.runPhase('Fase 2 van 5: Analyse');
    await c.answer('nr. 1', 'Wat gebeurde er precies?\r');
    await c.answer('nr. 2', KEY.enter);
    await c.keepPlan();
    await c.runPhase('Fase 3 van 5: Bewustwording');
    await c.answer('De nieuwe vraag van de inbrenger', 'Wat maakt nee zeggen moeilijk?\r');
    await c.answer('eigen aandeel', KEY.enter);
    await c.keepPlan();
    await c.runPhase('Fase 4 van 5: Advies', async () => {
      await adviceRound(c, ['Anna', 'Carla', 'Daan']);
      await c.answer('Reactie van de inbrenger', 'Het advies van Carla past.\r');
    });
    await c.keepPlan();
    await c.runPhase('Fase 5 van 5: Evaluatie');
    for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c.answer(`Proces: ${n}`, '4\r');
    for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c.answer(`Resultaat: ${n}`, KEY.enter);
    await c.answer('Wat ging goed', KEY.enter);
    await c.answer('volgende keer anders', KEY.enter);
    await closing(c);
    expect(await s.exited).toBe(0);
    const out = stripAnsi(s.output);
    expect(out).toContain('Samenvatting');
    expect(out).toContain('Deze bijeenkomst telt voor');
    expect(out).toMatch(/Volgende keer: dinsdag 15 december 2026 om 19:30/);

    const id = checkCommon(db);
    expect(query(db, 'SELECT phase_id FROM phase_runs WHERE meeting_id = ? ORDER BY ordinal', id).map((r) => (r as { phase_id: string }).phase_id)).toEqual([
      'inbreng',
      'analyse',
      'bewustwording',
      'advies',
      'evaluatie',
    ]);
    expect(query(db, "SELECT mb.name, n.text FROM notes n JOIN members mb ON mb.id = n.member_id WHERE n.field = 'advies' ORDER BY mb.name")).toEqual([
      { name: 'Anna', text: 'advies van Anna' },
      { name: 'Carla', text: 'advies van Carla' },
      { name: 'Daan', text: 'advies van Daan' },
    ]);
    expect(query(db, "SELECT count(*) AS n FROM notes WHERE field = 'proces' AND rating = 4")).toEqual([{ n: 4 }]);
  }, 120_000);

  it('3-stoelen: a visible round per chair with its own time and notes', async () => {
    const db = tempDb();
    group(db, '3-stoelen');
    const s = new PtySession(['start'], { db, cols: 100, rows: 32 });
    const c = new Chair(s);
    await opening(c);
    await c.runPhase('Fase 1 van 5: Situatie en vraag');
    await c.answer('Wie is de ander', 'teamleider\r');
    await c.answer('De werkvraag', 'Hoe blijf ik rustig?\r');
    await c.keepPlan();
    for (const [no, title, question] of [
      [2, 'Stoel 1: de eigen stoel', 'Vragen vanuit de eigen stoel'],
      [3, 'Stoel 2: de stoel van de ander', "Vragen aan 'de ander'"],
    ] as const) {
      await c.runPhase(`Fase ${no} van 5: ${title}`);
      await c.answer(`${question}, nr. 1`, `vraag in stoel ${no - 1}\r`);
      await c.answer(`${question}, nr. 2`, KEY.enter);
      await c.answer('Wat kwam er', `opgemerkt in stoel ${no - 1}\r`);
      await c.keepPlan();
    }
    await c.runPhase('Fase 4 van 5: Stoel 3: de helikopter');
    await c.answer('Wat zag de helikopter', 'twee mensen die allebei gelijk willen hebben\r');
    await c.keepPlan();
    await c.runPhase('Fase 5 van 5: Inzichten en evaluatie');
    await c.answer('Wat neemt de inbrenger mee', 'eerst vragen wat de ander bedoelt\r');
    await c.answer('Eerste volgende stap', KEY.enter);
    for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c.answer(`Proces: ${n}`, '5\r');
    await closing(c);
    expect(await s.exited).toBe(0);
    const id = checkCommon(db);
    const runs = query<{ phase_id: string; planned_seconds: number }>(db, 'SELECT phase_id, planned_seconds FROM phase_runs WHERE meeting_id = ? ORDER BY ordinal', id);
    expect(runs.map((r) => r.phase_id)).toEqual(['inleiding', 'stoel-eigen', 'stoel-ander', 'helikopter', 'afronding']);
    for (const r of runs) expect(r.planned_seconds).toBeGreaterThanOrEqual(5 * 60);
    expect(query(db, "SELECT text FROM notes WHERE field = 'opgemerkt' ORDER BY created_at")).toEqual([
      { text: 'opgemerkt in stoel 1' },
      { text: 'opgemerkt in stoel 2' },
      { text: 'twee mensen die allebei gelijk willen hebben' },
    ]);
    expect(query(db, "SELECT text FROM notes WHERE field = 'meenemen'")).toEqual([{ text: 'eerst vragen wat de ander bedoelt' }]);
  }, 120_000);
});

describe('SIGKILL in the advice phase, then resume', () => {
  it('keeps every answer given before the kill and finishes the meeting', async () => {
    const db = tempDb();
    group(db, '5-stappen');
    const s = new PtySession(['start'], { db, cols: 100, rows: 32 });
    const c = new Chair(s);
    await opening(c);
    await c.runPhase('Fase 1 van 5: Probleeminventarisatie');
    await c.answer('De werkvraag zoals de inbrenger die stelt', 'Hoe zeg ik nee?\r');
    await c.keepPlan();
    await c.runPhase('Fase 2 van 5: Analyse');
    await c.answer('nr. 1', 'Wat gebeurde er?\r');
    await c.answer('nr. 2', KEY.enter);
    await c.keepPlan();
    await c.runPhase('Fase 3 van 5: Bewustwording');
    await c.answer('De nieuwe vraag van de inbrenger', 'Waarom vind ik nee zeggen lastig?\r');
    await c.answer('eigen aandeel', 'Ik wil aardig gevonden worden\r');
    await c.keepPlan();
    await c.wait('Fase 4 van 5: Advies');
    await c.answer('Druk op Enter om de klok te starten', KEY.enter);
    await c.wait('n volgende');
    await adviceRound(c, ['Anna', 'Carla']);
    // Daan's advice is asked: the two before it are committed.
    await c.wait('Advies: Daan');
    s.kill('SIGKILL');
    await s.exited;

    const before = query<{ field: string; text: string | null }>(db, 'SELECT field, text FROM notes ORDER BY created_at, rowid');
    expect(before.map((n) => n.text)).toEqual([
      'Hoe zeg ik nee?',
      'Wat gebeurde er?',
      'Waarom vind ik nee zeggen lastig?',
      'Ik wil aardig gevonden worden',
      'advies van Anna',
      'advies van Carla',
    ]);

    const r = new PtySession(['resume'], { db, cols: 100, rows: 32 });
    const c2 = new Chair(r);
    await c2.wait('Verder bij stap 11 van 13');
    await c2.wait('n volgende');
    r.write('t');
    // Only Daan is left: Anna and Carla are not asked again.
    await c2.answer('Advies: Daan', 'advies van Daan\r');
    await c2.answer('Reactie van de inbrenger', KEY.enter);
    await c2.wait('n volgende');
    await c2.answer('n volgende', 'n');
    await c2.answer('Naar de volgende stap?', 'j');
    await c2.keepPlan();
    await c2.runPhase('Fase 5 van 5: Evaluatie');
    for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c2.answer(`Proces: ${n}`, KEY.enter);
    for (const n of ['Anna', 'Bram', 'Carla', 'Daan']) await c2.answer(`Resultaat: ${n}`, KEY.enter);
    await c2.answer('Wat ging goed', KEY.enter);
    await c2.answer('volgende keer anders', KEY.enter);
    await closing(c2);
    expect(await r.exited).toBe(0);
    expect(stripAnsi(r.output)).not.toContain('Advies: Anna');

    checkCommon(db);
    const after = query<{ text: string | null }>(db, 'SELECT text FROM notes WHERE text IS NOT NULL ORDER BY created_at, rowid').map((n) => n.text);
    for (const t of before.map((n) => n.text)) expect(after).toContain(t);
    expect(query(db, "SELECT mb.name FROM notes n JOIN members mb ON mb.id = n.member_id WHERE n.field = 'advies' ORDER BY mb.name")).toEqual([
      { name: 'Anna' },
      { name: 'Carla' },
      { name: 'Daan' },
    ]);
  }, 120_000);
});
