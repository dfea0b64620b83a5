import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustPlan, apportion, breakAfter, ownPace, rebalance, splitMinutes, type PhaseBudget } from '../../src/domain/time-plan.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const fiveSteps: PhaseBudget[] = [
  { id: 'intro', weight: 10 },
  { id: 'questions', weight: 20 },
  { id: 'awareness', weight: 25, minMinutes: 5 },
  { id: 'advice', weight: 25 },
  { id: 'closing', weight: 10 },
];

describe('splitMinutes', () => {
  it('splits proportionally into whole minutes that add up exactly', () => {
    expect(splitMinutes(fiveSteps, 90)).toEqual([10, 20, 25, 25, 10]);
    const plan = splitMinutes(fiveSteps, 60);
    expect(sum(plan)).toBe(60);
    expect(plan).toEqual([7, 13, 17, 17, 6]);
  });

  it('gives every phase at least its minimum and shares the rest by weight', () => {
    const plan = splitMinutes([{ id: 'a', weight: 1, minMinutes: 10 }, { id: 'b', weight: 9 }, { id: 'c', weight: 10 }], 40);
    expect(plan).toEqual([10, 14, 16]);
  });

  it('defaults the minimum to one minute, also for a weightless phase', () => {
    expect(splitMinutes([{ id: 'a', weight: 0 }, { id: 'b', weight: 5 }], 10)).toEqual([1, 9]);
  });

  it('gives only the minimums when they do not fit', () => {
    expect(splitMinutes([{ id: 'a', weight: 1, minMinutes: 5 }, { id: 'b', weight: 1, minMinutes: 5 }], 8)).toEqual([5, 5]);
  });

  it('always sums to the available minutes with every phase at or above its minimum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.integer({ min: 0, max: 100 }), min: fc.integer({ min: 0, max: 10 }) }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 600 }),
        (items, available) => {
          const phases = items.map((x, i) => ({ id: String(i), weight: x.weight, minMinutes: x.min }));
          const plan = splitMinutes(phases, available);
          const minSum = sum(items.map((x) => x.min));
          plan.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(items[i]!.min));
          expect(sum(plan)).toBe(Math.max(available, minSum));
        },
      ),
    );
  });
});

describe('ownPace', () => {
  it('offers the method its own minutes only when spreading would stretch it by more than a quarter', () => {
    expect(ownPace([8, 5, 7, 8, 7], 110)).toEqual([8, 5, 7, 8, 7]);
    expect(ownPace([8, 5, 7, 8, 7], 44)).toEqual([8, 5, 7, 8, 7]); // 35 * 1.25 = 43.75
    expect(ownPace([8, 5, 7, 8, 7], 43)).toBeNull(); // close enough to spread
    expect(ownPace([8, undefined, 7], 110)).toBeNull(); // a phase without minutes: nothing to go by
    expect(ownPace([], 110)).toBeNull();
  });
});

describe('adjustPlan', () => {
  it('sets one phase and rebalances the others so the total stays the same', () => {
    const plan = [10, 20, 25, 25, 10];
    const next = adjustPlan(plan, fiveSteps, 1, 30);
    expect(next[1]).toBe(30);
    expect(sum(next)).toBe(90);
    expect(next).toEqual([9, 30, 21, 21, 9]);
  });

  it('only touches the phases after `from`', () => {
    const plan = [10, 20, 25, 25, 10];
    const next = adjustPlan(plan, fiveSteps, 2, 30, 2);
    expect(next.slice(0, 3)).toEqual([10, 20, 30]);
    expect(sum(next)).toBe(90);
    expect(next).toEqual([10, 20, 30, 21, 9]);
  });

  it('never pushes another phase below its minimum; the chosen phase gets what is left', () => {
    const next = adjustPlan([10, 20, 25, 25, 10], fiveSteps, 0, 200);
    expect(next).toEqual([82, 1, 5, 1, 1]);
    expect(sum(next)).toBe(90);
  });

  it('changes only that phase when there is nothing after it to take from', () => {
    expect(adjustPlan([10, 20, 25, 25, 10], fiveSteps, 4, 15, 4)).toEqual([10, 20, 25, 25, 15]);
  });

  it('keeps the total and the minimums for any choice (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 120 }), fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), (index, minutes, from) => {
        const plan = splitMinutes(fiveSteps, 90);
        const next = adjustPlan(plan, fiveSteps, index, minutes, from);
        const movable = plan.some((_, i) => i !== index && (from === undefined || i > from));
        if (movable) expect(sum(next)).toBe(90);
        next.forEach((m, i) => expect(m).toBeGreaterThanOrEqual(fiveSteps[i]!.minMinutes ?? 1));
        plan.forEach((m, i) => {
          if (from !== undefined && i <= from && i !== index) expect(next[i]).toBe(m);
        });
      }),
    );
  });
});

describe('rebalance', () => {
  it('shrinks the remaining phases proportionally after a phase ran late, in whole minutes when it fits', () => {
    // 50 planned minutes left, but only 40 available now.
    const next = rebalance(
      [
        { plannedSeconds: 20 * 60, minSeconds: 300 },
        { plannedSeconds: 20 * 60, minSeconds: 300 },
        { plannedSeconds: 10 * 60, minSeconds: 300 },
      ],
      40 * 60,
    );
    expect(next).toEqual([16 * 60, 16 * 60, 8 * 60]);
  });

  it('grows them after a phase ended early', () => {
    const next = rebalance([{ plannedSeconds: 600, minSeconds: 60 }, { plannedSeconds: 300, minSeconds: 60 }], 1000);
    expect(sum(next)).toBe(1000);
    expect(next).toEqual([667, 333]);
  });

  it('keeps each phase at its minimum and runs late only when the minimums do not fit', () => {
    expect(rebalance([{ plannedSeconds: 600, minSeconds: 300 }, { plannedSeconds: 600, minSeconds: 300 }], 500)).toEqual([300, 300]);
  });

  it('always ends at the planned end, never below a minimum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ plannedSeconds: fc.integer({ min: 0, max: 3600 }), minSeconds: fc.integer({ min: 0, max: 600 }) }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 4 * 3600 }),
        (remaining, available) => {
          const next = rebalance(remaining, available);
          next.forEach((s, i) => expect(s).toBeGreaterThanOrEqual(remaining[i]!.minSeconds));
          const minSum = sum(remaining.map((r) => r.minSeconds));
          if (minSum <= available) expect(sum(next)).toBe(available);
          else expect(next).toEqual(remaining.map((r) => r.minSeconds));
        },
      ),
    );
  });
});

describe('apportion', () => {
  it('breaks rounding ties in favour of the earlier item', () => {
    expect(apportion([1, 1, 1], [0, 0, 0], 4)).toEqual([2, 1, 1]);
  });
});

describe('breakAfter', () => {
  it('offers a break near halfway in a meeting of two hours or more', () => {
    expect(breakAfter([15, 25, 30, 35, 15].map((m) => m * 60))).toBe(2);
    expect(breakAfter([60, 60].map((m) => m * 60))).toBe(0);
  });

  it('offers none in a shorter meeting or with a single phase', () => {
    expect(breakAfter([10, 20, 25, 25, 10].map((m) => m * 60))).toBeNull();
    expect(breakAfter([150 * 60])).toBeNull();
  });
});
