import { describe, expect, it } from 'vitest';
import { buildReport, loadRegisterProfile, report } from '../../src/commands/report.js';
import { FakeClock } from '../../src/clock.js';
import { compareMeetings, type MeetingRecord } from '../../src/domain/hours.js';
import { periodBounds } from '../../src/domain/period.js';
import { eachReportMeeting } from '../../src/store/report-queries.js';
import type { Store } from '../../src/store/store.js';
import { escapeJsonText } from '../../src/ui/output.js';
import { buildReportJson } from '../../src/ui/report-json.js';
import { testCtx } from '../helpers/ctx.js';
import { openStore, seedGroup, seedMeeting, type SeededGroup } from '../helpers/report-history.js';
import { tempDb } from '../helpers/tmp.js';
import { prng } from '../helpers/prng.js';

// The report reads a scope's meetings in one query, with the lists each meeting row carries
// (migration 004), and `--json` streams them; both must give what the plain way gives.


/** Three groups, two years of meetings at all hours, every status, some ties on start time. */
function history(): { db: string; groups: SeededGroup[] } {
  const db = tempDb();
  const store = openStore(db);
  const groups = [
    seedGroup(store, 'Coaches Utrecht', ['Anna de Vries', 'Bram Jansen', 'Carla', 'Daan', 'Eva', 'Özlem']),
    seedGroup(store, 'Mediators', ['Fatima', 'Gert', 'Hanna'], 2),
    seedGroup(store, 'Zorg Noord', ['ijsbrand', 'Jasmijn', 'Kees', 'Lotte'], 3),
  ];
  const rnd = prng(7);
  let last = '';
  for (let i = 0; i < 90; i++) {
    const g = groups[i % 3]!;
    const names = Object.keys(g.ids);
    const present = names.filter(() => rnd() < 0.8);
    if (present.length === 0) present.push(names[0]!);
    const absent = names.filter((n) => !present.includes(n));
    // Every tenth meeting starts at the same instant as the one before (in another group).
    const start = i % 10 === 5 ? last : new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 730 * 24 * 60) * 60_000).toISOString();
    last = start;
    const roll = rnd();
    seedMeeting(store, g, {
      start,
      end: new Date(Date.parse(start) + (60 + Math.floor(rnd() * 90)) * 60_000).toISOString(),
      pausedSeconds: Math.floor(rnd() * 4) * 300,
      status: roll < 0.1 ? 'aborted' : 'completed',
      counted: roll >= 0.05,
      chair: rnd() < 0.8 ? present[0]! : null,
      method: rnd() < 0.9 ? '5-stappen' : null,
      present,
      absent,
      caseOwner: rnd() < 0.85 ? present[present.length - 1]! : undefined,
      place: rnd() < 0.2 ? 'Utrecht' : null,
    });
  }
  seedMeeting(store, groups[0]!, { start: '2026-11-24T10:00:00.000Z', end: null, status: 'running', present: ['Anna de Vries'] });
  store.close();
  return { db, groups };
}

function records(store: Store, groupId: string | null, from: string, to: string): MeetingRecord[] {
  const out: MeetingRecord[] = [];
  eachReportMeeting(store, { groupId, ...periodBounds({ from, to }) }, (m) => out.push({ ...m, present: [...m.present], absent: [...m.absent], caseOwnerIds: [...m.caseOwnerIds] }));
  return out;
}

/** The lists of one meeting read from its attendance and case rows, sorted by id. */
function fromRows(store: Store, meetingId: string): Pick<MeetingRecord, 'present' | 'absent' | 'caseOwnerIds'> {
  const ids = (sql: string) => (store.db.prepare(sql).pluck().all(meetingId) as string[]).sort();
  return {
    present: ids('SELECT member_id FROM attendance WHERE meeting_id = ? AND present = 1 AND member_id IS NOT NULL'),
    absent: ids('SELECT member_id FROM attendance WHERE meeting_id = ? AND present = 0 AND member_id IS NOT NULL'),
    caseOwnerIds: ids("SELECT owner_id FROM cases WHERE meeting_id = ? AND status = 'discussed'"),
  };
}

