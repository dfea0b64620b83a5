import { escapeJsonText, jsonString } from './json-text.js';
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

// Made on first use: the first Dutch collator costs a report's start several milliseconds of
// ICU set-up, and a report without meetings or names never needs it.
let dutch: Intl.Collator | undefined;
const collator = (): Intl.Collator => (dutch ??= new Intl.Collator('nl'));
interface Ranked {
  rank: number;
  name: string;
  /** The name as JSON text, made when first needed. */
  json?: string;
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
    const compare = collator().compare;
    const sorted = [...l.members.values()].sort((a, b) => compare(a.name, b.name));
    const ranks = new Map<string, Ranked>();
    let rank = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && compare(sorted[i - 1]!.name, sorted[i]!.name) !== 0) rank = i;
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
  return byRank(ids, ranks)?.map((r) => r.name) ?? slowSortedNames(ids, l);
}

/** An id without a member (a damaged import) sorts as "?" among the names, the slow way. */
function slowSortedNames(ids: readonly string[], l: Lookups): string[] {
  return ids.map((id) => l.members.get(id)?.name ?? '?').sort(collator().compare);
}

/**
 * The members of a list in name order, or null when one of them is unknown. Rank and place
 * in one number, sorted by the typed array's own numeric sort: no compare function to call
 * for every pair, and equal ranks keep their order (stable, as a sort on the names is).
 */
function byRank(ids: readonly string[], ranks: Map<string, Ranked>): Ranked[] | null {
  const n = ids.length;
  const keys = new Float64Array(n);
  const found: Ranked[] = new Array(n);
  for (let at = 0; at < n; at++) {
    const r = ranks.get(ids[at]!);
    if (r === undefined) return null;
    found[at] = r;
    keys[at] = r.rank * n + at;
  }
  keys.sort();
  const ordered: Ranked[] = new Array(n);
  for (let at = 0; at < n; at++) ordered[at] = found[keys[at]! % n]!;
  return ordered;
}

/** The names on a list as JSON text, in the order of sortedNames (without remembering the list). */
function sortedNamesText(ids: readonly string[], l: Lookups): string {
  const ranked = byRank(ids, nameOrder(l).ranks);
  if (ranked === null) return slowSortedNames(ids, l).map(jsonString).join(LIST_ITEM);
  let text = '';
  for (let at = 0; at < ranked.length; at++) text += (at === 0 ? '' : LIST_ITEM) + (ranked[at]!.json ??= jsonString(ranked[at]!.name));
  return text;
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

// JSON text of the parts that repeat from meeting to meeting (a group's name, a member's,
// an attendance list), made once per report: most of twenty thousand meetings share them.
interface RepeatedText {
  groupName: (id: string) => string | undefined;
  memberName: (id: string) => string | undefined;
  groups: Map<string, string>;
  members: Map<string, string>;
  methods: Map<string, string>;
  /**
   * Per frozen id list (the store hands out one array per distinct list). A plain Map: it
   * lives as long as the report, and a WeakMap with twenty thousand keys slows every
   * garbage collection down.
   */
  lists: Map<readonly string[], string>;
}
const repeated = new WeakMap<Lookups, RepeatedText>();

function repeatedText(l: Lookups): RepeatedText {
  let r = repeated.get(l);
  if (!r) {
    r = {
      groupName: (id) => l.groups.get(id)?.name,
      memberName: (id) => l.members.get(id)?.name,
      groups: new Map(),
      members: new Map(),
      methods: new Map(),
      lists: new Map(),
    };
    repeated.set(l, r);
  }
  return r;
}

/** The JSON text of a name or id looked up once (no closure per call: this runs for every meeting). */
function textOf(map: Map<string, string>, key: string, name: (key: string) => string | undefined): string {
  let text = map.get(key);
  if (text === undefined) {
    text = jsonString(name(key) ?? '?');
    map.set(key, text);
  }
  return text;
}

const sameKey = (key: string) => key;

const LIST_ITEM = ',\n        ';

function namesText(ids: readonly string[], l: Lookups, r: RepeatedText): string {
  if (ids.length === 0) return '[]';
  let text = r.lists.get(ids);
  if (text === undefined) {
    text = `[\n        ${sortedNamesText(ids, l)}\n      ]`;
    if (Object.isFrozen(ids)) r.lists.set(ids, text);
  }
  return text;
}

/** A number as JSON.stringify writes it. */
const numberText = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
const orNull = (s: string | null): string => (s === null ? 'null' : jsonString(s));

/**
 * One meeting as it stands in the report's "meetings" list: exactly the text of
 * JSON.stringify(meetingJson(m), null, 2) at that depth, escaped. Written by hand because
 * building an object per meeting and stringifying it was most of a large report's time;
 * a property test holds the two equal.
 */
function meetingText(m: MeetingSummary, l: Lookups, r: RepeatedText): string {
  const group = textOf(r.groups, m.groupId, r.groupName);
  const chair = m.chairId === null ? 'null' : textOf(r.members, m.chairId, r.memberName);
  const method = m.methodId === null ? 'null' : textOf(r.methods, m.methodId, sameKey);
  return (
    `    {\n      "id": ${jsonString(m.id)},\n      "group": ${group},\n      "date": ${jsonString(m.date)},\n` +
    `      "start": ${jsonString(m.start)},\n      "end": ${jsonString(m.end)},\n      "minutes": ${numberText(m.minutes)},\n` +
    `      "present": ${namesText(m.present, l, r)},\n      "absent": ${namesText(m.absent, l, r)},\n` +
    `      "chair": ${chair},\n      "method": ${method},\n      "plannedMinutes": ${numberText(m.plannedMinutes)},\n` +
    `      "logged": ${m.logged},\n      "place": ${orNull(m.place)},\n      "topic": ${orNull(m.topic)},\n` +
    `      "notCounted": ${m.reasons.length ? jsonString(reasonCodes(m.reasons)) : 'null'}\n    }`
  );
}

/**
 * Meetings as they stand in the report's "meetings" list, without the brackets, escaped:
 * each element indented exactly as one in that list.
 */
export function meetingsJsonText(meetings: readonly MeetingSummary[], l: Lookups): string {
  const r = repeatedText(l);
  // join() makes one flat string: pieces wait in memory until the members' totals are done,
  // and as ropes of small strings they cost the garbage collector more than the writing.
  return meetings.map((m) => meetingText(m, l, r)).join(',\n');
}

/**
 * The same text as escapeJsonText(JSON.stringify(report, null, 2)), from the head (members
 * and all) and the meetings list in pieces of meetingsJsonText: ten years of a hundred groups is twelve
 * megabytes of JSON, and one string of it (plus its copies on the way out) was most of the
 * report's memory.
 */
export function* reportJsonText(head: ReportJson, meetingPieces: Iterable<string>): Generator<string> {
  const text = escapeJsonText(JSON.stringify(head, null, 2));
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
