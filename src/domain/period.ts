import { tzOffset } from '@date-fns/tz/tzOffset';
import { addDays } from 'date-fns/addDays';
import { addMonths } from 'date-fns/addMonths';
import { addYears } from 'date-fns/addYears';
import { UsageError } from '../errors.js';

// Report periods are calendar dates in Europe/Amsterdam with inclusive bounds: a meeting
// belongs to the day it started there, so one over midnight stays on its first day.
// Only small date-fns subpaths here (the ones retention loads anyway): `report` runs on
// every registration deadline and its start-up is most of its time on a small history.

export const ZONE = 'Europe/Amsterdam';

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local midnight Date for y-m-d (setFullYear: years below 100 stay themselves). */
function localMidnight(y: number, month0: number, d: number): Date {
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, month0, d);
  return date;
}

/** A YYYY-MM-DD that exists on the calendar, or null. */
export function parseDate(raw: string): string | null {
  const s = raw.trim();
  const m = DATE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = localMidnight(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? s : null;
}

// Reports turn tens of thousands of instants into local dates and Intl is slow per call.
// Per UTC month: the offset when it is the same at the month's first and last minute, else
// the one change in it, found once by bisection (Amsterdam changes at most once a month).
const MINUTE = 60_000;
interface MonthOffset {
  before: number;
  /** First instant (ms) of the `after` offset; Infinity when the month has one offset. */
  change: number;
  after: number;
}
const offsetByMonth = new Map<number, MonthOffset>();
const zoneOffset = (ms: number) => tzOffset(ZONE, new Date(ms));

function monthOffset(y: number, month0: number): MonthOffset {
  const key = y * 12 + month0;
  let o = offsetByMonth.get(key);
  if (o === undefined) {
    let lo = Date.UTC(y, month0, 1);
    let hi = Date.UTC(y, month0 + 1, 1) - MINUTE;
    const before = zoneOffset(lo);
    const after = zoneOffset(hi);
    if (before === after) o = { before, change: Infinity, after };
    else {
      // Invariant: offset(lo) = before, offset(hi) = after; narrow to adjacent minutes.
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
        if (zoneOffset(mid) === before) lo = mid;
        else hi = mid;
      }
      o = { before, change: hi, after };
    }
    offsetByMonth.set(key, o);
  }
  return o;
}

/** Amsterdam's UTC offset in minutes at an instant. */
export function offsetMinutes(ms: number): number {
  const d = new Date(ms);
  const o = monthOffset(d.getUTCFullYear(), d.getUTCMonth());
  return ms < o.change ? o.before : o.after;
}

/** Local date-time parts in Amsterdam, as an ISO-like string YYYY-MM-DDTHH:MM. */
function localStamp(instant: Date | string): string {
  if (typeof instant === 'string') return readInstant(instant).stamp;
  return stampAt(instant.getTime());
}

function stampAt(ms: number): string {
  return new Date(ms + offsetMinutes(ms) * MINUTE).toISOString().slice(0, 16);
}

// Stored instants are toISOString() text (2026-03-10T18:30:00.000Z). For those, the local
// stamp is string arithmetic: same date unless the offset carries the time past midnight.
// Anything else (another shape, a day that does not exist, a shift across midnight) takes
// the general path above, which gives the same answer more slowly.
const CANONICAL = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const digits = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

/** The instant of a toISOString() stamp, read from its digits; null for any other text. */
function canonicalMs(s: string): number | null {
  if (s.length !== 24 || !CANONICAL.test(s)) return null;
  const y = digits(s, 0) * 100 + digits(s, 2);
  if (y < 1000) return null; // Date.UTC reads years below 100 as 19xx
  const month0 = digits(s, 5) - 1;
  const day = digits(s, 8);
  if (day > 28 && new Date(Date.UTC(y, month0, day)).getUTCDate() !== day) return null;
  return Date.UTC(y, month0, day, digits(s, 11), digits(s, 14), digits(s, 17), Number(s.slice(20, 23)));
}

/** Milliseconds since 1970 of a stored instant (Date.parse, quicker for toISOString() text). */
export function instantMs(s: string): number {
  return canonicalMs(s) ?? Date.parse(s);
}

/** A stored instant: its milliseconds since 1970 and its local stamp YYYY-MM-DDTHH:MM in Amsterdam. */
export interface ReadInstant {
  ms: number;
  stamp: string;
}

/** A stored instant read once, for callers that need both its time and its local stamp. */
export function readInstant(s: string): ReadInstant {
  const ms = canonicalMs(s);
  if (ms === null) {
    const parsed = Date.parse(s);
    return { ms: parsed, stamp: stampAt(parsed) };
  }
  return { ms, stamp: fastLocalStamp(s, ms) ?? stampAt(ms) };
}

function fastLocalStamp(s: string, ms: number): string | null {
  const hour = digits(s, 11);
  const minute = digits(s, 14);
  const o = monthOffset(digits(s, 0) * 100 + digits(s, 2), digits(s, 5) - 1);
  const offset = ms < o.change ? o.before : o.after;
  const local = hour * 60 + minute + offset;
  // Whole minutes only (local mean time before 1940 was +00:19:32, which moves the seconds too).
  if (!Number.isInteger(offset) || local < 0 || local >= 1440) return null;
  return `${s.slice(0, 10)}T${TWO[Math.floor(local / 60)]}:${TWO[local % 60]}`;
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

/**
 * The instant a local date + HH:MM in Amsterdam stands for. A time skipped by the spring
 * change moves forward by the gap; a time that occurs twice in autumn is the first one
 * (the same as @date-fns/tz's TZDate, checked minute by minute over decades).
 */
export function zonedInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(y, m - 1, d);
  wall.setUTCHours(hh, mm, 0, 0);
  const asUtc = wall.getTime();
  const first = offsetMinutes(asUtc);
  const guess = asUtc - first * MINUTE;
  const second = offsetMinutes(guess);
  return new Date(second === first ? guess : asUtc - second * MINUTE);
}

/** UTC ISO bounds [start, end) of a period, comparable with stored ISO timestamps. */
export function periodBounds(p: Period): { startIso: string; endIso: string } {
  const next = ymd(addDays(toDate(p.to), 1));
  return { startIso: zonedInstant(p.from, '00:00').toISOString(), endIso: zonedInstant(next, '00:00').toISOString() };
}

export function inPeriod(p: Period, instant: string): boolean {
  const d = localDate(instant);
  return d >= p.from && d <= p.to;
}

function toDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return localMidnight(y, m - 1, d);
}
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (d: Date) => `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** The last day of the month of a local date. */
const lastDayOfMonth = (d: Date) => localMidnight(d.getFullYear(), d.getMonth() + 1, 0);

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
  const days = Math.round(
    (Date.UTC(dayAfter.getFullYear(), dayAfter.getMonth(), dayAfter.getDate()) - Date.UTC(from.getFullYear(), from.getMonth(), from.getDate())) /
      86_400_000,
  );
  return days / (365.2425 / 12);
}
