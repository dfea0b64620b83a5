import type { FakeClock } from '../../src/clock.js';
import type { PhaseRunner } from '../../src/commands/meeting-flow.js';

/**
 * Instead of the live screen: each phase ends by itself after its planned time (plus `extra`
 * seconds) on the fake clock; notes are taken during the phase whose label holds `noteDuring`;
 * `planned` collects every phase's planned minutes.
 */
export function phaseRunner(clock: FakeClock, o: { extra?: number; noteDuring?: string; planned?: number[] } = {}): PhaseRunner {
  return async (_ctx, opts) => {
    const planned = opts.plannedSeconds;
    o.planned?.push(planned / 60);
    const already = opts.elapsedSeconds ?? 0;
    if (o.noteDuring && opts.label.includes(o.noteDuring) && opts.onNote) {
      clock.advance(30_000);
      await opts.onNote(() => 'nog 1:00');
    }
    const spent = Math.max(0, planned - already + (o.extra ?? 0));
    clock.advance(spent * 1000);
    return { action: 'next', plannedSeconds: planned, elapsedSeconds: planned + (o.extra ?? 0), pausedSeconds: opts.pausedSeconds ?? 0, overtimeSeconds: Math.max(0, o.extra ?? 0) };
  };
}
