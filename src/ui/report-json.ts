import { minutesToHours, type GroupRecord, type MeetingSummary, type MemberRecord, type MemberTotals, type NotCountedReason, type ReportModel } from '../domain/hours.js';

// The stable JSON shape of `intervisie report --json` (docs/cli.md) and the lookups every
// other format shares. Only names, times and counts: no case content can reach this.
// Kept free of date formatting and locales so `--json` loads as little as possible.

export interface NotCountedJson {
  date: string;
  /** One or more reason codes, comma-separated (see docs/cli.md). */
  reason: string;
}

export interface RequirementJson {
  met: boolean;
  requiredHours: number | null;
  requiredMeetings: number | null;
  missingHours: number;
  missingMeetings: number;
  caseMissing: boolean;
  tooManyMissed: boolean;
}

export interface MemberJson {
  member: string;
  group: string;
  meetings: number;
  minutes: number;
  hours: number;
  chaired: number;
  casesBrought: number;
  missed: number;
  notCounted: NotCountedJson[];
  plannedMinutes: number;
  requirement: RequirementJson | null;
}

export interface MeetingJson {
  id: string;
  group: string;
  date: string;
  start: string;
  end: string;
  minutes: number;
  present: readonly string[];
  absent: readonly string[];
  chair: string | null;
  method: string | null;
  plannedMinutes: number;
  logged: boolean;
  place: string | null;
  topic: string | null;
  notCounted: string | null;
}

export interface ReportJson {
  from: string;
  to: string;
  register: string | null;
  members: MemberJson[];
  meetings: MeetingJson[];
}

export interface Lookups {
  groups: Map<string, GroupRecord>;
  members: Map<string, MemberRecord>;
}

export function lookups(groups: GroupRecord[], members: MemberRecord[]): Lookups {
  return { groups: new Map(groups.map((g) => [g.id, g])), members: new Map(members.map((m) => [m.id, m])) };
}

export const reasonCodes = (reasons: readonly NotCountedReason[]) => reasons.map((r) => r.code).join(',');

const collator = new Intl.Collator('nl');
interface Ranked {
  rank: number;
  name: string;
}
interface NameOrder {
  ranks: Map<string, Ranked>;
  /** Sorted names per id list: the store hands out one array per distinct list. */
  sorted: WeakMap<readonly string[], readonly string[]>;
}
const orders = new WeakMap<Lookups, NameOrder>();

// Every member's place in the Dutch alphabetical order, sorted once: a large report sorts
// the names of twenty thousand attendance lists, and comparing strings with a collator per
// pair is what made that slow. Names the collator finds equal share a rank.
function nameOrder(l: Lookups): NameOrder {
  let order = orders.get(l);
  if (!order) {
    const sorted = [...l.members.values()].sort((a, b) => collator.compare(a.name, b.name));
    const ranks = new Map<string, Ranked>();
    let rank = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && collator.compare(sorted[i - 1]!.name, sorted[i]!.name) !== 0) rank = i;
      ranks.set(sorted[i]!.id, { rank, name: sorted[i]!.name });
    }
    order = { ranks, sorted: new WeakMap() };
    orders.set(l, order);
  }
  return order;
}

/** Member names of a meeting in alphabetical order (the store returns them by id). */
export function sortedNames(ids: readonly string[], l: Lookups): readonly string[] {
  if (ids.length === 0) return [];
  const order = nameOrder(l);
  // Only a frozen list can be remembered: one that may still change must be sorted each time.
  if (!Object.isFrozen(ids)) return sortNames(ids, l, order.ranks);
  let names = order.sorted.get(ids);
  if (names === undefined) {
    names = Object.freeze(sortNames(ids, l, order.ranks));
    order.sorted.set(ids, names);
  }
  return names;
}

function sortNames(ids: readonly string[], l: Lookups, ranks: Map<string, Ranked>): string[] {
  const found: Ranked[] = new Array(ids.length);
  for (let at = 0; at < ids.length; at++) {
    const r = ranks.get(ids[at]!);
    // An id without a member (a damaged import) sorts as "?" among the names, the slow way.
    if (r === undefined) return ids.map((id) => l.members.get(id)?.name ?? '?').sort(collator.compare);
    found[at] = r;
  }
  // Array.prototype.sort is stable: equal ranks keep their order, as a sort on the names does.
  return found.sort((a, b) => a.rank - b.rank).map((r) => r.name);
}

