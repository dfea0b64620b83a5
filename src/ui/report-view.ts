import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { minutesToHours, type MemberTotals, type NotCountedReason } from '../domain/hours.js';
import type { Lang, Messages } from './i18n/index.js';

// Dates, hours and reasons as people read them, shared by the table, Markdown and HTML.
// The JSON shape and the lookups live in report-json.ts (no locales needed there).
export * from './report-json.js';

const LOCALES = { nl, en: enGB } as const;

/** Local midnight of a YYYY-MM-DD (date-fns/parse would load ninety modules for this). */
function dayOf(ymd: string): Date {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, m - 1, d);
  return date;
}

/** Hours with a decimal comma (nl) or point (en), at most 2 decimals: 15,5. */
export function formatHours(hours: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2, useGrouping: false }).format(hours);
}

/** 10 maart 2026 / 10 March 2026 */
export function longDate(ymd: string, lang: Lang): string {
  return format(dayOf(ymd), 'd MMMM yyyy', { locale: LOCALES[lang] });
}

/** di 10-03-2026 / Tue 10-03-2026: the weekday helps people recognise a meeting. */
export function shortDate(ymd: string, lang: Lang): string {
  return format(dayOf(ymd), 'EEEEEE dd-MM-yyyy', { locale: LOCALES[lang] });
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
