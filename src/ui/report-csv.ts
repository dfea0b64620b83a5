import { safeText } from '../domain/names.js';
import type { Lang, Messages } from './i18n/index.js';
import { formatHours, type ReportJson } from './report-view.js';

// One row per member, the same values as --json. Plain CSV is RFC 4180 with stable
// English column keys; --excel is what Dutch Excel opens without an import wizard:
// semicolons, decimal comma, a UTF-8 BOM, and localised column titles.

export const CSV_COLUMNS = [
  'from',
  'to',
  'register',
  'member',
  'group',
  'meetings',
  'minutes',
  'hours',
  'plannedMinutes',
  'chaired',
  'casesBrought',
  'missed',
  'notCounted',
  'requirementMet',
  'missingHours',
  'missingMeetings',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** notCounted as one cell: "2026-03-10 too-short; 2026-04-14 too-few-present,no-chair". */
export const notCountedCell = (entries: ReportJson['members'][number]['notCounted']) =>
  entries.map((n) => `${n.date} ${n.reason}`).join('; ');

function quote(value: string, sep: string): string {
  return value.includes(sep) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// A cell starting with = + - @ would run as a formula in a spreadsheet; Excel shows the
// leading apostrophe as "text", so a name like "=Anna" stays a name. Plain CSV gets it too:
// a .csv file is opened in Excel with a double click as often as it is read by a script.
const FORMULA = /^[=+\-@\t\r]/;

/** A name for a cell: no escape sequences for the terminal the CSV may be printed on, no formula. */
function cellText(s: string): string {
  const safe = safeText(s);
  return FORMULA.test(safe) ? `'${safe}` : safe;
}

export function reportCsv(json: ReportJson, o: { excel: boolean; t: Messages; lang: Lang }): string {
  const sep = o.excel ? ';' : ',';
  const num = (n: number | null) => (n === null ? '' : o.excel ? formatHours(n, 'nl') : String(n));
  const bool = (b: boolean | null) => (b === null ? '' : b ? 'true' : 'false');
  const header = CSV_COLUMNS.map((c) => (o.excel ? o.t.report.say.csvHeader[c] : c));
  const rows = json.members.map((m) => {
    const values: Record<CsvColumn, string> = {
      from: json.from,
      to: json.to,
      register: cellText(json.register ?? ''),
      member: cellText(m.member),
      group: cellText(m.group),
      meetings: String(m.meetings),
      minutes: String(m.minutes),
      hours: num(m.hours),
      plannedMinutes: String(m.plannedMinutes),
      chaired: String(m.chaired),
      casesBrought: String(m.casesBrought),
      missed: String(m.missed),
      notCounted: notCountedCell(m.notCounted),
      requirementMet: bool(m.requirement?.met ?? null),
      missingHours: num(m.requirement?.missingHours ?? null),
      missingMeetings: m.requirement ? String(m.requirement.missingMeetings) : '',
    };
    return CSV_COLUMNS.map((c) => values[c]);
  });
  const body = [header, ...rows].map((r) => r.map((v) => quote(v, sep)).join(sep)).join('\r\n') + '\r\n';
  return o.excel ? `\ufeff${body}` : body;
}
