import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { FakeClock } from '../../src/clock.js';
import { start } from '../../src/commands/start.js';
import { history, show } from '../../src/commands/history.js';
import { createGroup } from '../../src/store/groups.js';
import { SessionLock } from '../../src/store/session-lock.js';
import { Store } from '../../src/store/store.js';
import { testCtx } from '../helpers/ctx.js';
import { dumpDb } from '../helpers/db-dump.js';
import { RulePrompter, type Rule } from '../helpers/rule-prompter.js';
import { tempDb } from '../helpers/tmp.js';
import { phaseRunner } from '../helpers/phase-runner.js';

function setup(): { db: string; groupId: string } {
  const db = tempDb();
  const store = Store.open(db, new FakeClock());
  const g = createGroup(store, { name: 'Coaches', members: ['Anna', 'Bram', 'Carla', 'Daan'], minSize: 4, minutes: 120, method: '5-stappen' });
  store.close();
  return { db, groupId: g.id };
}

describe('one meeting per group at a time', () => {
  it('refuses a second start for the same group with one clear line and changes nothing', async () => {
    const { db, groupId } = setup();
    const lock = SessionLock.acquire(db, groupId);
    expect(lock).not.toBeNull();
    try {
      const before = dumpDb(db);
      const { ctx, stdout } = testCtx({ db, prompter: new RulePrompter([]) });
      await expect(start(ctx, {})).rejects.toMatchObject({ name: 'UserError' });
      // Nothing else on the screen: no welcome before the refusal.
      expect(stdout.text).toBe('');
      try {
        await start(ctx, {});
      } catch (err) {
        expect((err as { render: (t: unknown) => string }).render(ctx.t)).toBe(
          "Er loopt al een bijeenkomst van 'Coaches' in een ander venster. Ga daar verder, of sluit dat venster eerst.",
        );
      }
      ctx.dispose();
      expect(dumpDb(db)).toEqual(before);
    } finally {
      lock!.release();
    }
    // Once released (or the other process died) the lock can be taken again.
    const again = SessionLock.acquire(db, groupId);
    expect(again).not.toBeNull();
    again!.release();
  });
});

describe('start without a terminal', () => {
  it('refuses with one line that says a meeting needs a terminal, and prints nothing else', async () => {
    const { db } = setup();
    const before = dumpDb(db);
    const { ctx, stdout } = testCtx({ db });
    const err = await start(ctx, {}).then(
      () => null,
      (e: unknown) => e as { render: (t: unknown) => string },
    );
    expect(err?.render(ctx.t)).toBe("'intervisie start' leidt de bijeenkomst met vragen op het scherm en heeft daarvoor een terminal nodig.");
    ctx.dispose();
    expect(stdout.text).toBe('');
    expect(dumpDb(db)).toEqual(before);
  });
});

describe('history and show', () => {
  it('an empty history says how to begin; an unknown meeting is a one-line error', async () => {
    const { db } = setup();
    const { ctx, stdout } = testCtx({ db });
    await history(ctx, {});
    expect(stdout.text).toContain("Nog geen bijeenkomsten. Begin er een met 'intervisie start'.");
    await history(ctx, { json: true });
    expect(JSON.parse(stdout.text.slice(stdout.text.indexOf('{')))).toEqual({ meetings: [] });
    await expect(show(ctx, '2026-01-01', {})).rejects.toThrow();
    ctx.dispose();
  });
});

/**
 * Answers for a practice meeting: `specific` first, then defaults for the rest (agree, keep the
 * prepared case, the suggested method and plan, and Enter with nothing typed everywhere else).
 */
function demoRules(specific: Rule[] = []): Rule[] {
  return [
    ...specific,
    { q: /akkoord/, a: 'ok' },
    { q: /vooraf voorbereid/, a: undefined },
    { q: /Klopt de planning/, a: 'start' },
    { q: /gebruiken\?/, a: true },
    { q: /voorzitter|Hoe lang|Wie is er|Welke methode/, a: undefined },
    { q: /./, a: '' },
  ];
}

describe('start --demo', () => {
  it('runs a whole practice meeting on a sample group and leaves no database behind', async () => {
    const db = tempDb();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const { ctx, stdout, stderr } = testCtx({ db, clock, prompter: new RulePrompter(demoRules()) });
    await start(ctx, {
      demo: true,
      runPhase: phaseRunner(clock),
    });
    ctx.dispose();
    expect(stderr.text).toContain('OEFENMODUS');
    expect(stderr.text).toContain('Einde van de oefening. Er is niets bewaard.');
    expect(stdout.text).toContain("Er is één casus, die wordt het: 'Een cliënt die steeds later komt' van Bram.");
    expect(stdout.text).toContain('Samenvatting');
    expect(existsSync(db)).toBe(false);
  });
});

