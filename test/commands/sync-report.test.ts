import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { groupCreate } from '../../src/commands/group.js';
import { log } from '../../src/commands/log.js';
import { report } from '../../src/commands/report.js';
import { syncCmd } from '../../src/commands/sync.js';
import type { Ctx } from '../../src/context.js';
import { testCtx } from '../helpers/ctx.js';
import { openLaptop } from '../helpers/fixture.js';
import { sharedState } from '../helpers/shared-state.js';
import { tempDir } from '../helpers/tmp.js';
import { syncHistoryArb } from '../helpers/sync-history.js';

const MEMBERS = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva'];

/** Run one command in-process on a laptop's database; returns what it printed. */
async function on(db: string, fn: (ctx: Ctx) => Promise<void>): Promise<string> {
  const { ctx, stdout } = testCtx({ db });
  try {
    await fn(ctx);
  } finally {
    ctx.dispose();
  }
  return stdout.text;
}

const sync = (db: string, folder: string) => on(db, (ctx) => syncCmd(ctx, folder, {}));

async function reportJson(db: string): Promise<{ members: unknown[]; meetings: Record<string, unknown>[] }> {
  return JSON.parse(await on(db, (ctx) => report(ctx, { json: true, year: '2026' })));
}

interface Meeting {
  laptop: number;
  day: number;
  present: number[];
  chair: number;
  owner: number;
  pause: number;
}

const meetingArb = fc.record({
  laptop: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 0, max: 300 }),
  present: fc.uniqueArray(fc.integer({ min: 0, max: MEMBERS.length - 1 }), { minLength: 2, maxLength: MEMBERS.length }),
  chair: fc.nat(),
  owner: fc.nat(),
  pause: fc.constantFrom(0, 10, 15),
});

const historyArb = syncHistoryArb(meetingArb);

function logOptions(m: Meeting) {
  const date = new Date(Date.UTC(2026, 0, 5) + m.day * 86_400_000).toISOString().slice(0, 10);
  const present = m.present.map((i) => MEMBERS[i]!);
  return {
    date,
    start: '19:00',
    end: '21:15',
    pause: String(m.pause),
    present,
    chair: present[m.chair % present.length]!,
    caseOwner: present[m.owner % present.length]!,
    method: '5-stappen',
  };
}

const withoutIds = (r: { meetings: Record<string, unknown>[] }) => ({ ...r, meetings: r.meetings.map(({ id: _id, ...rest }) => rest) });

describe('three laptops, one group, one shared folder', () => {
  it('end with the same report as one laptop that recorded every meeting, whatever the order of syncs', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), async ({ meetings, steps }, finalOrder) => {
        const dir = tempDir();
        const folder = join(dir, 'Gedeeld');
        mkdirSync(folder);
        const dbs = [0, 1, 2].map((i) => join(dir, `laptop-${i}.db`));
        const reference = join(dir, 'reference.db');
        for (const db of [dbs[0]!, reference]) await on(db, (ctx) => groupCreate(ctx, 'Coaches Utrecht', { member: MEMBERS }));
        // The group starts on laptop 0; the others get it from the folder.
        for (const db of dbs) await sync(db, folder);

        for (const step of steps) {
          if (step.kind === 'sync') {
            await sync(dbs[step.laptop]!, folder);
            continue;
          }
          const m = meetings[step.meeting]!;
          await on(dbs[m.laptop]!, (ctx) => log(ctx, logOptions(m)));
          await on(reference, (ctx) => log(ctx, logOptions(m)));
        }
        // Everyone syncs until a whole round brings nothing new.
        for (let round = 0; round < 2; round++) for (const i of finalOrder) await sync(dbs[i]!, folder);

        const reports = await Promise.all(dbs.map(reportJson));
        expect(reports[0]!.meetings).toHaveLength(meetings.length);
        expect(reports[1]).toEqual(reports[0]);
        expect(reports[2]).toEqual(reports[0]);
        expect(withoutIds(reports[0]!)).toEqual(withoutIds(await reportJson(reference)));

        const states = dbs.map((db) => {
          const { store } = openLaptop(db);
          try {
            return sharedState(store);
          } finally {
            store.close();
          }
        });
        expect(states[1]).toEqual(states[0]);
        expect(states[2]).toEqual(states[0]);
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});

describe('the same meeting corrected differently on two laptops', () => {
  it('ends the same on both whatever the order, with the losing value in the edit history', async () => {
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const dir = tempDir();
      const folder = join(dir, 'Gedeeld');
      mkdirSync(folder);
      const dbs = [join(dir, 'a.db'), join(dir, 'b.db')];
      await on(dbs[0]!, (ctx) => groupCreate(ctx, 'Coaches Utrecht', { member: MEMBERS }));
      const saved = await on(dbs[0]!, (ctx) =>
        log(ctx, { date: '2026-03-02', start: '19:00', end: '21:00', present: ['Anna', 'Bram', 'Carla'], place: 'Utrecht' }),
      );
      const id = /Id: ([0-9a-f-]{36})/.exec(saved)![1]!;
      await sync(dbs[0]!, folder);
      await sync(dbs[1]!, folder);

      await on(dbs[0]!, (ctx) => log(ctx, { edit: id.slice(0, 8), place: 'Zeist', reason: 'typfout' }));
      await on(dbs[1]!, (ctx) => log(ctx, { edit: id.slice(0, 8), place: 'Amersfoort', present: ['Daan'], reason: 'Daan was er ook' }));
      for (const i of [...order, ...order]) await sync(dbs[i]!, folder);

      const [ra, rb] = await Promise.all(dbs.map(reportJson));
      expect(rb).toEqual(ra);
      const place = ra!.meetings[0]!['place'];
      const loser = place === 'Zeist' ? 'Amersfoort' : 'Zeist';
      for (const db of dbs) {
        const { store } = openLaptop(db);
        try {
          const values = store.db.prepare("SELECT old_value, new_value FROM edits WHERE field = 'place'").all() as { old_value: string; new_value: string }[];
          expect(values.some((v) => v.old_value === loser || v.new_value === loser)).toBe(true);
        } finally {
          store.close();
        }
      }
    }
  }, 300_000);
});
