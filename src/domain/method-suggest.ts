import { methodMinutes, type Method } from './method.js';

// Which method fits this meeting? A pure ranking the `methods suggest` command and the method
// choice at `start` share. Reasons are data, not text: the ui renders them in the user's language.

/**
 * Minutes a meeting spends outside the case itself: check-in, looking back at last time,
 * choosing the case, and the closing round. A fifth of the meeting, between 5 and 25 minutes.
 */
export function openingAndClosingMinutes(meetingMinutes: number): number {
  return Math.min(25, Math.max(5, Math.round(meetingMinutes * 0.2)));
}

/** Minutes left for the case in a meeting of this length. */
export function caseMinutes(meetingMinutes: number): number {
  return Math.max(0, meetingMinutes - openingAndClosingMinutes(meetingMinutes));
}

/** The least the time plan can give the method: every phase at its minimum. */
export function minimumMinutes(m: Method): number {
  return m.phases.reduce((sum, p) => sum + Math.max(1, p.minMinutes ?? 1), 0);
}

/** What the sources (or the file's own phases, if longer) say one case takes. */
export function fullMinutes(m: Method): number {
  return Math.max(m.typicalMinutes, methodMinutes(m));
}

export type TimeFit =
  /** The method runs at its full length. */
  | { kind: 'fits'; full: number; available: number }
  /** The phases are shortened to fit; the sources give more time. */
  | { kind: 'tight'; full: number; available: number }
  /** Even with every phase at its minimum it does not fit. */
  | { kind: 'too-short'; minimum: number; available: number };

/** Does the method fit the case time of a meeting of `meetingMinutes`? */
export function timeFit(m: Method, meetingMinutes: number): TimeFit {
  return timeFitFor(m, caseMinutes(meetingMinutes));
}

/** Does the method fit in `available` minutes for the case (e.g. what is left once a meeting is under way)? */
export function timeFitFor(m: Method, available: number): TimeFit {
  const full = fullMinutes(m);
  if (full <= available) return { kind: 'fits', full, available };
  const minimum = minimumMinutes(m);
  if (minimum <= available) return { kind: 'tight', full, available };
  return { kind: 'too-short', minimum, available };
}

export type GroupFit =
  | { kind: 'fits'; present: number; min: number; max: number }
  | { kind: 'too-small'; present: number; min: number }
  | { kind: 'too-large'; present: number; max: number };

export function groupFit(m: Method, present: number): GroupFit {
  const { min, max } = m.groupSize;
  if (present < min) return { kind: 'too-small', present, min };
  if (present > max) return { kind: 'too-large', present, max };
  return { kind: 'fits', present, min, max };
}

/** One past meeting of the group that used a method. */
export interface MethodUse {
  methodId: string;
  startedAt: string;
}

export type Reason =
  | { kind: 'time'; fit: TimeFit }
  | { kind: 'group'; fit: GroupFit }
  /** primary: the method lists this type first, i.e. it is made for it. */
  | { kind: 'question-match'; question: string; primary: boolean }
  | { kind: 'question-other'; question: string }
  /** No question type given: a method for any question goes before a specialised one. */
  | { kind: 'any-question' }
  | { kind: 'group-default' }
  | { kind: 'used-recently'; meetingsAgo: number; startedAt: string }
  | { kind: 'used-before'; meetingsAgo: number; startedAt: string }
  | { kind: 'new-for-group' }
  | { kind: 'experienced-for-new-group'; held: number }
  | { kind: 'beginner-for-new-group'; held: number };

export interface SuggestInput {
  methods: readonly Method[];
  /** Length of the whole meeting. */
  minutes?: number;
  /** Minutes left for the case itself; when given it wins over `minutes` (a meeting under way knows it). */
  available?: number;
  /** Members present, the case owner included. */
  present?: number;
  /** Kind of work question, e.g. communication, dilemma, incident. */
  question?: string;
  /** The group's earlier meetings that used a method, newest first. */
  recent?: readonly MethodUse[];
  /** How many meetings the group has held; new groups get beginner methods first. */
  held?: number;
  /** The method the group chose as its default. */
  groupDefault?: string;
}