describe('choosing the method by the kind of work question', () => {
  it('re-ranks the suggestion after the chair picks the kind of question', async () => {
    const db = tempDb();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    let methodAsked = 0;
    const used: string[] = [];
    const prompter = new RulePrompter(
      demoRules([
        { q: /Welke methode/, a: () => (methodAsked++ === 0 ? '?question-type' : undefined) },
        { q: /Wat voor werkvraag/, a: 'communication' },
        { q: /gebruiken\?/, a: (m: string) => (used.push(m), true) },
      ]),
    );
    const { ctx } = testCtx({ db, clock, prompter });
    await start(ctx, {
      demo: true,
      runPhase: phaseRunner(clock),
    });
    ctx.dispose();
    expect(methodAsked).toBe(2);
    const offers = prompter.offered.filter((o) => o.message.includes('Welke methode'));
    const why = (i: number, id: string) => String(offers[i]!.choices.find((c) => c.value === id)?.description);
    expect(why(0, '3-stoelen')).not.toContain('communicatie met één ander');
    expect(why(1, '3-stoelen')).toContain('gemaakt voor communicatie met één ander');
    // Drie stoelen climbs above the methods not made for this kind of question.
    const rank = (i: number, id: string) => offers[i]!.choices.findIndex((c) => c.value === id);
    expect(rank(1, '3-stoelen')).toBeLessThan(rank(0, '3-stoelen'));
    expect(offers[1]!.choices.at(-1)!.value).toBe('?question-type');
    expect(used).toHaveLength(1);
  });
});

describe('a short method in a long meeting', () => {
  it('can run at its own pace instead of being stretched over the whole meeting', async () => {
    const db = tempDb();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    let planAsked = 0;
    const planned: number[] = [];
    const prompter = new RulePrompter(
      demoRules([
        { q: /Welke methode/, a: 'vijf-rondes' },
        { q: /Klopt de planning/, a: () => (planAsked++ === 0 ? 'own' : 'start') },
        { q: /meeneemt/, a: 'Een nieuwe blik' },
      ]),
    );
    const { ctx, stdout } = testCtx({ db, clock, prompter });
    await start(ctx, {
      demo: true,
      runPhase: phaseRunner(clock, { planned }),
    });
    ctx.dispose();
    const offers = prompter.offered.filter((o) => o.message.includes('Klopt de planning'));
    expect(offers[0]!.choices.map((c) => c.name)).toContain('Elke fase op de eigen duur van de methode (samen 35 min, eerder klaar)');
    expect(offers[1]!.choices.map((c) => c.name).join('|')).toMatch(/De fasen over alle beschikbare tijd verdelen \(\d+ min\)/);
    expect(planned).toEqual([8, 5, 7, 8, 7]);
    // The planned end moved: no re-planning offered after each phase to fill the old end.
    expect(stdout.text).toMatch(/De bijeenkomst eindigt nu om \d\d:\d\d\./);
    expect(stdout.text).not.toContain('voor op de planning');
    expect(stdout.text).toContain('Samenvatting');
  });
});

describe('start on a laptop without a group', () => {
  const creating = [
    { q: 'Er is nog geen groep', a: true },
    { q: 'Hoe heet de groep?', a: 'Coaches Utrecht' },
    { q: 'Naam van lid 1', a: 'Anna' },
    { q: 'Naam van lid 2', a: 'Bram' },
    { q: 'Naam van lid 3', a: 'Carla' },
    { q: 'Naam van lid 4', a: '' },
    { q: 'minimaal aanwezig', a: '3' },
    { q: 'Hoe lang duurt een bijeenkomst meestal?', a: 90 },
  ];

  it('creates the group and goes on to the first meeting when the chair wants to', async () => {
    const db = tempDb();
    const { ctx, stdout, prompt } = testCtx({
      db,
      answers: [...creating, { q: 'eerste bijeenkomst beginnen?', a: true }, { q: 'Wie is vandaag de voorzitter?', a: undefined }],
    });
    // The script ends after the chair question: the meeting itself began and asks its length next.
    await expect(start(ctx, {})).rejects.toThrow(/script is empty/);
    ctx.dispose();
    expect(prompt.asked.at(-1)).toContain('Hoe lang duurt de bijeenkomst?');
    expect(stdout.text).toContain("Groep 'Coaches Utrecht' aangemaakt met 3 leden.");
    expect(stdout.text).not.toContain('Volgende stap');
  });

  it('stops after creating the group when the meeting is for another day, and says how to begin', async () => {
    const db = tempDb();
    const { ctx, stdout, prompt } = testCtx({ db, answers: [...creating, { q: 'eerste bijeenkomst beginnen?', a: false }] });
    await start(ctx, {});
    ctx.dispose();
    expect(prompt.remaining).toBe(0);
    expect(stdout.text).toContain("Volgende stap: start een bijeenkomst met 'intervisie start'.");
    expect(dumpDb(db)).toContain('Coaches Utrecht');
    expect(dumpDb(db)).not.toMatch(/## meetings\n\{/);
  });
});
