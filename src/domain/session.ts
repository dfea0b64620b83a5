// The meeting as a state machine. Each step is persisted on the meeting row (meetings.step),
// so `resume` re-enters exactly there; each step's own progress lives in step_state and in
// the rows already written, which makes every step safe to re-enter.

export const STEPS = [
  'chair',
  'length',
  'attendance',
  'agreements',
  'checkin',
  'followup',
  'inventory',
  'egt',
  'method',
  'plan',
  'phases',
  'closing',
  'summary',
  'done',
] as const;
export type Step = (typeof STEPS)[number];

export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}

/** What the flow knows when a step is finished; only the facts transitions depend on. */
export interface StepOutcome {
  /** Candidate cases after the inventory. */
  candidates?: number;
  /** With no case: record a theme discussion or go straight to closing; both close the meeting. */
  noCase?: 'theme' | 'end';
  /** Phases still to run (0 when the last one ended). */
  phasesLeft?: number;
}

/** The step after `step`, given what happened in it. */
export function nextStep(step: Step, outcome: StepOutcome = {}): Step {
  switch (step) {
    case 'inventory': {
      const n = outcome.candidates ?? 0;
      if (n === 0) return 'closing';
      // One candidate is the case; scoring it alone would be a ritual.
      return n === 1 ? 'method' : 'egt';
    }
    case 'phases':
      return (outcome.phasesLeft ?? 0) > 0 ? 'phases' : 'closing';
    case 'done':
      return 'done';
    default:
      return STEPS[STEPS.indexOf(step) + 1]!;
  }
}

/** The step numbers shown to the chair ("stap 3 van 13"). */
export function stepNumber(step: Step): number {
  return Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1);
}

export const STEP_COUNT = STEPS.length - 1;

/** Seconds of a meeting that count: wall time minus pauses, never negative. */
export function countedSeconds(startedAt: Date, endedAt: Date, pausedSeconds: number): number {
  return Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 1000) - pausedSeconds);
}

/** The shared hours rule: whole minutes of (end − start) − paused. */
export function countedMinutes(startedAt: Date, endedAt: Date, pausedSeconds: number): number {
  return Math.round(countedSeconds(startedAt, endedAt, pausedSeconds) / 60);
}

/** When the meeting should end: start + planned length + every pause so far. */
export function plannedEnd(startedAt: Date, plannedMinutes: number, pausedSeconds: number): Date {
  return new Date(startedAt.getTime() + plannedMinutes * 60_000 + pausedSeconds * 1000);
}

/** Minutes kept free after the method for action points and the next appointment. */
export const CLOSING_RESERVE_MINUTES = 5;
/** A second case is offered only when at least this much time is left for the method. */
export const SECOND_CASE_MIN_MINUTES = 90;
/** A break is offered in meetings planned at least this long. */
export const BREAK_FROM_MINUTES = 120;
export const BREAK_MINUTES = 10;

/** Whole minutes from `now` until the closing reserve starts (never negative). */
export function minutesForMethod(now: Date, end: Date): number {
  return Math.max(0, Math.floor((end.getTime() - now.getTime()) / 60_000) - CLOSING_RESERVE_MINUTES);
}