export interface Suggestion {
  method: Method;
  /** False when it cannot work here: too few or too many present, or not enough time. */
  fits: boolean;
  score: number;
  /** Why it is ranked here, strongest first; the ones that speak against it are in `warnings`. */
  reasons: Reason[];
  warnings: Reason[];
}

/** The question type of a method that suits almost any work question. */
export const GENERAL = 'general';

/** A method the group used in the last this-many meetings counts as recent. */
export const RECENT_MEETINGS = 3;
/** Below this many held meetings a group counts as new. */
export const NEW_GROUP_MEETINGS = 3;

/** Rank the methods for this meeting: the ones that fit first, best first; ties by id. */
export function suggestMethods(input: SuggestInput): Suggestion[] {
  const recent = input.recent ?? [];
  const question = input.question?.trim().toLowerCase() || undefined;
  const ranked = input.methods.map((method): Suggestion => {
    const reasons: Reason[] = [];
    const warnings: Reason[] = [];
    let score = 0;
    let fits = true;

    if (question !== undefined) {
      if (method.questionTypes.includes(question)) {
        const primary = method.questionTypes[0] === question;
        score += primary ? 5 : 4;
        reasons.push({ kind: 'question-match', question, primary });
      } else {
        warnings.push({ kind: 'question-other', question });
      }
    } else if (method.questionTypes.includes(GENERAL)) {
      score += 1;
      reasons.push({ kind: 'any-question' });
    }

    // The group chose it itself: that weighs more than a general rule of thumb.
    if (input.groupDefault === method.id) {
      score += 2;
      reasons.push({ kind: 'group-default' });
    }

    const available = input.available ?? (input.minutes !== undefined ? caseMinutes(input.minutes) : undefined);
    if (available !== undefined) {
      const fit = timeFitFor(method, available);
      if (fit.kind === 'fits') {
        score += 2;
        reasons.push({ kind: 'time', fit });
      } else if (fit.kind === 'tight') {
        score -= 1;
        warnings.push({ kind: 'time', fit });
      } else {
        fits = false;
        warnings.push({ kind: 'time', fit });
      }
    }

    if (input.present !== undefined) {
      const fit = groupFit(method, input.present);
      if (fit.kind === 'fits') {
        score += method.groupSize.advised !== undefined && Math.abs(method.groupSize.advised - input.present) <= 1 ? 2 : 1;
        reasons.push({ kind: 'group', fit });
      } else {
        fits = false;
        warnings.push({ kind: 'group', fit });
      }
    }

    if (input.held !== undefined && input.held < NEW_GROUP_MEETINGS) {
      if (method.level === 'experienced') {
        score -= 2;
        warnings.push({ kind: 'experienced-for-new-group', held: input.held });
      } else if (method.level === 'beginner') {
        score += 1;
        reasons.push({ kind: 'beginner-for-new-group', held: input.held });
      }
    }

    if (input.recent !== undefined) {
      const index = recent.findIndex((u) => u.methodId === method.id);
      if (index === -1) {
        score += 1;
        reasons.push({ kind: 'new-for-group' });
      } else {
        const use = { meetingsAgo: index + 1, startedAt: recent[index]!.startedAt };
        if (index < RECENT_MEETINGS) {
          score -= RECENT_MEETINGS - index;
          warnings.push({ kind: 'used-recently', ...use });
        } else {
          reasons.push({ kind: 'used-before', ...use });
        }
      }
    }

    return { method, fits, score, reasons, warnings };
  });
  return ranked.sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score || a.method.id.localeCompare(b.method.id));
}

/** Every question type the methods name, sorted, for help texts and unknown-type messages. */
export function knownQuestionTypes(methods: readonly Method[]): string[] {
  return [...new Set(methods.flatMap((m) => m.questionTypes))].sort();
}
