import { instantMs, periodMonths, readInstant, type Period } from './period.js';
import type { RegisterProfile } from './register.js';

// The hours a member can prove: pure arithmetic over what the store read. Totals are
// summed from whole minutes; hours are only rounded for display (2 decimals).

export interface MeetingRecord {
  id: string;
  groupId: string;
  status: 'running' | 'completed' | 'aborted';
  counted: boolean;
  source: 'live' | 'logged';
  startedAt: string;
  endedAt: string | null;
  pausedSeconds: number;
  plannedMinutes: number;
  chairId: string | null;
  methodId: string | null;
  place: string | null;
  topic: string | null;
  /** Members on the attendance list who were there, and who were not (guests are not members). */
  present: readonly string[];
  absent: readonly string[];
  /** Owners of the cases discussed: only who brought one, never what it was about. */
  caseOwnerIds: readonly string[];
}

export interface MemberRecord {
  id: string;
  groupId: string;
  name: string;
  register: string | null;
  registrationNumber: string | null;
  removed: boolean;
}

export interface GroupRecord {
  id: string;
  name: string;
  minSize: number;
}

/** The shared hours rule: (end − start) − pauses, in whole minutes, never negative. */
export function meetingMinutes(m: Pick<MeetingRecord, 'startedAt' | 'endedAt' | 'pausedSeconds'>): number {
  return m.endedAt === null ? 0 : minutesBetween(instantMs(m.startedAt), instantMs(m.endedAt), m.pausedSeconds);
}

function minutesBetween(startMs: number, endMs: number, pausedSeconds: number): number {
  return Math.max(0, Math.round(((endMs - startMs) / 1000 - pausedSeconds) / 60));
}

/** Held, as far as hours go: completed, or aborted with the chair saying it was held. */
export function meetingHeld(m: Pick<MeetingRecord, 'status' | 'counted'>): boolean {
  return m.status === 'completed' || (m.status === 'aborted' && m.counted);
}

export function minutesToHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

export type NotCountedCode = 'not-held' | 'too-short' | 'too-few-present' | 'group-too-large' | 'no-chair' | 'no-method';

export interface NotCountedReason {
  code: NotCountedCode;
  /** The figure found at the meeting (minutes, members present, group size). */
  actual?: number;
  /** The register's limit it was compared with. */
  limit?: number;
}

export interface MeetingFacts {
  minutes: number;
  present: number;
  listed: number;
  chairId: string | null;
  methodId: string | null;
  groupMinSize: number;
  held: boolean;
}

/** Why a meeting does not count for a register; empty when it counts. */
export function notCountedReasons(f: MeetingFacts, register: RegisterProfile | null): NotCountedReason[] {
  if (!f.held) return [{ code: 'not-held' }];
  if (!register) return [];
  const r = register.rules;
  const out: NotCountedReason[] = [];
  if (r.minMeetingMinutes !== null && f.minutes < r.minMeetingMinutes) {
    out.push({ code: 'too-short', actual: f.minutes, limit: r.minMeetingMinutes });
  }
  const minPresent = r.minPresent === 'group' ? f.groupMinSize : r.minPresent;
  if (minPresent !== null && f.present < minPresent) out.push({ code: 'too-few-present', actual: f.present, limit: minPresent });
  if (r.maxGroupSize !== null && f.listed > r.maxGroupSize) {
    out.push({ code: 'group-too-large', actual: f.listed, limit: r.maxGroupSize });
  }
  if (r.requireChair && f.chairId === null) out.push({ code: 'no-chair' });
  if (r.requireMethod && (f.methodId === null || f.methodId === '')) out.push({ code: 'no-method' });
  return out;
}

export interface MeetingSummary {
  id: string;
  groupId: string;
  date: string;
  start: string;
  end: string;
  minutes: number;
  plannedMinutes: number;
  present: readonly string[];
  absent: readonly string[];
  chairId: string | null;
  methodId: string | null;
  caseOwnerIds: readonly string[];
  place: string | null;
  topic: string | null;
  logged: boolean;
  held: boolean;
  reasons: NotCountedReason[];
}

export interface NotCountedEntry {
  meetingId: string;
  date: string;
  reasons: NotCountedReason[];
}

