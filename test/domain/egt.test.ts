import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choiceNeedsReason, parseEgtTriple, rankCases, topCases, type EgtScore } from '../../src/domain/egt.js';

const s = (caseId: string, scorerId: string | null, e: number, g: number, t: number): EgtScore => ({ caseId, scorerId, e, g, t });

describe('EGT ranking', () => {
  it('averages per-member scores and ranks by total', () => {
    const r = rankCases(['a', 'b'], [s('a', 'm1', 5, 4, 3), s('a', 'm2', 3, 4, 5), s('b', 'm1', 2, 2, 2), s('b', 'm2', 2, 3, 2)]);
    expect(r.map((x) => [x.caseId, x.e, x.g, x.t, x.total, x.rank])).toEqual([
      ['a', 4, 4, 4, 12, 1],
      ['b', 2, 2.5, 2, 6.5, 2],
    ]);
  });

  it('an abstaining owner simply has no score: the average is over those who scored', () => {
    const r = rankCases(['own'], [s('own', 'm2', 4, 4, 4), s('own', 'm3', 2, 2, 2)]);
    expect(r[0]).toMatchObject({ total: 9, scorers: 2 });
  });

  it('the agreed group score stands alone', () => {
    const r = rankCases(['a'], [s('a', 'm1', 1, 1, 1), s('a', null, 5, 5, 5)]);
    expect(r[0]).toMatchObject({ e: 5, total: 15, scorers: 1 });
  });

  it('ties share a rank and need a reason; the clear winner does not', () => {
    const r = rankCases(['a', 'b', 'c'], [s('a', null, 3, 3, 3), s('b', null, 4, 3, 2), s('c', null, 1, 1, 1)]);
    expect(r.map((x) => x.rank)).toEqual([1, 1, 3]);
    expect(topCases(r).sort()).toEqual(['a', 'b']);
    expect(choiceNeedsReason(r, 'a')).toBe(true);
    const clear = rankCases(['a', 'c'], [s('a', null, 3, 3, 3), s('c', null, 1, 1, 1)]);
    expect(choiceNeedsReason(clear, 'a')).toBe(false);
    expect(choiceNeedsReason(clear, 'c')).toBe(true);
  });

  it('unscored cases come last', () => {
    const r = rankCases(['x', 'y'], [s('y', 'm', 1, 1, 1)]);
    expect(r.map((q) => [q.caseId, q.total, q.rank])).toEqual([
      ['y', 3, 1],
      ['x', null, 2],
    ]);
  });

  it('is independent of the order of cases and scores (property)', () => {
    const score = fc.record({
      caseId: fc.constantFrom('a', 'b', 'c', 'd'),
      scorerId: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5'),
      e: fc.integer({ min: 1, max: 5 }),
      g: fc.integer({ min: 1, max: 5 }),
      t: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(score, { maxLength: 30 }), fc.integer(), (scores, seed) => {
        const ids = ['a', 'b', 'c', 'd'];
        const shuffle = <T>(xs: T[]) => xs.map((x, i) => [((i + 1) * 7919 * (seed | 1)) % 1009, x] as const).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
        expect(rankCases(shuffle(ids), shuffle(scores))).toEqual(rankCases(ids, scores));
      }),
    );
  });

  it('reads three scores typed in several ways', () => {
    expect(parseEgtTriple('4 3 2')).toEqual([4, 3, 2]);
    expect(parseEgtTriple('4,3,2')).toEqual([4, 3, 2]);
    expect(parseEgtTriple('432')).toEqual([4, 3, 2]);
    expect(parseEgtTriple('6 3 2')).toBeNull();
    expect(parseEgtTriple('4 3')).toBeNull();
    expect(parseEgtTriple('')).toBeNull();
  });
});
