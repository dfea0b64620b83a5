import { describe, expect, it } from 'vitest';
import { localParts, parseInterval, parseLocalDateTime, seriesInstants, zonedInstant } from '../../src/domain/recurrence.js';
import { UserError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';

const at = (raw: string) => {
  const l = parseLocalDateTime(raw, '--first');
  return zonedInstant(l, l.hour!, l.minute!, '--first', raw);
};

function errorText(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err.render(messages('nl'));
    throw err;
  }
  throw new Error('expected an error');
}

describe('--every', () => {
  it.each([
    ['3 weeks', { unit: 'week', n: 3 }],
    ['2 weken', { unit: 'week', n: 2 }],
    ['1 week', { unit: 'week', n: 1 }],
    ['1 maand', { unit: 'month', n: 1 }],
    ['2 maanden', { unit: 'month', n: 2 }],
    ['6 months', { unit: 'month', n: 6 }],
    ['3w', { unit: 'week', n: 3 }],
    [' 4 Weken ', { unit: 'week', n: 4 }],
  ])('reads %j', (raw, expected) => {
    expect(parseInterval(raw)).toEqual(expected);
  });

  it.each(['', 'weekly', '3', '0 weken', '27 weken', '13 maanden', 'drie weken', '2 dagen'])('refuses %j with one line', (raw) => {
    expect(errorText(() => parseInterval(raw))).toMatch(/--every/);
  });
});

describe('dates in Europe/Amsterdam', () => {
  it('reads a local date and time as Dutch time (winter: UTC+1, summer: UTC+2)', () => {
    expect(at('2026-12-08 19:30').toISOString()).toBe('2026-12-08T18:30:00.000Z');
    expect(at('2027-06-08T19:30').toISOString()).toBe('2027-06-08T17:30:00.000Z');
    expect(at('8-12-2026 19.30').toISOString()).toBe('2026-12-08T18:30:00.000Z');
  });

  it('refuses dates that do not exist, and a time skipped by the clock change', () => {
    expect(errorText(() => parseLocalDateTime('2027-02-29 19:30', '--first'))).toMatch(/geen geldige datum/);
    expect(errorText(() => parseLocalDateTime('2026-04-31', '--to'))).toMatch(/--to '2026-04-31'/);
    expect(errorText(() => parseLocalDateTime('2026-12-08 24:00', '--first'))).toMatch(/geen geldige datum/);
    expect(errorText(() => parseLocalDateTime('morgen', '--first'))).toMatch(/geen geldige datum/);
    expect(errorText(() => at('2027-03-28 02:30'))).toMatch(/zomertijd/);
  });

  it('keeps 19:30 wall-clock time across the change to summer time', () => {
    // Every 3 weeks from 8 December 2026: the series crosses 28 March 2027.
    const dates = seriesInstants(at('2026-12-08 19:30'), parseInterval('3 weken'), 8);
    expect(dates.map((d) => localParts(d))).toEqual(
      ['2026-12-08', '2026-12-29', '2027-01-19', '2027-02-09', '2027-03-02', '2027-03-23', '2027-04-13', '2027-05-04'].map((day) => {
        const [year, month, dd] = day.split('-').map(Number);
        return { year, month, day: dd, hour: 19, minute: 30 };
      }),
    );
    // The UTC instant moves by an hour: 18:30Z in winter, 17:30Z in summer.
    expect(dates[5]!.toISOString()).toBe('2027-03-23T18:30:00.000Z');
    expect(dates[6]!.toISOString()).toBe('2027-04-13T17:30:00.000Z');
  });

  it('keeps the wall-clock time across the change back to winter time', () => {
    const dates = seriesInstants(at('2027-10-19 09:00'), parseInterval('2 weeks'), 3);
    // Summer time ends on 31 October 2027.
    expect(dates.map((d) => d.toISOString())).toEqual(['2027-10-19T07:00:00.000Z', '2027-11-02T08:00:00.000Z', '2027-11-16T08:00:00.000Z']);
    expect(dates.every((d) => localParts(d).hour === 9)).toBe(true);
  });

  it('counts months from the first date, clamping at the end of a month', () => {
    const dates = seriesInstants(at('2027-01-31 19:30'), parseInterval('1 maand'), 4);
    expect(dates.map((d) => localParts(d)).map((p) => `${p.month}-${p.day} ${p.hour}:${p.minute}`)).toEqual([
      '1-31 19:30',
      '2-28 19:30',
      '3-31 19:30',
      '4-30 19:30',
    ]);
  });
});