export interface RequirementResult {
  requiredMinutes: number | null;
  requiredMeetings: number | null;
  missingMinutes: number;
  missingMeetings: number;
  caseRequired: boolean;
  caseMissing: boolean;
  maxMissed: number | null;
  tooManyMissed: boolean;
  met: boolean;
}

export interface MemberTotals {
  memberId: string;
  groupId: string;
  meetings: number;
  minutes: number;
  plannedMinutes: number;
  chaired: number;
  casesBrought: number;
  missed: number;
  /** Meetings that count, in date order (for the certificate); empty when the tally was told not to keep them. */
  meetingIds: string[];
  notCounted: NotCountedEntry[];
  requirement: RequirementResult | null;
}

export interface ReportInput {
  period: Period;
  register: RegisterProfile | null;
  groups: GroupRecord[];
  members: MemberRecord[];
  meetings: MeetingRecord[];
  /** Only these members (ids); null = everyone in the groups. */
  onlyMembers: ReadonlySet<string> | null;
}

export interface ReportModel {
  period: Period;
  months: number;
  register: RegisterProfile | null;
  members: MemberTotals[];
  meetings: MeetingSummary[];
}

/** Requirement for a period compared pro rata to the register's own period length. */
export function evaluateRequirement(
  t: Pick<MemberTotals, 'minutes' | 'meetings' | 'casesBrought' | 'missed'>,
  register: RegisterProfile | null,
  months: number,
): RequirementResult | null {
  const req = register?.requirement;
  if (!req) return null;
  const share = months / req.periodMonths;
  // A tiny tolerance keeps 15 h × 12/12 at exactly 900 minutes despite floating point.
  const requiredMinutes = req.hours === null ? null : Math.ceil(req.hours * 60 * share - 1e-9);
  const requiredMeetings = req.meetings === null ? null : Math.ceil(req.meetings * share - 1e-9);
  const missingMinutes = requiredMinutes === null ? 0 : Math.max(0, requiredMinutes - t.minutes);
  const missingMeetings = requiredMeetings === null ? 0 : Math.max(0, requiredMeetings - t.meetings);
  const caseMissing = req.mustBringCase && t.casesBrought === 0;
  const tooManyMissed = req.maxMissed !== null && t.missed > req.maxMissed;
  return {
    requiredMinutes,
    requiredMeetings,
    missingMinutes,
    missingMeetings,
    caseRequired: req.mustBringCase,
    caseMissing,
    maxMissed: req.maxMissed,
    tooManyMissed,
    met: missingMinutes === 0 && missingMeetings === 0 && !caseMissing && !tooManyMissed,
  };
}

