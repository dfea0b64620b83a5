import { describe, expect, it } from 'vitest';
import { adviceAndEvaluation, adviceRound, analysisPhases, Chair, checkCommon, closing, group, opening, query } from '../helpers/meeting-script.js';
import { KEY, PtySession, stripAnsi } from '../helpers/pty.js';
import { tempDb } from '../helpers/tmp.js';

describe('a whole meeting typed in a real terminal', () => {
  it('5-stappen from start to the summary, then the database holds every answer', async () => {
    const db = tempDb();
    group(db, '5-stappen');
    const s = new PtySession(['start'], { db, cols: 100, rows: 32 });
    const c = new Chair(s);
    await opening(c);
    await c.runPhase('Fase 1 van 5: Probleeminventarisatie');
    await analysisPhases(c, { question: 'Hoe zeg ik nee tegen extra sessies?', analysis: 'Wat gebeurde er precies?', newQuestion: 'Wat maakt nee zeggen moeilijk?' });
    await adviceAndEvaluation(c, ['Anna', 'Carla', 'Daan'], 'Het advies van Carla past.');
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
    await analysisPhases(c, {
      question: 'Hoe zeg ik nee?',
      analysis: 'Wat gebeurde er?',
      newQuestion: 'Waarom vind ik nee zeggen lastig?',
      ownPart: 'Ik wil aardig gevonden worden',
    });
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
