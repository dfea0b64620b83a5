/**
 * All timing goes through a Clock so tests never wait on the wall clock.
 * `now()` is wall time (what is persisted); `monotonic()` is for durations,
 * immune to NTP jumps and suspended laptops.
 */
export interface Clock {
  now(): Date;
  monotonic(): number;
  setInterval(fn: () => void, ms: number): TimerHandle;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

export interface TimerHandle {
  readonly id: number;
}

let nextHandle = 1;

export const systemClock: Clock = (() => {
  const live = new Map<number, NodeJS.Timeout>();
  const wrap = (t: NodeJS.Timeout): TimerHandle => {
    const id = nextHandle++;
    live.set(id, t);
    return { id };
  };
  return {
    now: () => new Date(),
    monotonic: () => performance.now(),
    setInterval: (fn, ms) => wrap(setInterval(fn, ms)),
    setTimeout: (fn, ms) => wrap(setTimeout(fn, ms)),
    clear: (h) => {
      const t = live.get(h.id);
      if (t) {
        clearTimeout(t);
        live.delete(h.id);
      }
    },
  };
})();

interface FakeTimer {
  fn: () => void;
  due: number;
  every: number | null;
}

/** A clock that only moves when told to; timers fire in order during `advance`. */
export class FakeClock implements Clock {
  private wall: number;
  private mono = 0;
  private timers = new Map<number, FakeTimer>();

  constructor(start: Date | string = '2026-11-24T18:30:00Z') {
    this.wall = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.wall);
  }

  monotonic(): number {
    return this.mono;
  }

  setInterval(fn: () => void, ms: number): TimerHandle {
    const id = nextHandle++;
    this.timers.set(id, { fn, due: this.mono + ms, every: Math.max(1, ms) });
    return { id };
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = nextHandle++;
    this.timers.set(id, { fn, due: this.mono + ms, every: null });
    return { id };
  }

  clear(handle: TimerHandle): void {
    this.timers.delete(handle.id);
  }

  /** Move both clocks forward, firing due timers in time order. */
  advance(ms: number): void {
    const end = this.mono + ms;
    for (;;) {
      let nextId: number | null = null;
      let next: FakeTimer | null = null;
      for (const [id, t] of this.timers) {
        if (t.due <= end && (next === null || t.due < next.due)) {
          next = t;
          nextId = id;
        }
      }
      if (next === null || nextId === null) break;
      this.wall += next.due - this.mono;
      this.mono = next.due;
      if (next.every === null) this.timers.delete(nextId);
      else next.due += next.every;
      next.fn();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }

  /** Wall time jumps (suspend, NTP) without monotonic time moving. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}
