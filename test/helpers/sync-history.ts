import fc from 'fast-check';

/** Record one meeting on its laptop, or sync one laptop with the shared folder. */
export type SyncStep = { kind: 'record'; meeting: number } | { kind: 'sync'; laptop: number };

/**
 * Meetings on distinct days, recorded in a random order on three laptops, with syncs on
 * random laptops at random moments in between.
 */
export function syncHistoryArb<M extends { day: number }>(meetingArb: fc.Arbitrary<M>): fc.Arbitrary<{ meetings: M[]; steps: SyncStep[] }> {
  return fc
    .uniqueArray(meetingArb, { minLength: 1, maxLength: 6, selector: (m) => m.day })
    .chain((meetings) =>
      fc
        .tuple(
          fc.shuffledSubarray(
            meetings.map((_, i) => i),
            { minLength: meetings.length, maxLength: meetings.length },
          ),
          fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 10 }),
          fc.array(fc.nat(), { maxLength: 10 }),
        )
        .map(([order, syncs, positions]) => {
          const steps: SyncStep[] = order.map((meeting) => ({ kind: 'record', meeting }));
          syncs.forEach((laptop, i) => steps.splice((positions[i] ?? 0) % (steps.length + 1), 0, { kind: 'sync', laptop }));
          return { meetings, steps };
        }),
    );
}
