import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rotateChairs } from '../../src/domain/rotation.js';

const memberIds = fc.integer({ min: 1, max: 12 }).map((n) => Array.from({ length: n }, (_, i) => `m${i}`));

describe('rotateChairs', () => {
  it('spreads the chair evenly over any plan length: counts differ by at most one', () => {
    fc.assert(
      fc.property(
        memberIds.chain((members) =>
          fc.tuple(fc.constant(members), fc.array(fc.constantFrom(...members), { maxLength: 20 }), fc.integer({ min: 0, max: 60 })),
        ),
        ([members, past, length]) => {
          const chairs = rotateChairs({ members, pastChairs: past, slots: Array.from({ length }, () => ({})) });
          expect(chairs).toHaveLength(length);
          // Every prefix of the plan is fair too: a plan cut short stays fair.
          for (let k = 1; k <= length; k++) {
            const counts = members.map((m) => chairs.slice(0, k).filter((c) => c === m).length);
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('never gives the chair to the same member twice in a row when the group has more than one member', () => {
    fc.assert(
      fc.property(
        memberIds.filter((m) => m.length > 1).chain((members) =>
          fc.tuple(
            fc.constant(members),
            fc.array(fc.constantFrom(...members), { maxLength: 20 }),
            fc.array(fc.record({ absent: fc.subarray(members) }), { maxLength: 40 }),
          ),
        ),
        ([members, past, slots]) => {
          const chairs = rotateChairs({ members, pastChairs: past, slots });
          const sequence = [past.at(-1) ?? null, ...chairs];
          for (let i = 1; i < sequence.length; i++) {
            const available = members.filter((m) => !slots[i - 1]!.absent.includes(m));
            const others = available.filter((m) => m !== sequence[i - 1]);
            if (others.length > 0) expect(sequence[i]).not.toBe(sequence[i - 1]);
          }
        },
      ),
    );
  });

  it('skips members planned absent, and leaves the chair open only when nobody is there', () => {
    fc.assert(
      fc.property(
        memberIds.chain((members) => fc.tuple(fc.constant(members), fc.array(fc.record({ absent: fc.subarray(members) }), { maxLength: 30 }))),
        ([members, slots]) => {
          const chairs = rotateChairs({ members, pastChairs: [], slots });
          chairs.forEach((c, i) => {
            const absent = slots[i]!.absent;
            if (absent.length === members.length) expect(c).toBeNull();
            else {
              expect(c).not.toBeNull();
              expect(absent).not.toContain(c);
            }
          });
        },
      ),
    );
  });

  it('lets who chaired least, and longest ago, go first; the last chair goes last', () => {
    const chairs = rotateChairs({
      members: ['anna', 'bram', 'carla', 'daan'],
      pastChairs: ['anna', 'bram', 'carla', 'anna', 'bram'],
      slots: Array.from({ length: 8 }, () => ({})),
    });
    // daan never chaired; carla once; anna and bram twice, bram most recently.
    expect(chairs).toEqual(['daan', 'carla', 'anna', 'bram', 'daan', 'carla', 'anna', 'bram']);
  });

  it('gives a one-member group the chair every time', () => {
    expect(rotateChairs({ members: ['solo'], pastChairs: ['solo'], slots: [{}, {}] })).toEqual(['solo', 'solo']);
  });

  it('lets an absent member catch up later without chairing twice in a row', () => {
    const chairs = rotateChairs({ members: ['a', 'b', 'c'], pastChairs: [], slots: [{ absent: ['a'] }, {}, {}, {}, {}, {}] });
    expect(chairs[0]).not.toBe('a');
    const counts = ['a', 'b', 'c'].map((m) => chairs.filter((c) => c === m).length);
    expect(counts).toEqual([2, 2, 2]);
  });
});
