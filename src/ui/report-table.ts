import type { ChalkInstance } from 'chalk';
import { minutesToHours, type MemberTotals, type ReportModel } from '../domain/hours.js';
import type { RegisterProfile } from '../domain/register.js';
import { safeText } from '../domain/names.js';
import type { Lang, Messages } from './i18n/index.js';
import { formatTable } from './output.js';
import { formatHours, longDate, reasonText, requirementStatus, shortDate, sortedNames, type Lookups } from './report-view.js';

// The terminal table and the Markdown version of the same report.

export interface TextOptions {
  t: Messages;
  lang: Lang;
  c: ChalkInstance;
  width: number;
}

const h = (minutes: number, lang: Lang) => formatHours(minutesToHours(minutes), lang);

/** A bar of what a member has against what the period asks, e.g. ███████░░░ 10,5/15 u. */
export function progressBar(done: number, required: number, width: number, c: ChalkInstance): string {
  const share = required <= 0 ? 1 : Math.min(1, done / required);
  const full = Math.round(share * width);
  const bar = '█'.repeat(full) + '░'.repeat(width - full);
  return share >= 1 ? c.green(bar) : c.yellow(bar.slice(0, full)) + c.dim(bar.slice(full));
}

function requirementCell(m: MemberTotals, barWidth: number, o: TextOptions): string {
  const r = m.requirement;
  if (!r) return '';
  const s = o.t.report.say;
  let bar = '';
  let figures = '';
  if (r.requiredMinutes !== null) {
    bar = progressBar(m.minutes, r.requiredMinutes, barWidth, o.c);
    figures = s.hoursOf(h(m.minutes, o.lang), h(r.requiredMinutes, o.lang));
  } else if (r.requiredMeetings !== null) {
    bar = progressBar(m.meetings, r.requiredMeetings, barWidth, o.c);
    figures = s.meetingsOf(m.meetings, r.requiredMeetings);
  }
  const status = r.met ? o.c.green(`✔ ${s.met}`) : o.c.yellow(requirementStatus(m, o.t, o.lang, true));
  return [bar, figures, status].filter(Boolean).join(' ');
}

export function requirementSummary(register: RegisterProfile, months: number, t: Messages, lang: Lang): string[] {
  const s = t.report.say;
  const lines: string[] = [];
  const req = register.requirement;
  if (req) {
    const what: string[] = [];
    if (req.hours !== null) what.push(s.requirementHours(formatHours(req.hours, lang), req.periodMonths));
    if (req.meetings !== null) what.push(s.requirementMeetings(req.meetings, req.periodMonths));
    if (req.mustBringCase) what.push(s.requirementCase);
    if (req.maxMissed !== null) what.push(s.requirementMaxMissed(req.maxMissed));
    // A period of days would read "0 mnd": say it in days instead (a month is 365.25 / 12 days).
    const span = months >= 1 ? s.spanMonths(formatHours(Math.round(months * 10) / 10, lang)) : s.spanDays(Math.max(1, Math.round(months * 30.4375)));
    lines.push(s.requirementLine(register.name, what.join(s.and), span));
  } else {
    lines.push(s.noRequirement(register.name));
  }
  if (register.preset) lines.push(s.presetNote(longDate(register.checked, lang)));
  return lines;
}

function memberRow(m: MemberTotals, l: Lookups, o: TextOptions): string[] {
  return [
    l.members.get(m.memberId)?.name ?? '?',
    String(m.meetings),
    h(m.minutes, o.lang),
    h(m.plannedMinutes, o.lang),
    String(m.chaired),
    String(m.casesBrought),
    String(m.missed),
    String(m.notCounted.length),
  ];
}

