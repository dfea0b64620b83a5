import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeReport,
  evaluateRequirement,
  meetingMinutes,
  minutesToHours,
  notCountedReasons,
  ReportTally,
  type MeetingFacts,
  type MeetingRecord,
  type MemberRecord,
} from '../../src/domain/hours.js';
import { registerProfileSchema, type RegisterProfile } from '../../src/domain/register.js';

const G = 'g1';
const member = (id: string, name = id, removed = false): MemberRecord => ({ id, groupId: G, name, register: null, registrationNumber: null, removed });

function meeting(over: Partial<MeetingRecord> & Pick<MeetingRecord, 'id' | 'startedAt' | 'endedAt'>): MeetingRecord {
  return {
    groupId: G,
    status: 'completed',
    counted: true,
    source: 'live',
    pausedSeconds: 0,
    plannedMinutes: 120,
    chairId: null,
    methodId: '5-stappen',
    place: null,
    topic: null,
    present: [],
    absent: [],
    caseOwnerIds: [],
    ...over,
  };
}

function profile(over: Record<string, unknown>): RegisterProfile {
  return registerProfileSchema.parse({ id: 'test', name: 'Test', country: 'NL', proof: { nl: 'x', en: 'x' }, checked: '2026-11-24', ...over });
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

describe('meeting minutes (the shared hours rule)', () => {
  it('is end − start − pauses, rounded to whole minutes', () => {
    expect(meetingMinutes({ startedAt: '2026-03-10T18:30:00.000Z', endedAt: '2026-03-10T20:30:00.000Z', pausedSeconds: 0 })).toBe(120);
    expect(meetingMinutes({ startedAt: '2026-03-10T18:30:00.000Z', endedAt: '2026-03-10T20:30:00.000Z', pausedSeconds: 600 })).toBe(110);
    // 89.5 minutes rounds up, 89.4 down
    expect(meetingMinutes({ startedAt: '2026-03-10T18:30:00.000Z', endedAt: '2026-03-10T20:00:00.000Z', pausedSeconds: 30 })).toBe(90);
    expect(meetingMinutes({ startedAt: '2026-03-10T18:30:00.000Z', endedAt: '2026-03-10T20:00:00.000Z', pausedSeconds: 36 })).toBe(89);
  });

  it('is never negative and 0 without an end', () => {
    expect(meetingMinutes({ startedAt: '2026-03-10T18:30:00.000Z', endedAt: '2026-03-10T18:40:00.000Z', pausedSeconds: 3600 })).toBe(0);
    expect(meetingMinutes({ startedAt: '2026-03-10T18:30:00.000Z', endedAt: null, pausedSeconds: 0 })).toBe(0);
  });

  it('rounds hours to 2 decimals from minutes', () => {
    expect(minutesToHours(930)).toBe(15.5);
    expect(minutesToHours(100)).toBe(1.67);
    expect(minutesToHours(0)).toBe(0);
  });
});

describe('totals for a known history (computed by hand)', () => {
  // Anna, Bram, Carla, Daan; four meetings in 2026 and one in 2025.
  const members = ['anna', 'bram', 'carla', 'daan'].map((id) => member(id));
  const meetings: MeetingRecord[] = [
    // 120 min, all four, Bram chairs, Carla's case
    meeting({ id: 'm1', startedAt: '2026-02-10T18:30:00.000Z', endedAt: '2026-02-10T20:30:00.000Z', chairId: 'bram', present: ['anna', 'bram', 'carla', 'daan'], caseOwnerIds: ['carla'] }),
    // 135 min − 15 min pause = 120; Daan absent; Anna chairs and brings a case
    meeting({ id: 'm2', startedAt: '2026-04-14T17:30:00.000Z', endedAt: '2026-04-14T19:45:00.000Z', pausedSeconds: 900, chairId: 'anna', present: ['anna', 'bram', 'carla'], absent: ['daan'], caseOwnerIds: ['anna'] }),
    // aborted but held: 75 min counts; planned 90
    meeting({ id: 'm3', status: 'aborted', counted: true, plannedMinutes: 90, startedAt: '2026-06-09T17:30:00.000Z', endedAt: '2026-06-09T18:45:00.000Z', present: ['anna', 'daan'], absent: ['bram', 'carla'] }),
    // aborted and not held: counts for nobody, is not "missed"
    meeting({ id: 'm4', status: 'aborted', counted: false, startedAt: '2026-09-08T17:30:00.000Z', endedAt: '2026-09-08T17:50:00.000Z', present: ['anna', 'bram'], absent: ['carla', 'daan'] }),
    // still running: ignored
    meeting({ id: 'm5', status: 'running', startedAt: '2026-11-03T18:30:00.000Z', endedAt: null, present: ['anna'] }),
    // outside the period
    meeting({ id: 'm0', startedAt: '2025-12-09T18:30:00.000Z', endedAt: '2025-12-09T20:30:00.000Z', present: ['anna'] }),
  ];
  const model = computeReport({ period: YEAR, register: null, groups: [{ id: G, name: 'G', minSize: 4 }], members, meetings, onlyMembers: null });
  const by = Object.fromEntries(model.members.map((m) => [m.memberId, m]));

  it('counts meetings, minutes, chaired, cases and missed per member', () => {
    expect(by['anna']).toMatchObject({ meetings: 3, minutes: 120 + 120 + 75, plannedMinutes: 120 + 120 + 90, chaired: 1, casesBrought: 1, missed: 0 });
    expect(by['bram']).toMatchObject({ meetings: 2, minutes: 240, chaired: 1, casesBrought: 0, missed: 1 });
    expect(by['carla']).toMatchObject({ meetings: 2, minutes: 240, chaired: 0, casesBrought: 1, missed: 1 });
    expect(by['daan']).toMatchObject({ meetings: 2, minutes: 195, chaired: 0, casesBrought: 0, missed: 1 });
  });

  it('lists a meeting that was not held as not counted for those present', () => {
    expect(by['anna']!.notCounted).toEqual([{ meetingId: 'm4', date: '2026-09-08', reasons: [{ code: 'not-held' }] }]);
    expect(by['carla']!.notCounted).toEqual([]);
  });

  it('lists only held meetings in the period, in time order', () => {
    expect(model.meetings.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(model.meetings[1]).toMatchObject({ date: '2026-04-14', start: '19:30', end: '21:45', minutes: 120 });
  });

  it('limits members with onlyMembers but keeps their meetings', () => {
    const only = computeReport({ period: YEAR, register: null, groups: [{ id: G, name: 'G', minSize: 4 }], members, meetings, onlyMembers: new Set(['daan']) });
    expect(only.members.map((m) => m.memberId)).toEqual(['daan']);
    expect(only.meetings.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('shows a removed member only when they were on a list in the period', () => {
    const withRemoved = [...members, member('eva', 'Eva', true), member('fred', 'Fred', true)];
    const extra = [...meetings, meeting({ id: 'm6', startedAt: '2026-10-06T17:30:00.000Z', endedAt: '2026-10-06T19:30:00.000Z', present: ['eva', 'anna', 'bram', 'carla'] })];
    const r = computeReport({ period: YEAR, register: null, groups: [{ id: G, name: 'G', minSize: 4 }], members: withRemoved, meetings: extra, onlyMembers: null });
    expect(r.members.map((m) => m.memberId)).toContain('eva');
    expect(r.members.map((m) => m.memberId)).not.toContain('fred');
  });
});

describe('register rules: each gives its own "not counted" reason', () => {
  const facts: MeetingFacts = { minutes: 120, present: 5, listed: 6, chairId: 'c', methodId: '5-stappen', groupMinSize: 4, held: true };

  it('counts a meeting that meets every rule', () => {
    const p = profile({ rules: { minPresent: 5, maxGroupSize: 8, minMeetingMinutes: 120, requireChair: true, requireMethod: true } });
    expect(notCountedReasons(facts, p)).toEqual([]);
    expect(notCountedReasons(facts, null)).toEqual([]);
  });

  it.each([
    [{ minMeetingMinutes: 121 }, {}, { code: 'too-short', actual: 120, limit: 121 }],
    [{ minPresent: 6 }, {}, { code: 'too-few-present', actual: 5, limit: 6 }],
    [{ minPresent: 'group' }, { groupMinSize: 6 }, { code: 'too-few-present', actual: 5, limit: 6 }],
    [{ maxGroupSize: 5 }, {}, { code: 'group-too-large', actual: 6, limit: 5 }],
    [{ requireChair: true }, { chairId: null }, { code: 'no-chair' }],
    [{ requireMethod: true }, { methodId: null }, { code: 'no-method' }],
  ] as [Record<string, unknown>, Partial<MeetingFacts>, object][])('%j on %j → %j', (rules, change, reason) => {
    expect(notCountedReasons({ ...facts, ...change }, profile({ rules }))).toEqual([reason]);
  });

  it('says "not held" before anything else', () => {
    expect(notCountedReasons({ ...facts, held: false, minutes: 1 }, profile({ rules: { minMeetingMinutes: 90 } }))).toEqual([{ code: 'not-held' }]);
  });

  it('keeps a rejected meeting out of the member totals', () => {
    const members = ['a', 'b', 'c'].map((id) => member(id));
    const meetings = [
      meeting({ id: 'ok', startedAt: '2026-03-03T18:00:00.000Z', endedAt: '2026-03-03T20:00:00.000Z', present: ['a', 'b', 'c'] }),
      meeting({ id: 'short', startedAt: '2026-04-07T17:00:00.000Z', endedAt: '2026-04-07T18:00:00.000Z', present: ['a', 'b', 'c'] }),
    ];
    const r = computeReport({ period: YEAR, register: profile({ rules: { minMeetingMinutes: 90 } }), groups: [{ id: G, name: 'G', minSize: 3 }], members, meetings, onlyMembers: null });
    expect(r.members[0]).toMatchObject({ meetings: 1, minutes: 120 });
    expect(r.members[0]!.notCounted).toEqual([{ meetingId: 'short', date: '2026-04-07', reasons: [{ code: 'too-short', actual: 60, limit: 90 }] }]);
    expect(r.meetings.find((m) => m.id === 'short')!.reasons).toHaveLength(1);
  });
});

describe('requirement for a period', () => {
  const totals = { minutes: 840, meetings: 7, casesBrought: 0, missed: 2 };

  it('compares hours pro rata and says what is missing', () => {
    const p = profile({ requirement: { hours: 15, periodMonths: 12 } });
    expect(evaluateRequirement(totals, p, 12)).toMatchObject({ requiredMinutes: 900, missingMinutes: 60, met: false });
    expect(evaluateRequirement({ ...totals, minutes: 900 }, p, 12)).toMatchObject({ missingMinutes: 0, met: true });
    expect(evaluateRequirement(totals, p, 60)).toMatchObject({ requiredMinutes: 4500 });
    expect(evaluateRequirement(totals, profile({ requirement: { hours: 1, periodMonths: 3 } }), 12)).toMatchObject({ requiredMinutes: 240, met: true });
  });

  it('checks meetings, an own case and missed meetings', () => {
    const p = profile({ requirement: { meetings: 8, periodMonths: 12, mustBringCase: true, maxMissed: 1 } });
    expect(evaluateRequirement(totals, p, 12)).toMatchObject({ requiredMeetings: 8, missingMeetings: 1, caseMissing: true, tooManyMissed: true, met: false });
    expect(evaluateRequirement({ ...totals, meetings: 8, casesBrought: 1, missed: 1 }, p, 12)).toMatchObject({ met: true });
  });

  it('is null without a register or without a requirement', () => {
    expect(evaluateRequirement(totals, null, 12)).toBeNull();
    expect(evaluateRequirement(totals, profile({}), 12)).toBeNull();
  });
});

describe('property: members\' minutes add up to the attendance rows', () => {
  const history = fc
    .record({
      size: fc.integer({ min: 2, max: 7 }),
      meetings: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 800 }),
          startMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
          length: fc.integer({ min: 0, max: 300 }),
          pause: fc.integer({ min: 0, max: 3600 }),
          status: fc.constantFrom('completed', 'aborted', 'running'),
          counted: fc.boolean(),
          presence: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
          minutesRule: fc.option(fc.integer({ min: 30, max: 150 }), { nil: null }),
        }),
        { maxLength: 40 },
      ),
    })
    .map(({ size, meetings }) => {
      const ids = Array.from({ length: size }, (_, i) => `p${i}`);
      return {
        members: ids.map((id) => member(id)),
        meetings: meetings.map((m, i): MeetingRecord => {
          const start = Date.UTC(2025, 0, 1) + m.day * 86_400_000 + m.startMinute * 60_000;
          return meeting({
            id: `m${i}`,
            startedAt: new Date(start).toISOString(),
            endedAt: new Date(start + m.length * 60_000).toISOString(),
            pausedSeconds: m.pause,
            status: m.status as MeetingRecord['status'],
            counted: m.counted,
            present: ids.filter((_, k) => m.presence[k]),
            absent: ids.filter((_, k) => !m.presence[k]),
          });
        }),
      };
    });

  it('without a register: sum over members = sum over present attendance rows of held meetings in the period', () => {
    fc.assert(
      fc.property(history, ({ members, meetings }) => {
        const period = { from: '2025-03-01', to: '2026-02-28' };
        const r = computeReport({ period, register: null, groups: [{ id: G, name: 'G', minSize: 2 }], members, meetings, onlyMembers: null });
        const byMembers = r.members.reduce((s, m) => s + m.minutes, 0);
        const inPeriod = new Set(r.meetings.map((m) => m.id));
        const byRows = meetings
          .filter((m) => inPeriod.has(m.id))
          .reduce((s, m) => s + m.present.length * meetingMinutes(m), 0);
        expect(byMembers).toBe(byRows);
        expect(r.members.reduce((s, m) => s + m.meetings, 0)).toBe(r.meetings.reduce((s, m) => s + m.present.length, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('with a register: the same sum over the meetings that count', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 30, max: 150 }), fc.integer({ min: 1, max: 5 }), ({ members, meetings }, minMinutes, minPresent) => {
        const period = { from: '2025-01-01', to: '2027-12-31' };
        const register = profile({ rules: { minMeetingMinutes: minMinutes, minPresent } });
        const r = computeReport({ period, register, groups: [{ id: G, name: 'G', minSize: 2 }], members, meetings, onlyMembers: null });
        const byMembers = r.members.reduce((s, m) => s + m.minutes, 0);
        const byRows = r.meetings.filter((m) => m.reasons.length === 0).reduce((s, m) => s + m.present.length * m.minutes, 0);
        expect(byMembers).toBe(byRows);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the tally without meeting ids (JSON and CSV need only the totals)', () => {
  it('counts the same and leaves meetingIds empty', () => {
    const members = [member('a'), member('b'), member('c')];
    const meetings = [
      meeting({ id: 'm1', startedAt: '2026-03-10T18:30:00.000Z', endedAt: '2026-03-10T20:30:00.000Z', present: ['a', 'b'], absent: ['c'], chairId: 'a' }),
      meeting({ id: 'm2', startedAt: '2026-04-10T18:30:00.000Z', endedAt: '2026-04-10T19:30:00.000Z', present: ['a', 'c'], absent: ['b'] }),
      meeting({ id: 'm3', status: 'aborted', counted: false, startedAt: '2026-05-10T18:30:00.000Z', endedAt: '2026-05-10T18:40:00.000Z', present: ['b'] }),
    ];
    const input = { period: YEAR, register: null, groups: [{ id: G, name: 'G', minSize: 3 }], members, onlyMembers: null };
    const totals = (keep: boolean) => {
      const tally = new ReportTally(input, { keepMeetingIds: keep });
      for (const m of meetings) tally.add(m);
      return tally.members().members;
    };
    const kept = totals(true);
    const bare = totals(false);
    expect(kept.find((t) => t.memberId === 'a')!.meetingIds).toEqual(['m1', 'm2']);
    expect(bare.every((t) => t.meetingIds.length === 0)).toBe(true);
    expect(bare).toEqual(kept.map((t) => ({ ...t, meetingIds: [] })));
  });
});
