import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeReport, type MeetingRecord } from '../../src/domain/hours.js';
import {
  instantMs,
  localDate,
  localTime,
  offsetMinutes,
  parseNamedPeriod,
  periodBounds,
  periodMonths,
  readInstant,
  resolvePeriod,
  zonedInstant,
} from '../../src/domain/period.js';
import { UsageError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';

const TODAY = '2026-11-24';

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as UsageError).render(messages('nl'));
  }
  throw new Error('expected a usage error');
}

describe('resolving the period flags', () => {
  it('takes a year, a quarter, a half year and a month', () => {
    expect(resolvePeriod({ year: '2026' }, TODAY, null)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ period: '2026-Q3' }, TODAY, null)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(resolvePeriod({ period: '2026-q1' }, TODAY, null)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(parseNamedPeriod('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(parseNamedPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('counts --last back from today, today included', () => {
    expect(resolvePeriod({ last: '12m' }, TODAY, null)).toEqual({ from: '2025-11-25', to: TODAY });
    expect(resolvePeriod({ last: '3y' }, TODAY, null)).toEqual({ from: '2023-11-25', to: TODAY });
    expect(resolvePeriod({ last: '5y' }, TODAY, null)).toEqual({ from: '2021-11-25', to: TODAY });
  });

  it('uses --from/--to, and all history up to today by default', () => {
    expect(resolvePeriod({ from: '2026-02-01', to: '2026-02-28' }, TODAY, null)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(resolvePeriod({ from: '2026-02-01' }, TODAY, null)).toEqual({ from: '2026-02-01', to: TODAY });
    expect(resolvePeriod({}, TODAY, '2019-05-14')).toEqual({ from: '2019-05-14', to: TODAY });
    expect(resolvePeriod({}, TODAY, null)).toEqual({ from: TODAY, to: TODAY });
  });

  it.each([
    [{ year: '2026', last: '12m' }, /één manier/],
    [{ period: '2026-Q3', from: '2026-01-01' }, /één manier/],
    [{ year: '26' }, /--year/],
    [{ last: '12w' }, /--last/],
    [{ last: '0m' }, /--last/],
    [{ period: '2026-Q5' }, /--period/],
    [{ from: '2026-02-30' }, /--from .*2026-02-30/],
    [{ to: '10-03-2026' }, /--to/],
    [{ from: '2026-05-01', to: '2026-04-01' }, /ligt na/],
  ])('refuses %j', (flags, message) => {
    expect(usage(() => resolvePeriod(flags, TODAY, null))).toMatch(message);
  });

  it('measures months for pro-rata requirements', () => {
    expect(periodMonths({ from: '2026-01-01', to: '2026-12-31' })).toBe(12);
    expect(periodMonths({ from: '2026-07-01', to: '2026-09-30' })).toBe(3);
    expect(periodMonths({ from: '2025-11-25', to: '2026-11-24' })).toBe(12);
    expect(periodMonths({ from: '2021-11-25', to: '2026-11-24' })).toBe(60);
    expect(periodMonths({ from: '2026-01-10', to: '2026-01-24' })).toBeCloseTo(15 / 30.436875, 5);
  });
});

describe('bounds in Europe/Amsterdam, inclusive', () => {
  it('turns a period into UTC instants at local midnight (winter and summer time)', () => {
    expect(periodBounds({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      startIso: '2025-12-31T23:00:00.000Z',
      endIso: '2026-12-31T23:00:00.000Z',
    });
    expect(periodBounds({ from: '2026-07-01', to: '2026-09-30' })).toEqual({
      startIso: '2026-06-30T22:00:00.000Z',
      endIso: '2026-09-30T22:00:00.000Z',
    });
  });

  it('reads local dates and times across the DST changes', () => {
    expect(localDate('2025-12-31T23:30:00.000Z')).toBe('2026-01-01');
    expect(localTime('2025-12-31T23:30:00.000Z')).toBe('00:30');
    expect(localTime('2026-03-29T00:59:00.000Z')).toBe('01:59');
    expect(localTime('2026-03-29T01:00:00.000Z')).toBe('03:00');
    expect(localTime('2026-10-25T00:59:00.000Z')).toBe('02:59');
    expect(localTime('2026-10-25T01:00:00.000Z')).toBe('02:00');
    expect(zonedInstant('2026-07-01', '19:30').toISOString()).toBe('2026-07-01T17:30:00.000Z');
    // Local midnight is past: the date moves on, in summer and in winter time.
    expect(localDate('2026-06-30T22:30:00.000Z')).toBe('2026-07-01');
    expect(localDate('2026-03-28T23:30:00.000Z')).toBe('2026-03-29');
    expect(localTime('2026-10-24T22:30:00.000Z')).toBe('00:30');
    // Stamps in another ISO shape read the same as toISOString() ones.
    expect(localTime('2026-03-10T18:30:00Z')).toBe('19:30');
    expect(localTime('2026-03-10T18:30:00.000Z')).toBe('19:30');
    // Local mean time (+00:17:30 in 1890) shifts the seconds too, so the minute can change.
    expect(localTime('1890-01-23T10:15:00.000Z')).toBe('10:32');
    expect(localTime('1890-01-23T10:15:38.307Z')).toBe('10:33');
    expect(zonedInstant('2026-01-15', '19:30').toISOString()).toBe('2026-01-15T18:30:00.000Z');
  });

  it('reads stored instants as Date.parse does, whatever their shape', () => {
    for (const s of [
      '2026-03-10T18:30:00.000Z',
      '2028-02-29T23:59:59.999Z',
      '2026-02-30T10:00:00.000Z',
      '2026-03-10T18:30:00Z',
      '2026-03-10T19:30:00.000+01:00',
      '0050-03-10T18:30:00.000Z',
      'not a date',
    ]) {
      expect(instantMs(s)).toEqual(Date.parse(s));
    }
  });

  it('reads an instant once into its time and local stamp, the same by the quick and the general way', () => {
    const general = (ms: number) => new Date(ms + offsetMinutes(ms) * 60_000).toISOString().slice(0, 16);
    for (const s of ['2026-03-10T18:30:00.000Z', '2026-03-10T18:30:00Z', '2026-03-10T19:30:00.000+01:00', '2026-03-28T23:30:00.000Z', '1890-01-23T10:15:38.307Z']) {
      expect(readInstant(s)).toEqual({ ms: Date.parse(s), stamp: general(Date.parse(s)) });
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const s = new Date(ms).toISOString();
        expect(readInstant(s)).toEqual({ ms, stamp: general(ms) });
      }),
      { numRuns: 2000 },
    );
  });

  const meeting = (id: string, startedAt: string, endedAt: string): MeetingRecord => ({
    id,
    groupId: 'g',
    status: 'completed',
    counted: true,
    source: 'live',
    startedAt,
    endedAt,
    pausedSeconds: 0,
    plannedMinutes: 120,
    chairId: null,
    methodId: null,
    place: null,
    topic: null,
    present: ['a'],
    absent: [],
    caseOwnerIds: [],
  });
  const members = [{ id: 'a', groupId: 'g', name: 'A', register: null, registrationNumber: null, removed: false }];
  const run = (from: string, to: string, meetings: MeetingRecord[]) =>
    computeReport({ period: { from, to }, register: null, groups: [{ id: 'g', name: 'G', minSize: 1 }], members, meetings, onlyMembers: null });

  it('includes meetings on the first and the last day, local time', () => {
    const meetings = [
      meeting('first', '2025-12-31T23:15:00.000Z', '2026-01-01T01:15:00.000Z'), // 1 Jan 00:15 local
      meeting('last', '2026-12-31T21:00:00.000Z', '2026-12-31T22:30:00.000Z'), // 31 Dec 22:00 local
      meeting('before', '2025-12-31T22:45:00.000Z', '2026-01-01T00:45:00.000Z'), // 31 Dec 23:45 local
      meeting('after', '2026-12-31T23:00:00.000Z', '2027-01-01T00:00:00.000Z'), // 1 Jan 2027 00:00 local
    ];
    expect(run('2026-01-01', '2026-12-31', meetings).meetings.map((m) => m.id)).toEqual(['first', 'last']);
  });

  it('keeps a meeting over midnight on the day it started, with its full length', () => {
    // 30 June 23:00 local to 1 July 01:00 local
    const late = meeting('late', '2026-06-30T21:00:00.000Z', '2026-06-30T23:00:00.000Z');
    const q2 = run('2026-04-01', '2026-06-30', [late]);
    expect(q2.meetings.map((m) => [m.date, m.start, m.end, m.minutes])).toEqual([['2026-06-30', '23:00', '01:00', 120]]);
    expect(q2.members[0]!.minutes).toBe(120);
    expect(run('2026-07-01', '2026-09-30', [late]).meetings).toEqual([]);
  });
});
