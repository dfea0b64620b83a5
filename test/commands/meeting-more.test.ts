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
import { RulePrompter } from '../helpers/rule-prompter.js';
import { tempDb } from '../helpers/tmp.js';

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
      const { ctx } = testCtx({ db, prompter: new RulePrompter([]) });
      await expect(start(ctx, {})).rejects.toMatchObject({ name: 'UserError' });
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

describe('history and show', () => {
  it('an empty history says how to begin; an unknown meeting is a one-line error', async () => {
    const { db } = setup();
    const { ctx, stdout } = testCtx({ db });
    history(ctx, {});
    expect(stdout.text).toContain("Nog geen bijeenkomsten. Begin er een met 'intervisie start'.");
    history(ctx, { json: true });
    expect(JSON.parse(stdout.text.slice(stdout.text.indexOf('{')))).toEqual({ meetings: [] });
    expect(() => show(ctx, '2026-01-01', {})).toThrow();
    ctx.dispose();
  });
});

describe('start --demo', () => {
  it('runs a whole practice meeting on a sample group and leaves no database behind', async () => {
    const db = tempDb();
    const clock = new FakeClock('2026-11-24T18:30:00Z');
    const rules = [
      { q: /akkoord/, a: 'ok' },
      { q: /vooraf voorbereid/, a: undefined },
      { q: /Klopt de planning/, a: 'start' },
      { q: /gebruiken\?/, a: true },
      { q: /voorzitter|Hoe lang|Wie is er|Welke methode/, a: undefined },
      // Everything else: Enter with nothing typed (no guest, no extra case, notes left empty).
      { q: /./, a: '' },
    ];
    const { ctx, stdout, stderr } = testCtx({ db, clock, prompter: new RulePrompter(rules) });
    await start(ctx, {
      demo: true,
      runPhase: async (_c, o) => {
        clock.advance(o.plannedSeconds * 1000);
        return { action: 'next', plannedSeconds: o.plannedSeconds, elapsedSeconds: o.plannedSeconds, pausedSeconds: 0, overtimeSeconds: 0 };
      },
    });
    ctx.dispose();
    expect(stderr.text).toContain('OEFENMODUS');
    expect(stderr.text).toContain('Einde van de oefening. Er is niets bewaard.');
    expect(stdout.text).toContain("Er is één casus, die wordt het: 'Een cliënt die steeds later komt' van Bram.");
    expect(stdout.text).toContain('Samenvatting');
    expect(existsSync(db)).toBe(false);
  });
});
