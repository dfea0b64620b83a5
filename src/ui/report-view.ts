import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { minutesToHours, type MemberRecord, type MemberTotals, type GroupRecord, type NotCountedReason, type ReportModel } from '../domain/hours.js';
import type { Lang, Messages } from './i18n/index.js';

// The stable JSON shape of `intervisie report --json` (docs/cli.md) and the lookups every
// other format shares. Only names, times and counts: no case content can reach this.

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
  present: string[];
  absent: string[];
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

/** Member names of a meeting in alphabetical order (the store returns them by id). */
export function sortedNames(ids: readonly string[], l: Lookups): string[] {
  return ids.map((id) => l.members.get(id)?.name ?? '?').sort((a, b) => a.localeCompare(b, 'nl'));
}

export function buildReportJson(model: ReportModel, l: Lookups): ReportJson {
  const memberName = (id: string) => l.members.get(id)?.name ?? '?';
  const groupName = (id: string) => l.groups.get(id)?.name ?? '?';
  return {
    from: model.period.from,
    to: model.period.to,
    register: model.register?.id ?? null,
    members: model.members.map((t) => ({
      member: memberName(t.memberId),
      group: groupName(t.groupId),
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
    })),
    meetings: model.meetings.map((m) => ({
      id: m.id,
      group: groupName(m.groupId),
      date: m.date,
      start: m.start,
      end: m.end,
      minutes: m.minutes,
      present: sortedNames(m.present, l),
      absent: sortedNames(m.absent, l),
      chair: m.chairId === null ? null : memberName(m.chairId),
      method: m.methodId,
      plannedMinutes: m.plannedMinutes,
      logged: m.logged,
      place: m.place,
      topic: m.topic,
      notCounted: m.reasons.length ? reasonCodes(m.reasons) : null,
    })),
  };
}

const LOCALES = { nl, en: enGB } as const;

/** Hours with a decimal comma (nl) or point (en), at most 2 decimals: 15,5. */
export function formatHours(hours: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2, useGrouping: false }).format(hours);
}

/** 10 maart 2026 / 10 March 2026 */
export function longDate(ymd: string, lang: Lang): string {
  return format(parse(ymd, 'yyyy-MM-dd', new Date(2000, 0, 1)), 'd MMMM yyyy', { locale: LOCALES[lang] });
}

/** di 10-03-2026 / Tue 10-03-2026: the weekday helps people recognise a meeting. */
export function shortDate(ymd: string, lang: Lang): string {
  return format(parse(ymd, 'yyyy-MM-dd', new Date(2000, 0, 1)), 'EEEEEE dd-MM-yyyy', { locale: LOCALES[lang] });
}

export function reasonText(reasons: readonly NotCountedReason[], t: Messages): string {
  return reasons.map((r) => t.report.say.reasons(r)).join(t.report.say.reasonJoin);
}

/** "nog 2,5 uur en 1 bijeenkomst" or "voldaan" for one member's requirement. */
export function requirementStatus(m: MemberTotals, t: Messages, lang: Lang, short = false): string {
  const r = m.requirement;
  if (!r) return '';
  if (r.met) return t.report.say.met;
  const s = t.report.say;
  const parts: string[] = [];
  if (r.missingMinutes > 0) {
    const hours = formatHours(minutesToHours(r.missingMinutes), lang);
    parts.push(short ? s.hours(hours) : s.missingHours(hours));
  }
  if (r.missingMeetings > 0) parts.push(s.missingMeetings(r.missingMeetings));
  if (r.caseMissing) parts.push(s.caseMissing);
  const missing = parts.length ? s.missing(parts.join(s.and)) : '';
  const absent = r.tooManyMissed && r.maxMissed !== null ? s.tooManyMissed(m.missed, r.maxMissed) : '';
  return [missing, absent].filter(Boolean).join('; ');
}
