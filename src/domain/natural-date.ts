import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addWeeks } from 'date-fns/addWeeks';
import { addMonths } from 'date-fns/addMonths';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

export const ZONE = 'Europe/Amsterdam';

// Month words by their first three letters, Dutch and English ('mrt' is the Dutch short form).
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, maa: 3, mrt: 3, mar: 3, apr: 4, mei: 5, may: 5, jun: 6,
  jul: 7, aug: 8, sep: 9, okt: 10, oct: 10, nov: 11, dec: 12,
};
const WEEKDAY =
  /^(ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?,?$/;
const FILLER = new Set(['om', 'at', 'op', 'on', 'de', 'the', 'uur', "o'clock"]);

/**
 * Read a date and time the way people type it at the table: `8 dec 19:30`,
 * `2026-12-08 19:30`, `8-12 19.30`, `over 3 weken`, `in 2 weeks 20:00`, `volgende week`.
 * Without a time the default time of day is used; without a year the next such date.
 * Returns null when the text is not a date; times are wall-clock Europe/Amsterdam.
 */
export function parseNaturalDate(input: string, now: Date, defaultTime: { hours: number; minutes: number }): Date | null {
  let s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  const local = new TZDate(now.getTime(), ZONE);

  // The time part: 19:30, 19.30, 19u30, 19u, 7:30
  let time = defaultTime;
  const tm = /(?:^|\s)(\d{1,2})(?:[:.u](\d{2})|u)(?=$|\s)/.exec(s);
  if (tm) {
    const hours = Number(tm[1]);
    const minutes = tm[2] === undefined ? 0 : Number(tm[2]);
    if (hours > 23 || minutes > 59) return null;
    time = { hours, minutes };
    s = (s.slice(0, tm.index) + ' ' + s.slice(tm.index + tm[0].length)).trim();
  }
  const words = s.split(' ').filter((w) => w && !FILLER.has(w) && !WEEKDAY.test(w));
  const rest = words.join(' ');
  const at = (y: number, m: number, d: number) => new TZDate(y, m - 1, d, time.hours, time.minutes, 0, ZONE);

  // over 3 weken / in 3 weeks / over 10 dagen / over een maand / volgende week
  const rel = /^(?:over|in) (\d{1,3}|een|één|a|an|one) (dag|dagen|day|days|week|weken|weeks|maand|maanden|month|months)$/.exec(rest);
  const nextWeek = /^(volgende week|next week)$/.test(rest);
  if (rel || nextWeek) {
    const n = nextWeek ? 1 : /^\d+$/.test(rel![1]!) ? Number(rel![1]) : 1;
    const unit = nextWeek ? 'week' : rel![2]!;
    const base = unit.startsWith('d') ? addDays(local, n) : unit.startsWith('w') ? addWeeks(local, n) : addMonths(local, n);
    return toUtc(at(base.getFullYear(), base.getMonth() + 1, base.getDate()));
  }
  if (rest === 'vandaag' || rest === 'today') return toUtc(at(local.getFullYear(), local.getMonth() + 1, local.getDate()));
  if (rest === 'morgen' || rest === 'tomorrow') {
    const d = addDays(local, 1);
    return toUtc(at(d.getFullYear(), d.getMonth() + 1, d.getDate()));
  }

  let y: number | null = null;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(rest);
  const numeric = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(rest);
  const named = /^(\d{1,2}) ([a-z]+)\.?(?: (\d{4}))?$/.exec(rest);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else if (numeric) {
    d = Number(numeric[1]);
    m = Number(numeric[2]);
    if (numeric[3]) y = numeric[3].length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]);
  } else if (named) {
    const month = MONTHS[named[2]!.slice(0, 3)];
    if (month === undefined) return null;
    d = Number(named[1]);
    m = month;
    if (named[3]) y = Number(named[3]);
  } else {
    return null;
  }
  // date-fns checks the calendar (no 31 November, 29 February only in leap years).
  const check = (year: number) => isValid(parse(`${year}-${m}-${d}`, 'yyyy-M-d', new Date(0)));
  if (y !== null) return check(y) ? toUtc(at(y, m, d)) : null;
  let year = local.getFullYear();
  for (let i = 0; i < 9; i++, year++) {
    if (!check(year)) continue;
    const candidate = at(year, m, d);
    if (candidate.getTime() > now.getTime()) return toUtc(candidate);
  }
  return null;
}

/**
 * The time of day a next meeting defaults to: the time this one was planned for, or else
 * its start rounded to the nearest quarter hour (a group that meets "at half past seven"
 * starts at 19:37 and should not be invited for 19:37 next time).
 */
export function usualTimeOfDay(startedAt: Date, plannedAt: Date | null): { hours: number; minutes: number } {
  const base = plannedAt ?? new Date(Math.round(startedAt.getTime() / 900_000) * 900_000);
  const local = new TZDate(base.getTime(), ZONE);
  return { hours: local.getHours(), minutes: local.getMinutes() };
}

function toUtc(d: Date): Date {
  return new Date(d.getTime());
}