describe('reading the meetings of a report', () => {
  it('gives the meetings in scope with the lists and owners of their rows, in report order', () => {
    const { db, groups } = history();
    const store = openStore(db);
    try {
      for (const [groupId, from, to] of [
        [null, '2025-01-01', '2026-12-31'],
        [groups[1]!.groupId, '2025-01-01', '2026-12-31'],
        [null, '2025-07-01', '2025-09-30'],
        [groups[2]!.groupId, '2026-01-01', '2026-06-30'],
      ] as const) {
        const found = records(store, groupId, from, to);
        expect(found.length).toBeGreaterThan(0);
        for (const m of found) expect({ present: m.present, absent: m.absent, caseOwnerIds: m.caseOwnerIds }).toEqual(fromRows(store, m.id));
        expect([...found].sort(compareMeetings)).toEqual(found);
        expect(found.some((m) => m.status === 'running')).toBe(false);
        if (groupId !== null) expect(found.every((m) => m.groupId === groupId)).toBe(true);
        const { startIso, endIso } = periodBounds({ from, to });
        expect(found.every((m) => m.startedAt >= startIso && m.startedAt < endIso)).toBe(true);
      }
      const all = records(store, null, '2025-01-01', '2026-12-31');
      expect(all).toHaveLength(90);
      expect(all.filter((m) => m.caseOwnerIds.length > 0).length).toBeGreaterThan(50);
      expect(all.some((m) => m.absent.length > 0)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('gives the same list text one shared frozen array', () => {
    const { db } = history();
    const store = openStore(db);
    try {
      const seen = new Map<string, readonly string[]>();
      let shared = 0;
      eachReportMeeting(store, { groupId: null, ...periodBounds({ from: '2025-01-01', to: '2026-12-31' }) }, (m) => {
        for (const list of [m.present, m.absent]) {
          expect(Object.isFrozen(list)).toBe(true);
          const key = list.join(',');
          const before = seen.get(key);
          if (before === undefined) seen.set(key, list);
          else {
            expect(list).toBe(before);
            shared++;
          }
        }
      });
      expect(shared).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });
});

describe('report --json as a stream', () => {
  async function streamed(db: string, opts: { group?: string; year?: string; register?: string } = {}): Promise<string> {
    const t = testCtx({ db, clock: new FakeClock('2026-11-24T12:00:00Z') });
    try {
      await report(t.ctx, { member: [], json: true, ...opts });
    } finally {
      t.ctx.dispose();
    }
    return t.stdout.text;
  }

  async function whole(db: string, opts: { group?: string; year?: string; register?: string } = {}): Promise<string> {
    const store = openStore(db);
    try {
      const profile = await loadRegisterProfile(opts.register);
      const { model, lookups } = buildReport(store, { member: [], ...opts, today: '2026-11-24', profile });
      return `${escapeJsonText(JSON.stringify(buildReportJson(model, lookups), null, 2))}\n`;
    } finally {
      store.close();
    }
  }

  it('writes exactly the JSON of the whole report, with and without a register', async () => {
    const { db } = history();
    for (const opts of [{}, { register: 'vit' }, { group: 'Mediators' }, { year: '2025', register: 'nobco' }]) {
      const text = await streamed(db, opts);
      expect(text).toBe(await whole(db, opts));
      expect(JSON.parse(text).meetings.length).toBeGreaterThan(0);
    }
  });

  it('falls back to the plain way when SQLite orders ids differently from JavaScript', async () => {
    const db = tempDb();
    const store = openStore(db);
    const g = seedGroup(store, 'Coaches Utrecht', ['Anna', 'Bram', 'Carla']);
    // Same start; SQLite sorts by UTF-8 bytes (U+FFFF first), JavaScript by UTF-16 units (U+10000 first).
    const start = '2026-03-10T18:30:00.000Z';
    const end = '2026-03-10T20:30:00.000Z';
    seedMeeting(store, g, { id: 'meeting-\u{ffff}', start, end, present: ['Anna', 'Bram'], absent: ['Carla'] });
    seedMeeting(store, g, { id: 'meeting-\u{10000}', start, end, present: ['Anna', 'Carla'], absent: ['Bram'] });
    seedMeeting(store, g, { start: '2026-04-14T17:30:00.000Z', end: '2026-04-14T19:30:00.000Z', present: ['Anna', 'Bram', 'Carla'] });
    const inStoreOrder = records(store, null, '2026-01-01', '2026-12-31').map((m) => m.id);
    store.close();
    expect(inStoreOrder.slice(0, 2)).toEqual(['meeting-\u{ffff}', 'meeting-\u{10000}']);

    const text = await streamed(db, { year: '2026' });
    expect(text).toBe(await whole(db, { year: '2026' }));
    expect(JSON.parse(text).meetings.map((m: { id: string }) => m.id).slice(0, 2)).toEqual(['meeting-\u{10000}', 'meeting-\u{ffff}']);
  });
});
