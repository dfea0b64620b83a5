import { describe, expect, it } from 'vitest';
import { suggestChair } from '../../src/domain/chair.js';
import { parseNaturalDate, usualTimeOfDay } from '../../src/domain/natural-date.js';
import { countedMinutes, isStep, minutesForMethod, nextStep, plannedEnd, STEPS, type Step } from '../../src/domain/session.js';

describe('session state machine', () => {
  it('walks every step in order on the normal path', () => {
    const path: Step[] = ['chair'];
    let step: Step = 'chair';
    while (step !== 'done') {
      step = nextStep(step, { candidates: 2, phasesLeft: 0 });
      path.push(step);
    }
    expect(path).toEqual([...STEPS]);
  });

  it('skips EGT with a single case and goes to closing without any case', () => {
    expect(nextStep('inventory', { candidates: 1 })).toBe('method');
    expect(nextStep('inventory', { candidates: 3 })).toBe('egt');
    expect(nextStep('inventory', { candidates: 0, noCase: 'theme' })).toBe('closing');
    expect(nextStep('inventory', { candidates: 0, noCase: 'end' })).toBe('closing');
  });

  it('stays in the phases step until the last phase ended', () => {
    expect(nextStep('phases', { phasesLeft: 2 })).toBe('phases');
    expect(nextStep('phases', { phasesLeft: 0 })).toBe('closing');
    expect(nextStep('done')).toBe('done');
  });

  it('every stored step can be resumed, nothing else', () => {
    for (const s of STEPS) expect(isStep(s)).toBe(true);
    expect(isStep('advies')).toBe(false);
    expect(isStep(null)).toBe(false);
  });

  it('counts minutes by the shared hours rule and moves the end with pauses', () => {
    const start = new Date('2026-11-24T18:30:00Z');
    expect(countedMinutes(start, new Date('2026-11-24T20:30:00Z'), 600)).toBe(110);
    expect(countedMinutes(start, new Date('2026-11-24T18:30:40Z'), 0)).toBe(1);
    const end = plannedEnd(start, 120, 300);
    expect(end.toISOString()).toBe('2026-11-24T20:35:00.000Z');
    expect(minutesForMethod(new Date('2026-11-24T19:00:00Z'), end)).toBe(90);
    expect(minutesForMethod(new Date('2026-11-24T21:00:00Z'), end)).toBe(0);
  });
});

describe('chair suggestion', () => {
  const members = [
    { id: 'a', name: 'Anna' },
    { id: 'b', name: 'Bram' },
    { id: 'c', name: 'Carla' },
  ];
  it('prefers the chair agreed last time', () => {
    expect(suggestChair({ candidates: members, agreedChairId: 'c', history: [] })).toBe('c');
  });
  it('otherwise the member who chaired least often, then longest ago', () => {
    const history = [
      { chairId: 'a', startedAt: '2026-09-01' },
      { chairId: 'b', startedAt: '2026-10-01' },
      { chairId: 'c', startedAt: '2026-08-01' },
      { chairId: 'a', startedAt: '2026-11-01' },
    ];
    expect(suggestChair({ candidates: members, agreedChairId: null, history })).toBe('c');
    expect(suggestChair({ candidates: members, agreedChairId: null, history, exclude: ['c'] })).toBe('b');
    expect(suggestChair({ candidates: members.slice(0, 1), agreedChairId: 'c', history })).toBe('a');
  });
});

describe('natural date input', () => {
  const now = new Date('2026-11-24T18:30:00Z'); // Tuesday 19:30 in Amsterdam
  const at = { hours: 19, minutes: 30 };
  const p = (s: string) => parseNaturalDate(s, now, at)?.toISOString() ?? null;
  it('defaults the time of day to the planned time, or the start rounded to a quarter hour', () => {
    const started = new Date('2026-11-24T18:37:10Z'); // 19:37 in Amsterdam
    expect(usualTimeOfDay(started, null)).toEqual({ hours: 19, minutes: 30 });
    expect(usualTimeOfDay(new Date('2026-11-24T18:38:00Z'), null)).toEqual({ hours: 19, minutes: 45 });
    expect(usualTimeOfDay(started, new Date('2026-11-24T19:00:00Z'))).toEqual({ hours: 20, minutes: 0 });
    expect(usualTimeOfDay(new Date('2026-07-01T17:53:00Z'), null)).toEqual({ hours: 20, minutes: 0 });
  });
  it('reads the forms people type', () => {
    expect(p('8 dec 19:30')).toBe('2026-12-08T18:30:00.000Z');
    expect(p('di 8 december om 20.00')).toBe('2026-12-08T19:00:00.000Z');
    expect(p('2026-12-08 19:30')).toBe('2026-12-08T18:30:00.000Z');
    expect(p('8-12')).toBe('2026-12-08T18:30:00.000Z');
    expect(p('over 3 weken')).toBe('2026-12-15T18:30:00.000Z');
    expect(p('in 2 weeks 20:00')).toBe('2026-12-08T19:00:00.000Z');
    expect(p('12 mrt 2027 9u')).toBe('2027-03-12T08:00:00.000Z');
  });
  it('takes summer time into account and rolls a past date into next year', () => {
    expect(p('1 jul 19:30')).toBe('2027-07-01T17:30:00.000Z');
    expect(p('1 nov')).toBe('2027-11-01T18:30:00.000Z');
  });
  it('refuses what is not a date', () => {
    expect(p('')).toBeNull();
    expect(p('binnenkort')).toBeNull();
    expect(p('31 nov')).toBeNull();
    expect(p('8 dec 25:00')).toBeNull();
  });
});
