// The arithmetic of one timed phase: active time, pauses, extensions, overtime and the two
// signals. Time is read from an injected monotonic source, so a suspended laptop or an NTP
// jump never changes a duration, and tests drive it with a fake clock.

export interface MonotonicSource {
  /** Milliseconds from an arbitrary origin; never goes backwards. */
  monotonic(): number;
}

export type CountdownSignal = 'soon' | 'zero';

/** Seconds before the end at which the soft signal sounds. */
export const SOON_SECONDS = 60;

export interface CountdownStart {
  plannedSeconds: number;
  /** Resume: active (unpaused) seconds already spent in this phase. */
  elapsedSeconds?: number;
  /** Resume: paused seconds already recorded for this phase. */
  pausedSeconds?: number;
  /** Start in the paused state (e.g. a phase left while paused). */
  paused?: boolean;
}

export class Countdown {
  private plannedMs: number;
  /** Active time banked before the current running stretch. */
  private activeMs: number;
  private pausedMsBanked: number;
  /** Monotonic time the current running stretch (or pause) began. */
  private since: number;
  private paused: boolean;
  private soonFired: boolean;
  private zeroFired: boolean;

  constructor(
    private readonly clock: MonotonicSource,
    start: CountdownStart,
  ) {
    this.plannedMs = Math.max(0, start.plannedSeconds) * 1000;
    this.activeMs = Math.max(0, start.elapsedSeconds ?? 0) * 1000;
    this.pausedMsBanked = Math.max(0, start.pausedSeconds ?? 0) * 1000;
    this.since = clock.monotonic();
    this.paused = start.paused ?? false;
    // A resumed phase does not repeat signals it has already passed; a phase planned shorter
    // than the warning time has no warning to give.
    const remaining = this.plannedMs - this.activeMs;
    this.soonFired = remaining <= SOON_SECONDS * 1000;
    this.zeroFired = remaining <= 0 && this.activeMs > 0;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  get plannedSeconds(): number {
    return this.plannedMs / 1000;
  }

  /** Active time spent, in milliseconds (pauses excluded). */
  elapsedMs(): number {
    return this.activeMs + (this.paused ? 0 : this.clock.monotonic() - this.since);
  }

  /** Time paused, in milliseconds, including a pause that is still going on. */
  pausedMs(): number {
    return this.pausedMsBanked + (this.paused ? this.clock.monotonic() - this.since : 0);
  }

  /** Positive while time is left, negative in overtime. */
  remainingMs(): number {
    return this.plannedMs - this.elapsedMs();
  }

  overtimeMs(): number {
    return Math.max(0, -this.remainingMs());
  }

  isOvertime(): boolean {
    return this.remainingMs() < 0;
  }

  /** Fraction of the planned time used, 0..1 (1 in overtime). */
  progress(): number {
    if (this.plannedMs <= 0) return 1;
    return Math.min(1, Math.max(0, this.elapsedMs() / this.plannedMs));
  }

  /** Returns false when already paused. */
  pause(): boolean {
    if (this.paused) return false;
    const now = this.clock.monotonic();
    this.activeMs += now - this.since;
    this.since = now;
    this.paused = true;
    return true;
  }

  /** Continue after a pause; returns the length of that pause in ms (0 if not paused). */
  resume(): number {
    if (!this.paused) return 0;
    const now = this.clock.monotonic();
    const pause = now - this.since;
    this.pausedMsBanked += pause;
    this.since = now;
    this.paused = false;
    return pause;
  }

  /**
   * Add (or with a negative delta, take away) planned time; never below zero. Adding time that
   * moves the end back past a signal's moment arms that signal again, so the warning still comes.
   * Returns the delta actually applied, in seconds.
   */
  adjust(deltaSeconds: number): number {
    const before = this.plannedMs;
    this.plannedMs = Math.max(0, this.plannedMs + deltaSeconds * 1000);
    const remaining = this.remainingMs();
    if (remaining > SOON_SECONDS * 1000) this.soonFired = false;
    if (remaining > 0) this.zeroFired = false;
    return (this.plannedMs - before) / 1000;
  }

  /**
   * The signals due now, each given once per crossing: 'soon' when the remaining time reaches one
   * minute, 'zero' when it reaches zero. Passing both at once (a long stall, or `-` pressed) gives
   * only 'zero'.
   */
  poll(): CountdownSignal[] {
    const remaining = this.remainingMs();
    if (!this.zeroFired && remaining <= 0) {
      this.zeroFired = true;
      this.soonFired = true;
      return ['zero'];
    }
    if (!this.soonFired && remaining <= SOON_SECONDS * 1000) {
      this.soonFired = true;
      return ['soon'];
    }
    return [];
  }

  /** Whole-second figures for storing a phase run. */
  snapshot(): { plannedSeconds: number; elapsedSeconds: number; pausedSeconds: number; overtimeSeconds: number } {
    const elapsed = Math.round(this.elapsedMs() / 1000);
    const planned = Math.round(this.plannedMs / 1000);
    return {
      plannedSeconds: planned,
      elapsedSeconds: elapsed,
      pausedSeconds: Math.round(this.pausedMs() / 1000),
      overtimeSeconds: Math.max(0, elapsed - planned),
    };
  }
}

/**
 * What the clock face shows: a countdown rounded up (it reads 0:01 until the last second is
 * really gone), then overtime counting up from 0:00. Hours appear only when needed.
 */
export function clockFace(remainingMs: number): { text: string; overtime: boolean } {
  const overtime = remainingMs < 0;
  const total = overtime ? Math.floor(-remainingMs / 1000) : Math.ceil(remainingMs / 1000);
  return { text: `${overtime ? '+' : ''}${formatDuration(total)}`, overtime };
}

/** m:ss, or h:mm:ss from an hour on. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const ss = String(sec).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A duration as typed on the command line: 5m, 90s, 1h15m, 1h15m30s, 1:30 (m:ss), 1:15:00.
 * Returns seconds, or null when the text is not a duration. A bare number is refused on purpose:
 * "5" could mean seconds or minutes.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  const units = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(s.replace(/\s+/g, ''));
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    return Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  const colon = /^(?:(\d{1,3}):)?(\d{1,4}):(\d{2})$/.exec(s);
  if (colon && Number(colon[3]) < 60 && (colon[1] === undefined || Number(colon[2]) < 60)) {
    return Number(colon[1] ?? 0) * 3600 + Number(colon[2]) * 60 + Number(colon[3]);
  }
  return null;
}
