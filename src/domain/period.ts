import { TZDate, tz, tzOffset } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { parse } from 'date-fns/parse';
import { UsageError } from '../errors.js';

// Report periods are calendar dates in Europe/Amsterdam with inclusive bounds: a meeting
// belongs to the day it started there, so one over midnight stays on its first day.

export const ZONE = 'Europe/Amsterdam';
export const inZone = tz(ZONE);

/** Inclusive calendar dates, YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

export interface PeriodFlags {
  year?: string;
  from?: string;
  to?: string;
  period?: string;
  last?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD that exists on the calendar, or null. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  if (!DATE.test(s)) return null;
  const d = parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === s ? s : null;
}

// Reports format tens of thousands of instants and Intl is slow per call. Amsterdam changes
// its offset at most once a month, so a month whose first and last hour share an offset is
// cached whole; a month with a change is cached per UTC hour (offsets change on whole hours).
const HOUR = 3_600_000;
const offsetByMonth = new Map<number, number | null>();
const offsetByHour = new Map<number, number>();
function offsetMinutes(ms: number): number {
  const d = new Date(ms);
  const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
  let whole = offsetByMonth.get(month);
  if (whole === undefined) {
    const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - HOUR;
    const a = tzOffset(ZONE, new Date(first));
    whole = a === tzOffset(ZONE, new Date(last)) ? a : null;
    offsetByMonth.set(month, whole);
  }
  if (whole !== null) return whole;
  const hour = Math.floor(ms / HOUR);
  let off = offsetByHour.get(hour);
  if (off === undefined) {
    off = tzOffset(ZONE, new Date(hour * HOUR));
    offsetByHour.set(hour, off);
  }
  return off;
}

/** Local date-time parts in Amsterdam, as an ISO-like string YYYY-MM-DDTHH:MM. */
function localStamp(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + offsetMinutes(ms) * 60_000).toISOString().slice(0, 16);
}

/** Local date and time in Amsterdam at once (one conversion instead of two). */
export function localDateTime(instant: Date | string): { date: string; time: string } {
  const s = localStamp(instant);
  return { date: s.slice(0, 10), time: s.slice(11, 16) };
}

/** The calendar date in Amsterdam of an instant. */
export function localDate(instant: Date | string): string {
  return localStamp(instant).slice(0, 10);
}

/** The wall-clock time HH:MM in Amsterdam of an instant. */
export function localTime(instant: Date | string): string {
  return localStamp(instant).slice(11, 16);
}

/** The instant a local date + HH:MM in Amsterdam stands for. */
export function zonedInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, ZONE).getTime());
}

/** UTC ISO bounds [start, end) of a period, comparable with stored ISO timestamps. */
export function periodBounds(p: Period): { startIso: string; endIso: string } {
  const next = format(addDays(parse(p.to, 'yyyy-MM-dd', new Date(2000, 0, 1)), 1), 'yyyy-MM-dd');
  return { startIso: zonedInstant(p.from, '00:00').toISOString(), endIso: zonedInstant(next, '00:00').toISOString() };
}

export function inPeriod(p: Period, instant: string): boolean {
  const d = localDate(instant);
  return d >= p.from && d <= p.to;
}

const toDate = (s: string) => parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1));
const ymd = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * Turn the period flags into one period. `today` is the local date of the clock;
 * `earliest` the first recorded meeting's date (the default start: all history).
 */
export function resolvePeriod(flags: PeriodFlags, today: string, earliest: string | null): Period {
  const kinds = [flags.year !== undefined, flags.from !== undefined || flags.to !== undefined, flags.period !== undefined, flags.last !== undefined];
  if (kinds.filter(Boolean).length > 1) throw new UsageError((t) => t.report.err.periodConflict);

  if (flags.year !== undefined) {
    const y = flags.year.trim();
    if (!/^\d{4}$/.test(y) || Number(y) < 1990 || Number(y) > 2200) throw new UsageError((t) => t.report.err.badYear(flags.year!));
    return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
  if (flags.period !== undefined) return parseNamedPeriod(flags.period);
  if (flags.last !== undefined) {
    const m = /^\s*(\d{1,3})\s*([mjy])\s*$/i.exec(flags.last);
    const n = m ? Number(m[1]) : 0;
    if (!m || n < 1 || n > 600) throw new UsageError((t) => t.report.err.badLast(flags.last!));
    const unit = m[2]!.toLowerCase();
    const start = unit === 'm' ? addMonths(toDate(today), -n) : addYears(toDate(today), -n);
    return { from: ymd(addDays(start, 1)), to: today };
  }
  let from = earliest ?? today;
  let to = today;
  if (flags.from !== undefined) {
    const f = parseDate(flags.from);
    if (!f) throw new UsageError((t) => t.report.err.badDate('--from', flags.from!));
    from = f;
  }
  if (flags.to !== undefined) {
    const v = parseDate(flags.to);
    if (!v) throw new UsageError((t) => t.report.err.badDate('--to', flags.to!));
    to = v;
  }
  if (from > to) {
    // Only an explicit pair can be the wrong way round; a lone --to before the first meeting is an empty period.
    if (flags.from !== undefined) throw new UsageError((t) => t.report.err.fromAfterTo(from, to));
    from = to;
  }
  return { from, to };
}

/** 2026, 2026-Q3, 2026-H1 or 2026-03. */
export function parseNamedPeriod(raw: string): Period {
  const s = raw.trim().toUpperCase();
  let m = /^(\d{4})-Q([1-4])$/.exec(s);
  if (m) {
    const start = new Date(Number(m[1]), (Number(m[2]) - 1) * 3, 1);
    return { from: ymd(start), to: ymd(lastDayOfMonth(addMonths(start, 2))) };
  }
  m = /^(\d{4})-H([12])$/.exec(s);
  if (m) {
    const start = new Date(Number(m[1]), (Number(m[2]) - 1) * 6, 1);
    return { from: ymd(start), to: ymd(lastDayOfMonth(addMonths(start, 5))) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const start = new Date(Number(m[1]), Number(m[2]) - 1, 1);
    return { from: ymd(start), to: ymd(lastDayOfMonth(start)) };
  }
  m = /^(\d{4})$/.exec(s);
  if (m) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  throw new UsageError((t) => t.report.err.badPeriod(raw));
}

/**
 * Length of a period in months, to compare with a register's requirement pro rata:
 * whole calendar months when the period runs from a first to a last day, else days / 30.44.
 */
export function periodMonths(p: Period): number {
  const from = toDate(p.from);
  const dayAfter = addDays(toDate(p.to), 1);
  if (from.getDate() === 1 && dayAfter.getDate() === 1) {
    return (dayAfter.getFullYear() - from.getFullYear()) * 12 + (dayAfter.getMonth() - from.getMonth());
  }
  // --last 12m ends today and starts the day after the same date a year ago: a whole year too.
  if (from.getDate() === dayAfter.getDate()) {
    return (dayAfter.getFullYear() - from.getFullYear()) * 12 + (dayAfter.getMonth() - from.getMonth());
  }
  return differenceInCalendarDays(dayAfter, from) / (365.2425 / 12);
}
