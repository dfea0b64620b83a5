import { minutesToHours, type MeetingSummary, type MemberTotals, type ReportModel } from '../domain/hours.js';
import type { Lang, Messages } from './i18n/index.js';
import { formatHours, longDate, reasonText, requirementStatus, shortDate, type Lookups } from './report-view.js';

// Printable evidence: per member a certificate, per meeting an attendance list with a
// signature column. Every value is HTML-escaped; only names, times and counts appear.

export interface HtmlOptions {
  t: Messages;
  lang: Lang;
  /** Local date the document was made (YYYY-MM-DD). */
  today: string;
  template: string;
  css: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const e = escapeHtml;

function fact(label: string, value: string, note?: string): string {
  return `<dt>${e(label)}</dt><dd>${e(value)}${note ? ` <span class="note">${e(note)}</span>` : ''}</dd>`;
}

function brand(right: string): string {
  return `<div class="brand"><span>intervisie</span><span>${e(right)}</span></div>`;
}

function certificate(m: MemberTotals, model: ReportModel, l: Lookups, meetings: Map<string, MeetingSummary>, o: HtmlOptions): string {
  const t = o.t.report.html;
  const member = l.members.get(m.memberId);
  const name = member?.name ?? '?';
  const group = l.groups.get(m.groupId)?.name ?? '?';
  const hours = formatHours(minutesToHours(m.minutes), o.lang);
  const period = t.periodValue(longDate(model.period.from, o.lang), longDate(model.period.to, o.lang));
  const memberName = (id: string | null) => (id === null ? t.none : (l.members.get(id)?.name ?? '?'));

  const facts = [fact(t.name, name)];
  if (member?.register || member?.registrationNumber) {
    facts.push(fact(t.registration, t.registrationValue(member.register ?? '', member.registrationNumber ?? '')));
  }
  facts.push(fact(t.group, group), fact(t.period, period));
  if (model.register) facts.push(fact(t.checkedAgainst, model.register.name, model.register.preset ? t.preset : undefined));

  const own = m.meetingIds.map((id) => meetings.get(id)).filter((x): x is MeetingSummary => x !== undefined);
  const anyLogged = own.some((x) => x.logged);
  const rows = own
    .map(
      (x) =>
        `<tr><td class="time">${e(shortDate(x.date, o.lang))}${x.logged ? ' *' : ''}</td><td class="time">${e(x.start)}</td><td class="time">${e(x.end)}</td>` +
        `<td class="num">${e(t.minutes(x.minutes))}</td><td>${e(x.methodId ?? t.none)}</td><td>${e(memberName(x.chairId))}</td></tr>`,
    )
    .join('\n');
  const table = own.length
    ? `<table class="meetings"><thead><tr><th>${e(t.date)}</th><th>${e(t.start)}</th><th>${e(t.end)}</th><th class="num">${e(t.duration)}</th><th>${e(t.method)}</th><th>${e(t.chair)}</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="3">${e(t.total)}</td><td class="num">${e(t.hoursTotal(hours))}</td><td colspan="2">${e(t.minutes(m.minutes))}</td></tr></tfoot></table>`
    : `<p>${e(t.noMeetings)}</p>`;

  const summary = [
    `<div><span>${e(t.chaired)}</span>${m.chaired}</div>`,
    `<div><span>${e(t.casesBrought)}</span>${m.casesBrought}</div>`,
    `<div><span>${e(t.missed)}</span>${m.missed}</div>`,
  ];
  if (m.requirement) {
    const cls = m.requirement.met ? 'status-met' : 'status-short';
    summary.push(`<div><span>${e(t.requirement)}</span><b class="${cls}">${e(requirementStatus(m, o.t, o.lang))}</b></div>`);
  }
  const notCounted = m.notCounted.length
    ? `<h2>${e(t.notCounted)}</h2><ul class="notcounted">${m.notCounted
        .map((n) => `<li>${e(shortDate(n.date, o.lang))}: ${e(reasonText(n.reasons, o.t))}</li>`)
        .join('')}</ul>`
    : '';

  return `<section class="page certificate">
${brand(group)}
<h1>${e(t.certificate)}</h1>
<dl class="facts">${facts.join('')}</dl>
<p class="intro">${e(t.intro(name, hours, m.meetings))}</p>
${table}
${anyLogged ? `<p class="mark">${e(t.loggedNote)}</p>` : ''}
<div class="summary">${summary.join('')}</div>
${notCounted}
<div class="sign"><div class="title">${e(t.signTitle)}</div><div class="field">${e(t.signName)}</div><div class="field">${e(t.signDate)}</div><div class="field">${e(t.signature)}</div></div>
<footer>${e(t.footer(longDate(o.today, o.lang)))}</footer>
</section>`;
}

function attendanceList(x: MeetingSummary, l: Lookups, o: HtmlOptions): string {
  const t = o.t.report.html;
  const group = l.groups.get(x.groupId)?.name ?? '?';
  const name = (id: string) => l.members.get(id)?.name ?? '?';
  const facts = [
    fact(t.group, group),
    fact(t.date, longDate(x.date, o.lang), x.logged ? t.loggedMark : undefined),
    fact(t.time, `${x.start}–${x.end}`, t.minutes(x.minutes)),
  ];
  if (x.place) facts.push(fact(t.place, x.place));
  facts.push(fact(t.chair, x.chairId ? name(x.chairId) : t.none), fact(t.method, x.methodId ?? t.none));
  if (x.topic) facts.push(fact(t.topic, x.topic));
  const present = [...x.present].sort((a, b) => name(a).localeCompare(name(b), o.lang));
  const absent = [...x.absent].sort((a, b) => name(a).localeCompare(name(b), o.lang));
  const rows = [
    ...present.map((id) => `<tr><td>${e(name(id))}</td><td>${e(t.present)}</td><td class="signature"></td></tr>`),
    ...absent.map((id) => `<tr class="absent"><td>${e(name(id))}</td><td>${e(t.absent)}</td><td class="signature">${e(t.none)}</td></tr>`),
  ].join('\n');
  return `<section class="page attendance">
${brand(group)}
<h1>${e(t.attendanceList)}</h1>
<dl class="facts">${facts.join('')}</dl>
<table class="signatures"><thead><tr><th>${e(t.name)}</th><th></th><th>${e(t.paraaf)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="mark">${e(t.presentCount(x.present.length, x.present.length + x.absent.length))}</p>
<footer>${e(t.footer(longDate(o.today, o.lang)))}</footer>
</section>`;
}

/** Members who earned something get a certificate; every listed meeting gets its list. */
export function renderReportHtml(model: ReportModel, l: Lookups, o: HtmlOptions): { html: string; certificates: number; lists: number } {
  const meetings = new Map(model.meetings.map((m) => [m.id, m]));
  const certified = model.members.filter((m) => m.meetings > 0 || m.notCounted.length > 0);
  const body = [
    ...certified.map((m) => certificate(m, model, l, meetings, o)),
    ...model.meetings.map((x) => attendanceList(x, l, o)),
  ].join('\n');
  const title = o.t.report.html.docTitle(longDate(model.period.from, o.lang), longDate(model.period.to, o.lang));
  // Replace placeholders in one pass so text inside the body can never be taken for one.
  const html = o.template.replace(/\{\{(lang|title|css|body)\}\}/g, (_, key: string) =>
    key === 'lang' ? o.lang : key === 'title' ? e(title) : key === 'css' ? o.css : body,
  );
  return { html, certificates: certified.length, lists: model.meetings.length };
}
