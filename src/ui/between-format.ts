import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { MEETING_TZ } from '../domain/recurrence.js';
import type { Lang } from './i18n/index.js';

const locale = (lang: Lang) => (lang === 'nl' ? nl : enGB);

function zoned(iso: string | Date): TZDate {
  return new TZDate(new Date(iso).getTime(), MEETING_TZ);
}

/** "di 8 dec 2026" */
export function formatDay(iso: string | Date, lang: Lang): string {
  return format(zoned(iso), 'EEEEEE d MMM yyyy', { locale: locale(lang) });
}

/** "dinsdag 8 december 2026, 19:30" in Dutch time. */
export function formatMeetingTime(iso: string | Date, lang: Lang): string {
  return format(zoned(iso), 'EEEE d MMMM yyyy, HH:mm', { locale: locale(lang) });
}

/** "di 8 dec 2026 19:30" for tables. */
export function formatShortTime(iso: string | Date, lang: Lang): string {
  return format(zoned(iso), 'EEEEEE d MMM yyyy HH:mm', { locale: locale(lang) });
}

/** ISO 8601 with the Dutch offset, e.g. 2026-12-08T19:30:00+01:00, for JSON. */
export function isoLocal(iso: string | Date): string {
  return format(zoned(iso), "yyyy-MM-dd'T'HH:mm:ssxxx");
}