export function memberJson(t: MemberTotals, l: Lookups): MemberJson {
  return {
    member: l.members.get(t.memberId)?.name ?? '?',
    group: l.groups.get(t.groupId)?.name ?? '?',
    meetings: t.meetings,
    minutes: t.minutes,
    hours: minutesToHours(t.minutes),
    chaired: t.chaired,
    casesBrought: t.casesBrought,
    missed: t.missed,
    notCounted: t.notCounted.map((n) => ({ date: n.date, reason: reasonCodes(n.reasons) })),
    plannedMinutes: t.plannedMinutes,
    requirement: t.requirement
      ? {
          met: t.requirement.met,
          requiredHours: t.requirement.requiredMinutes === null ? null : minutesToHours(t.requirement.requiredMinutes),
          requiredMeetings: t.requirement.requiredMeetings,
          missingHours: minutesToHours(t.requirement.missingMinutes),
          missingMeetings: t.requirement.missingMeetings,
          caseMissing: t.requirement.caseMissing,
          tooManyMissed: t.requirement.tooManyMissed,
        }
      : null,
  };
}

export function meetingJson(m: MeetingSummary, l: Lookups): MeetingJson {
  return {
    id: m.id,
    group: l.groups.get(m.groupId)?.name ?? '?',
    date: m.date,
    start: m.start,
    end: m.end,
    minutes: m.minutes,
    present: sortedNames(m.present, l),
    absent: sortedNames(m.absent, l),
    chair: m.chairId === null ? null : (l.members.get(m.chairId)?.name ?? '?'),
    method: m.methodId,
    plannedMinutes: m.plannedMinutes,
    logged: m.logged,
    place: m.place,
    topic: m.topic,
    notCounted: m.reasons.length ? reasonCodes(m.reasons) : null,
  };
}

/** The report without its meeting list: all that CSV needs. */
export function reportJsonHead(model: ReportModel, l: Lookups): ReportJson {
  return {
    from: model.period.from,
    to: model.period.to,
    register: model.register?.id ?? null,
    members: model.members.map((t) => memberJson(t, l)),
    meetings: [],
  };
}

export function buildReportJson(model: ReportModel, l: Lookups): ReportJson {
  return { ...reportJsonHead(model, l), meetings: model.meetings.map((m) => meetingJson(m, l)) };
}

const OPEN = '{\n  "m": [\n';
const CLOSE = '\n  ]\n}';

/**
 * Meetings as they stand in the report's "meetings" list, without the brackets: an element
 * inside {"m": [...]} is indented exactly as one in that list.
 */
export function meetingsJsonText(meetings: readonly MeetingSummary[], l: Lookups): string {
  return JSON.stringify({ m: meetings.map((m) => meetingJson(m, l)) }, null, 2).slice(OPEN.length, -CLOSE.length);
}

/**
 * The same text as JSON.stringify(report, null, 2), from the head (members and all) and the
 * meetings list in pieces of meetingsJsonText: ten years of a hundred groups is twelve
 * megabytes of JSON, and one string of it (plus its copies on the way out) was most of the
 * report's memory.
 */
export function* reportJsonText(head: ReportJson, meetingPieces: Iterable<string>): Generator<string> {
  const text = JSON.stringify(head, null, 2);
  let first = true;
  // Separators go out on their own: gluing them to a piece would make a copy of it to write.
  for (const piece of meetingPieces) {
    // `"meetings": []\n}` becomes an open list that the pieces fill.
    yield first ? `${text.slice(0, -'[]\n}'.length)}[\n` : ',\n';
    yield piece;
    first = false;
  }
  yield first ? text : '\n  ]\n}';
}

/** The whole report as JSON text in pieces of a few hundred meetings. */
export function reportJsonPieces(model: ReportModel, l: Lookups, perPiece = 500): Generator<string> {
  const pieces = function* () {
    for (let i = 0; i < model.meetings.length; i += perPiece) yield meetingsJsonText(model.meetings.slice(i, i + perPiece), l);
  };
  return reportJsonText(reportJsonHead(model, l), pieces());
}
