import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { groupCreate } from '../../src/commands/group.js';
import { syncCmd } from '../../src/commands/sync.js';
import type { Store } from '../../src/store/store.js';
import { testCtx } from '../helpers/ctx.js';
import { openLaptop, recordMeeting, type Seeded } from '../helpers/fixture.js';
import { sharedState } from '../helpers/shared-state.js';
import { tempDir } from '../helpers/tmp.js';
import { syncHistoryArb } from '../helpers/sync-history.js';

const MEMBERS = ['Anna', 'Bram', 'Carla', 'Daan', 'Eva'];

async function createGroup(db: string): Promise<void> {
  const { ctx } = testCtx({ db });
  try {
    await groupCreate(ctx, 'Coaches Utrecht', { member: MEMBERS });
  } finally {
    ctx.dispose();
  }
}

async function sync(db: string, folder: string): Promise<void> {
  const { ctx } = testCtx({ db });
  try {
    await syncCmd(ctx, folder, {});
  } finally {
    ctx.dispose();
  }
}

function seeded(store: Store): Seeded {
  const groupId = (store.db.prepare('SELECT id FROM groups').get() as { id: string }).id;
  const rows = store.db.prepare('SELECT id FROM members WHERE group_id = ? ORDER BY name_key').all(groupId) as { id: string }[];
  return { groupId, memberIds: rows.map((r) => r.id) };
}

/** What each member can prove, per meeting, by name and time only: ids differ between databases. */
function hours(store: Store): unknown {
  return store.db
    .prepare(
      `SELECT mb.name AS member, m.started_at, m.ended_at, m.paused_seconds, m.status, a.present, ch.name AS chair
         FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN members mb ON mb.id = a.member_id
         LEFT JOIN members ch ON ch.id = m.chair_id
        ORDER BY m.started_at, mb.name`,
    )
    .all();
}

interface Meeting {
  laptop: number;
  day: number;
  present: number[];
  chair: number;
}

const meetingArb = fc.record({
  laptop: fc.integer({ min: 0, max: 2 }),
  day: fc.integer({ min: 0, max: 300 }),
  present: fc.uniqueArray(fc.integer({ min: 0, max: MEMBERS.length - 1 }), { minLength: 2, maxLength: MEMBERS.length }),
  chair: fc.integer({ min: 0, max: MEMBERS.length - 1 }),
});

const historyArb = syncHistoryArb(meetingArb);

function startOf(m: Meeting): string {
  return new Date(Date.UTC(2026, 0, 5, 18, 30) + m.day * 86_400_000).toISOString();
}

describe('three laptops, one group, one shared folder', () => {
  it('end with the same record as one laptop that recorded every meeting, whatever the order of syncs', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), async ({ meetings, steps }, finalOrder) => {
        const dir = tempDir();
        const folder = join(dir, 'Gedeeld');
        mkdirSync(folder);
        const dbs = [0, 1, 2].map((i) => join(dir, `laptop-${i}.db`));
        await createGroup(dbs[0]!);
        await sync(dbs[0]!, folder);
        await sync(dbs[1]!, folder);
        await sync(dbs[2]!, folder);

        const reference = openLaptop(join(dir, 'reference.db'));
        await createGroup(reference.store.path);
        for (const step of steps) {
          if (step.kind === 'sync') {
            await sync(dbs[step.laptop]!, folder);
            continue;
          }
          const m = meetings[step.meeting]!;
          const { store } = openLaptop(dbs[m.laptop]!);
          const input = { startedAt: startOf(m), present: m.present, chair: m.chair, source: 'logged' as const };
          recordMeeting(store, seeded(store), input);
          store.close();
          recordMeeting(reference.store, seeded(reference.store), input);
        }
        // Everyone syncs until a whole round brings nothing new.
        for (let round = 0; round < 3; round++) for (const i of [...finalOrder, 0, 1, 2]) await sync(dbs[i]!, folder);

        const laptops = dbs.map((db) => openLaptop(db).store);
        try {
          const states = laptops.map((s) => sharedState(s));
          expect(states[1]).toEqual(states[0]);
          expect(states[2]).toEqual(states[0]);
          for (const s of laptops) expect(hours(s)).toEqual(hours(reference.store));
        } finally {
          laptops.forEach((s) => s.close());
          reference.store.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