/** The order a report lists meetings in: by start, then id. */
export function compareMeetings(a: Pick<MeetingRecord, 'startedAt' | 'id'>, b: Pick<MeetingRecord, 'startedAt' | 'id'>): number {
  return a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The report's totals, one meeting at a time (in report order): a large history can then
 * be read as a stream, and only the summaries a caller keeps stay in memory.
 */
interface Slot {
  totals: MemberTotals;
  /** On an attendance list in the period (a member who left shows only then). */
  listed: boolean;
}

export class ReportTally {
  private readonly slots = new Map<string, Slot>();
  // A large report has a hundred and fifty thousand attendance entries but fewer distinct
  // lists: a frozen list (the store shares one array per list) is looked up once. A plain
  // Map, as it lives only as long as the report: a WeakMap with tens of thousands of keys
  // slows every garbage collection down.
  private readonly slotLists = new Map<readonly string[], Slot[]>();
  private readonly minSize: Map<string, number>;

  constructor(
    private readonly input: Omit<ReportInput, 'meetings'>,
    /** keepMeetingIds: each member's meetingIds (the certificate lists them; JSON and CSV do not). */
    private readonly options: { keepMeetingIds: boolean } = { keepMeetingIds: true },
  ) {
    this.minSize = new Map(input.groups.map((g) => [g.id, g.minSize]));
    for (const m of input.members) if (!m.removed) this.slotFor(m.id, m.groupId);
  }

  private slotFor(memberId: string, groupId: string): Slot {
    let slot = this.slots.get(memberId);
    if (!slot) {
      const totals = { memberId, groupId, meetings: 0, minutes: 0, plannedMinutes: 0, chaired: 0, casesBrought: 0, missed: 0, meetingIds: [], notCounted: [], requirement: null };
      slot = { totals, listed: false };
      this.slots.set(memberId, slot);
    }
    return slot;
  }

  private slotsOf(ids: readonly string[], groupId: string): Slot[] {
    let slots = Object.isFrozen(ids) ? this.slotLists.get(ids) : undefined;
    if (slots === undefined) {
      slots = ids.map((id) => this.slotFor(id, groupId));
      if (Object.isFrozen(ids)) this.slotLists.set(ids, slots);
    }
    return slots;
  }

  private totalsFor(memberId: string, groupId: string): MemberTotals {
    return this.slotFor(memberId, groupId).totals;
  }

  /** Counts one meeting; returns its summary when it was held and the report shows it. */
  add(m: MeetingRecord): MeetingSummary | null {
    if (m.status === 'running') return null;
    const { period, register } = this.input;
    // Each instant is read once: a large report reads forty thousand of them.
    const start = readInstant(m.startedAt);
    const date = start.stamp.slice(0, 10);
    if (date < period.from || date > period.to) return null;
    const end = m.endedAt ? readInstant(m.endedAt) : null;
    const { present, absent, caseOwnerIds } = m;
    const minutes = end === null ? meetingMinutes(m) : minutesBetween(start.ms, end.ms, m.pausedSeconds);
    const held = meetingHeld(m);
    const reasons = notCountedReasons(
      {
        minutes,
        present: present.length,
        listed: present.length + absent.length,
        chairId: m.chairId,
        methodId: m.methodId,
        groupMinSize: this.minSize.get(m.groupId) ?? 0,
        held,
      },
      register,
    );
    for (const slot of this.slotsOf(absent, m.groupId)) {
      slot.listed = true;
      if (held) slot.totals.missed++;
    }
    for (const slot of this.slotsOf(present, m.groupId)) {
      slot.listed = true;
      const t = slot.totals;
      if (!held || reasons.length > 0) {
        t.notCounted.push({ meetingId: m.id, date, reasons });
        continue;
      }
      t.meetings++;
      t.minutes += minutes;
      t.plannedMinutes += m.plannedMinutes;
      if (this.options.keepMeetingIds) t.meetingIds.push(m.id);
    }
    if (!held) return null;
    if (m.chairId) this.totalsFor(m.chairId, m.groupId).chaired++;
    for (const o of caseOwnerIds) this.totalsFor(o, m.groupId).casesBrought++;
    const only = this.input.onlyMembers;
    if (only && !present.some((id) => only.has(id)) && !absent.some((id) => only.has(id))) return null;
    return {
      id: m.id,
      groupId: m.groupId,
      date,
      start: start.stamp.slice(11, 16),
      end: end === null ? '' : end.stamp.slice(11, 16),
      minutes,
      plannedMinutes: m.plannedMinutes,
      present,
      absent,
      chairId: m.chairId,
      methodId: m.methodId,
      caseOwnerIds,
      place: m.place,
      topic: m.topic,
      logged: m.source === 'logged',
      held,
      reasons,
    };
  }

  /** The members' totals once every meeting is added, with their requirement. */
  members(): { months: number; members: MemberTotals[] } {
    const months = periodMonths(this.input.period);
    const only = this.input.onlyMembers;
    const members: MemberTotals[] = [];
    for (const mem of this.input.members) {
      const slot = this.slots.get(mem.id);
      // A member who left the group still shows when they were on an attendance list in the period.
      if (!slot || (mem.removed && !slot.listed)) continue;
      const t = slot.totals;
      if (only && !only.has(mem.id)) continue;
      t.requirement = evaluateRequirement(t, this.input.register, months);
      members.push(t);
    }
    return { months, members };
  }
}

/** Everything a report shows, from records already limited to the period and groups. */
export function computeReport(input: ReportInput): ReportModel {
  const tally = new ReportTally(input);
  const meetings: MeetingSummary[] = [];
  for (const m of [...input.meetings].sort(compareMeetings)) {
    const summary = tally.add(m);
    if (summary) meetings.push(summary);
  }
  const { months, members } = tally.members();
  return { period: input.period, months, register: input.register, members, meetings };
}
