import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { enGB } from 'date-fns/locale/en-GB';
import { nl } from 'date-fns/locale/nl';
import { ZONE } from '../domain/period.js';
import type { Lang } from './i18n/index.js';

const locale = (lang: Lang) => (lang === 'nl' ? nl : enGB);
const local = (d: Date | string) => new TZDate(new Date(d).getTime(), ZONE);

/** 19:42 in Amsterdam. */
export function clockTime(d: Date | string): string {
  return format(local(d), 'HH:mm');
}

/** dinsdag 8 december 2026 om 19:30 / Tuesday 8 December 2026 at 19:30 */
export function longDateTime(d: Date | string, lang: Lang): string {
  return format(local(d), lang === 'nl' ? "EEEE d MMMM yyyy 'om' HH:mm" : "EEEE d MMMM yyyy 'at' HH:mm", { locale: locale(lang) });
}

/** 24-11-2026 / 24 Nov 2026 */
export function shortDate(d: Date | string, lang: Lang): string {
  return format(local(d), lang === 'nl' ? 'd-M-yyyy' : 'd MMM yyyy', { locale: locale(lang) });
}

/** YYYY-MM-DD in Amsterdam, for due dates and `show DATE`. */
export function isoDay(d: Date | string): string {
  return format(local(d), 'yyyy-MM-dd');
}

/** Hours and minutes of a meeting, e.g. "1 uur 50 min" / "1 h 50 min". */
export function hoursMinutes(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hw = lang === 'nl' ? 'uur' : 'h';
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} ${hw}` : `${h} ${hw} ${m} min`;
}

/** Break a paragraph at spaces so no word is split by the terminal; `indent` starts every line after the first. */
export function wrap(text: string, width: number, indent = ''): string {
  const max = Math.max(20, width);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line === '' ? word : `${line} ${word}`;
    if ([...next].length > max && line !== '') {
      lines.push(line);
      line = indent + word;
    } else {
      line = next;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
