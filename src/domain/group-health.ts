import { subMonths } from 'date-fns/subMonths';
import { GROUP_ADVISED_MAX } from './group-rules.js';

/** Most registers only count a meeting with at least this many present (domain.md). */
export const REGISTER_COMMON_MIN = 4;
/** Below this share of meetings attended, absence weakens the group. */
export const ATTENDANCE_WARN_BELOW = 0.75;
/** Enough meetings to say something about a pattern rather than chance. */
export const MIN_MEETINGS_FOR_PATTERN = 4;
/** Chair rotation is judged over this many most recent meetings. */
export const CHAIR_WINDOW = 6;

export interface HealthMember {
  id: string;
  name: string;
  joinedAt: string;
}

export interface HealthMeeting {
  id: string;
  startedAt: string;
  chairId: string | null;
  presentIds: readonly string[];
  /** Members recorded as absent (an attendance row with present = 0). */
  absentIds: readonly string[];
  /** Owners of the cases discussed at this meeting. */
  caseOwnerIds: readonly string[];
}

export interface HealthInput {
  now: Date;
  minSize: number;
  /** Current members. */
  members: readonly HealthMember[];
  /** Held meetings (the ones that count), any order. */
  meetings: readonly HealthMeeting[];
}

export interface MemberHealth {
  id: string;
  name: string;
  /** Meetings in the last 12 months the member was expected at. */
  expected: number;
  present: number;
  /** present / expected, or null without meetings. */
  rate: number | null;
  chaired: number;
  casesBrought: number;
  /** Start of the last meeting where a case of theirs was discussed, at any time. */
  lastCaseAt: string | null;
}

export type HealthWarning =
  | { code: 'absentOften'; memberId: string; name: string; pct: number }
  | { code: 'neverCase'; memberId: string; name: string }
  | { code: 'chairNotRotating'; memberId: string; name: string; k: number; n: number }
  | { code: 'withoutCase'; k: number; n: number }
  | { code: 'tooSmall'; n: number; min: number }
  | { code: 'belowMinSize'; n: number; min: number }
  | { code: 'tooLarge'; n: number; max: number };

export interface GroupHealth {
  since: string;
  meetings: number;
  meetingsWithoutCase: number;
  members: MemberHealth[];
  warnings: HealthWarning[];
}

/** Attendance, chairs and cases per member over the last 12 months, and the pitfalls data can show. */
export function groupHealth(input: HealthInput): GroupHealth {
  const since = subMonths(input.now, 12).toISOString();
  const now = input.now.toISOString();
  const all = [...input.meetings].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  const recent = all.filter((m) => m.startedAt >= since && m.startedAt <= now);

  const members: MemberHealth[] = input.members.map((mem) => {
    // Expected at a meeting: on its attendance list, or a member already when it was held.
    const expected = recent.filter((m) => m.startedAt >= mem.joinedAt || m.presentIds.includes(mem.id) || m.absentIds.includes(mem.id));
    const present = expected.filter((m) => m.presentIds.includes(mem.id)).length;
    const withCase = all.filter((m) => m.caseOwnerIds.includes(mem.id));
    return {
      id: mem.id,
      name: mem.name,
      expected: expected.length,
      present,
      rate: expected.length === 0 ? null : present / expected.length,
      chaired: recent.filter((m) => m.chairId === mem.id).length,
      casesBrought: recent.filter((m) => m.caseOwnerIds.includes(mem.id)).length,
      lastCaseAt: withCase.length === 0 ? null : withCase[withCase.length - 1]!.startedAt,
    };
  });

  const warnings: HealthWarning[] = [];
  const n = input.members.length;
  if (n > GROUP_ADVISED_MAX) warnings.push({ code: 'tooLarge', n, max: GROUP_ADVISED_MAX });
  if (n < REGISTER_COMMON_MIN) warnings.push({ code: 'tooSmall', n, min: REGISTER_COMMON_MIN });
  if (n < input.minSize) warnings.push({ code: 'belowMinSize', n, min: input.minSize });

  for (const m of members) {
    if (m.rate !== null && m.expected >= MIN_MEETINGS_FOR_PATTERN && m.rate < ATTENDANCE_WARN_BELOW) {
      warnings.push({ code: 'absentOften', memberId: m.id, name: m.name, pct: Math.round(m.rate * 100) });
    }
  }
  for (const mem of input.members) {
    const attended = all.filter((m) => m.presentIds.includes(mem.id)).length;
    const everCase = all.some((m) => m.caseOwnerIds.includes(mem.id));
    if (attended >= MIN_MEETINGS_FOR_PATTERN && !everCase) warnings.push({ code: 'neverCase', memberId: mem.id, name: mem.name });
  }

  const lastChairs = all.slice(-CHAIR_WINDOW).map((m) => m.chairId);
  if (lastChairs.length >= MIN_MEETINGS_FOR_PATTERN && n > 1) {
    const counts = new Map<string, number>();
    for (const id of lastChairs) if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, k] of counts) {
      if (k * 2 > lastChairs.length) {
        const name = input.members.find((m) => m.id === id)?.name;
        if (name !== undefined) warnings.push({ code: 'chairNotRotating', memberId: id, name, k, n: lastChairs.length });
      }
    }
  }

  const withoutCase = recent.filter((m) => m.caseOwnerIds.length === 0).length;
  if (withoutCase >= 2 && withoutCase * 3 >= recent.length) warnings.push({ code: 'withoutCase', k: withoutCase, n: recent.length });

  return { since, meetings: recent.length, meetingsWithoutCase: withoutCase, members, warnings };
}