export function reportTable(model: ReportModel, l: Lookups, o: TextOptions): string {
  const s = o.t.report.say;
  const out: string[] = [];
  out.push(o.c.bold(s.title(longDate(model.period.from, o.lang), longDate(model.period.to, o.lang))));
  out.push(o.c.dim(s.periodNote));
  if (model.register) for (const line of requirementSummary(model.register, model.months, o.t, o.lang)) out.push(o.c.dim(line));
  if (model.members.length === 0) {
    out.push('', s.noMembers);
    return out.join('\n');
  }

  const byGroup = new Map<string, MemberTotals[]>();
  for (const m of model.members) {
    const list = byGroup.get(m.groupId);
    if (list) list.push(m);
    else byGroup.set(m.groupId, [m]);
  }
  for (const [groupId, members] of byGroup) {
    out.push('', o.c.bold(safeText(l.groups.get(groupId)?.name ?? '?')));
    const rows = members.map((m) => memberRow(m, l, o));
    if (!model.register?.requirement) {
      out.push(formatTable(s.header, rows, o.c));
      continue;
    }
    // Give the bar what is left of the terminal after the number columns and the status text.
    const plain = formatTable(s.header, rows).split('\n');
    const used = Math.max(...plain.map((line) => [...line].length)) + 2;
    const statusWidth = Math.max(...members.map((m) => [...requirementCell(m, 0, { ...o, c: noColour })].length));
    const barWidth = Math.max(8, Math.min(20, o.width - used - statusWidth - 1));
    // formatTable neutralises escape codes in cells, so the table is laid out with the plain
    // requirement cell (the last column, never padded) and the coloured one is put back after.
    const plainCells = members.map((m) => requirementCell(m, barWidth, { ...o, c: noColour }));
    const lines = formatTable([...s.header, s.barHeader], members.map((m, i) => [...rows[i]!, plainCells[i]!]), o.c).split('\n');
    members.forEach((m, i) => {
      const line = lines[i + 2]!;
      const plain = plainCells[i]!;
      if (plain && line.endsWith(plain)) lines[i + 2] = line.slice(0, line.length - plain.length) + requirementCell(m, barWidth, o);
    });
    out.push(lines.join('\n'));
  }

  const notCounted = model.members.flatMap((m) =>
    m.notCounted.map((n) => s.notCountedLine(l.members.get(m.memberId)?.name ?? '?', shortDate(n.date, o.lang), reasonText(n.reasons, o.t))),
  );
  if (notCounted.length) {
    out.push('', o.c.bold(model.register ? s.notCountedTitle(model.register.name) : s.notCountedTitleNone));
    for (const line of notCounted) out.push(`  ${safeText(line)}`);
  }
  if (model.meetings.length === 0) out.push('', s.noMeetings);
  return out.join('\n');
}

const identity = (x: unknown) => String(x);
const noColour = new Proxy(identity, { get: () => noColour }) as unknown as ChalkInstance;

/** Markdown has no escapes for everything: neutralise what would break a table or add markup. */
export function mdEscape(text: string): string {
  return safeText(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`);
}

export function reportMarkdown(model: ReportModel, l: Lookups, o: { t: Messages; lang: Lang }): string {
  const s = o.t.report.say;
  const lines: string[] = [];
  lines.push(`# ${mdEscape(s.title(longDate(model.period.from, o.lang), longDate(model.period.to, o.lang)))}`, '');
  lines.push(`_${mdEscape(s.periodNote)}_`, '');
  if (model.register) {
    for (const line of requirementSummary(model.register, model.months, o.t, o.lang)) lines.push(`${mdEscape(line)}  `);
    lines.push('');
  }
  const header = [s.header[0]!, s.headerGroup, ...s.header.slice(1), ...(model.register?.requirement ? [s.barHeader] : [])];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  lines.push(row(header.map(mdEscape)));
  lines.push(row(header.map((_, i) => (i < 2 || (i === header.length - 1 && model.register?.requirement) ? '---' : '---:'))));
  for (const m of model.members) {
    const base = memberRow(m, l, { t: o.t, lang: o.lang, c: noColour, width: 80 });
    const cells = [base[0]!, l.groups.get(m.groupId)?.name ?? '?', ...base.slice(1)];
    if (model.register?.requirement) cells.push(requirementCell(m, 0, { t: o.t, lang: o.lang, c: noColour, width: 80 }));
    lines.push(row(cells.map(mdEscape)));
  }
  const notCounted = model.members.flatMap((m) =>
    m.notCounted.map((n) => s.notCountedLine(l.members.get(m.memberId)?.name ?? '?', shortDate(n.date, o.lang), reasonText(n.reasons, o.t))),
  );
  if (notCounted.length) {
    lines.push('', `## ${mdEscape(model.register ? s.notCountedTitle(model.register.name) : s.notCountedTitleNone)}`, '');
    for (const line of notCounted) lines.push(`- ${mdEscape(line)}`);
  }
  lines.push('', `## ${mdEscape(s.mdMeetings)}`, '');
  if (model.meetings.length === 0) {
    lines.push(mdEscape(s.noMeetings));
  } else {
    lines.push(row(s.mdMeetingHeader.map(mdEscape)));
    lines.push(row(s.mdMeetingHeader.map((_, i) => (i === 3 ? '---:' : '---'))));
    const name = (id: string) => l.members.get(id)?.name ?? '?';
    for (const m of model.meetings) {
      lines.push(
        row(
          [
            shortDate(m.date, o.lang) + (m.logged ? ` (${s.logged})` : ''),
            m.start,
            m.end,
            String(m.minutes),
            l.groups.get(m.groupId)?.name ?? '?',
            m.chairId ? name(m.chairId) : '',
            m.methodId ?? '',
            sortedNames(m.present, l).join(', '),
            sortedNames(m.absent, l).join(', '),
          ].map(mdEscape),
        ),
      );
    }
  }
  return lines.join('\n') + '\n';
}
