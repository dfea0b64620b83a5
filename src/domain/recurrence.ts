import { TZDate } from '@date-fns/tz';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { UsageError } from '../errors.js';

/** Planned meetings are agreed in Dutch wall-clock time. */
export const MEETING_TZ = 'Europe/Amsterdam';

export interface Interval {
  unit: 'week' | 'month';
  n: number;
}

export const INTERVAL_LIMITS = { week: 26, month: 12 } as const;

const UNITS: Record<string, Interval['unit']> = {
  w: 'week',
  wk: 'week',
  week: 'week',
  weeks: 'week',
  weken: 'week',
  m: 'month',
  mnd: 'month',
  maand: 'month',
  maanden: 'month',
  month: 'month',
  months: 'month',
};

/** "3 weeks", "2 weken", "1 maand", "6 months", "3w": how far apart the meetings are. */
export function parseInterval(raw: string): Interval {
  const m = /^\s*(\d{1,3})\s*([a-z]+)\s*$/iu.exec(raw);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  const n = m ? Number.parseInt(m[1]!, 10) : NaN;
  if (!m || unit === undefined) throw new UsageError((t) => t.between.err.badEvery(raw));
  if (n < 1 || n > INTERVAL_LIMITS[unit]) throw new UsageError((t) => t.between.err.everyRange(INTERVAL_LIMITS.week, INTERVAL_LIMITS.month));
  return { unit, n };
}

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  /** null when only a date was given */
  hour: number | null;
  minute: number | null;
}

/**
 * "2026-12-08 19:30", "2026-12-08T19:30", "8-12-2026 19:30", or a date alone.
 * The calendar date must exist (no 31 april).
 */
export function parseLocalDateTime(raw: string, flag: string): LocalDateTime {
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:.](\d{2}))?$/u.exec(s);
  const dutch = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T]+(\d{1,2})[:.](\d{2}))?$/u.exec(s);
  let parts: [string, string, string, string | undefined, string | undefined] | null = null;
  if (iso) parts = [iso[1]!, iso[2]!, iso[3]!, iso[4], iso[5]];
  else if (dutch) parts = [dutch[3]!, dutch[2]!, dutch[1]!, dutch[4], dutch[5]];
  if (!parts) throw new UsageError((t) => t.between.err.badDate(flag, raw));
  const [y, mo, d, h, mi] = parts.map((p) => (p === undefined ? null : Number.parseInt(p, 10))) as (number | null)[];
  const year = y!;
  const month = mo!;
  const day = d!;
  if (year < 2000 || year > 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new UsageError((t) => t.between.err.badDate(flag, raw));
  }
  if (h !== null && (h! > 23 || mi! > 59)) throw new UsageError((t) => t.between.err.badDate(flag, raw));
  return { year, month, day, hour: h ?? null, minute: mi ?? null };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant of a wall-clock time in the meeting time zone; a time skipped by the clock change is refused. */
export function zonedInstant(local: LocalDateTime, hour: number, minute: number, flag: string, raw: string): Date {
  const d = new TZDate(local.year, local.month - 1, local.day, hour, minute, MEETING_TZ);
  if (d.getHours() !== hour || d.getMinutes() !== minute || d.getDate() !== local.day) {
    throw new UsageError((t) => t.between.err.timeSkipped(flag, raw));
  }
  return new Date(d.getTime());
}

/**
 * The dates of a series: the same wall-clock time every interval, also across the
 * change to and from summer time (so 19:30 stays 19:30, and the UTC instant moves).
 * Months are counted from the first date, so 31 January + 1 month is 28 February and
 * + 2 months is 31 March again.
 */
export function seriesInstants(first: Date, every: Interval, count: number): Date[] {
  const base = new TZDate(first.getTime(), MEETING_TZ);
  const out: Date[] = [];
  for (let i = 0; i < count; i++) {
    const d = every.unit === 'week' ? addWeeks(base, every.n * i) : addMonths(base, every.n * i);
    out.push(new Date(d.getTime()));
  }
  return out;
}

/** Wall-clock parts of an instant in the meeting time zone. */
export function localParts(instant: Date | string): { year: number; month: number; day: number; hour: number; minute: number } {
  const d = new TZDate(new Date(instant).getTime(), MEETING_TZ);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}
