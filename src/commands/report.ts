import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import {
  compareMeetings,
  computeReport,
  ReportTally,
  type MeetingRecord,
  type MeetingSummary,
  type ReportInput,
  type ReportModel,
} from '../domain/hours.js';
import { nameKey, namesStartingWith } from '../domain/names.js';
import { localDate, periodBounds, resolvePeriod, type PeriodFlags } from '../domain/period.js';
import type { RegisterProfile } from '../domain/register.js';
import { templatesDir } from '../paths.js';
import { resolveGroup } from '../store/groups.js';
import { eachReportMeeting, firstMeetingStart, loadReportPeople, type ReportData, type ReportScope } from '../store/report-queries.js';
import type { Store } from '../store/store.js';
import { lookups, meetingsJsonText, reportJsonHead, reportJsonPieces, reportJsonText, type Lookups } from '../ui/report-json.js';

// Each output format and the register catalog (yaml + zod) load only when asked for:
// for `report --json` module loading was most of the time on a small history.

export interface ReportOptions extends PeriodFlags {
  group?: string;
  member?: string[];
  register?: string;
  json?: boolean;
  csv?: boolean;
  excel?: boolean;
  markdown?: boolean;
  html?: string;
}

type Format = 'table' | 'json' | 'csv' | 'markdown' | 'html';

function pickFormat(o: ReportOptions): Format {
  const chosen: Format[] = [];
  if (o.json) chosen.push('json');
  if (o.csv || o.excel) chosen.push('csv');
  if (o.markdown) chosen.push('markdown');
  if (o.html !== undefined) chosen.push('html');
  if (chosen.length > 1) throw new UsageError((t) => t.report.err.formatConflict);
  return chosen[0] ?? 'table';
}

export interface BuiltReport {
  model: ReportModel;
  lookups: Lookups;
  data: ReportData;
}

/** The profile of --register, or null; a one-line error for an unknown id or a broken file. */
export async function loadRegisterProfile(id: string | undefined, env?: NodeJS.ProcessEnv): Promise<RegisterProfile | null> {
  if (id === undefined) return null;
  const { findRegister, registerDirs } = await import('../catalog/registers.js');
  return findRegister(id, registerDirs(env)).profile;
}

interface PreparedReport {
  scope: ReportScope;
  input: Omit<ReportInput, 'meetings'>;
  lookups: Lookups;
}

/** Period, groups, members and --member resolved: all but the meetings. */
function prepareReport(store: Store, o: ReportOptions & { today: string; profile: RegisterProfile | null }): PreparedReport {
  const group = o.group === undefined ? null : resolveGroup(store, o.group);
  const first = firstMeetingStart(store, group?.id ?? null);
  const period = resolvePeriod(o, o.today, first ? localDate(first) : null);
  const people = loadReportPeople(store, group?.id ?? null);

  let only: Set<string> | null = null;
  if (o.member && o.member.length > 0) {
    only = new Set();
    for (const name of o.member) {
      const key = nameKey(name.trim());
      let hits = people.members.filter((m) => nameKey(m.name) === key);
      if (hits.length === 0) {
        // A first name is enough when it fits one person (who may be in several groups).
        hits = namesStartingWith(people.members, name);
        const full = [...new Set(hits.map((m) => m.name))];
        if (full.length > 1) throw new UserError((t) => t.groups.err.ambiguousMember(name, full.sort().join(', ')));
      }
      if (hits.length === 0) throw new UserError((t) => t.report.err.unknownReportMember(name));
      for (const h of hits) only.add(h.id);
    }
  }
  return {
    scope: { groupId: group?.id ?? null, ...periodBounds(period) },
    input: { ...people, period, register: o.profile, onlyMembers: only },
    lookups: lookups(people.groups, people.members),
  };
}

function computePrepared(store: Store, p: PreparedReport): BuiltReport {
  const meetings: MeetingRecord[] = [];
  eachReportMeeting(store, p.scope, (m) => meetings.push(m));
  const model = computeReport({ ...p.input, meetings });
  return { model, lookups: p.lookups, data: { groups: p.input.groups, members: p.input.members, meetings } };
}

/** Everything but the rendering: shared with tests and the benchmark. */
export function buildReport(store: Store, o: ReportOptions & { today: string; profile: RegisterProfile | null }): BuiltReport {
  return computePrepared(store, prepareReport(store, o));
}

const MEETINGS_PER_PIECE = 500;

/**
 * `--json` in one pass over the meetings, as the store streams them in report order: each
 * few hundred meetings become JSON text right away, and only that text waits until the
 * members' totals (which come first in the JSON) are complete. Should the store's order
 * ever differ from the report's, the report is computed the ordinary way instead.
 */
function reportJsonStream(store: Store, p: PreparedReport): Iterable<string> {
  const tally = new ReportTally(p.input, { keepMeetingIds: false });
  const pieces: string[] = [];
  let chunk: MeetingSummary[] = [];
  let previous: MeetingRecord | null = null;
  let ordered = true;
  eachReportMeeting(store, p.scope, (m) => {
    if (!ordered) return;
    if (previous !== null && compareMeetings(previous, m) > 0) {
      ordered = false;
      return;
    }
    previous = m;
    const summary = tally.add(m);
    if (summary === null) return;
    chunk.push(summary);
    if (chunk.length === MEETINGS_PER_PIECE) {
      pieces.push(meetingsJsonText(chunk, p.lookups));
      chunk = [];
    }
  });
  if (!ordered) return reportJsonPieces(computePrepared(store, p).model, p.lookups, MEETINGS_PER_PIECE);
  if (chunk.length > 0) pieces.push(meetingsJsonText(chunk, p.lookups));
  const { months, members } = tally.members();
  const head = reportJsonHead({ period: p.input.period, months, register: p.input.register, members, meetings: [] }, p.lookups);
  // Each piece is let go once it is handed out, so written text does not stay in memory.
  const handOut = function* () {
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      pieces[i] = '';
      yield piece;
    }
  };
  return reportJsonText(head, handOut());
}

export async function report(ctx: Ctx, opts: ReportOptions): Promise<void> {
  const format = pickFormat(opts);
  const today = localDate(ctx.clock.now());
  const profile = await loadRegisterProfile(opts.register, ctx.env);
  const store = ctx.readStore();
  const prepared = prepareReport(store, { ...opts, today, profile });
  if (format === 'json') {
    ctx.out.jsonPieces(reportJsonStream(store, prepared));
    return;
  }
  const { model, lookups: l } = computePrepared(store, prepared);

  switch (format) {
    case 'csv': {
      const { reportCsv } = await import('../ui/report-csv.js');
      ctx.out.raw(reportCsv(reportJsonHead(model, l), { excel: Boolean(opts.excel), t: ctx.t, lang: ctx.lang }));
      return;
    }
    case 'markdown': {
      const { reportMarkdown } = await import('../ui/report-table.js');
      ctx.out.raw(reportMarkdown(model, l, { t: ctx.t, lang: ctx.lang }));
      return;
    }
    case 'html': {
      const { renderReportHtml } = await import('../ui/report-html.js');
      const dir = join(templatesDir(), 'report');
      const { html, certificates, lists } = renderReportHtml(model, l, {
        t: ctx.t,
        lang: ctx.lang,
        today,
        template: readFileSync(join(dir, 'report.html'), 'utf8'),
        css: readFileSync(join(dir, 'report.css'), 'utf8'),
      });
      const file = resolve(opts.html!);
      try {
        writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
      } catch (err) {
        const reason = (err as Error).message.replace(/^[A-Z]+: /, '');
        throw new UserError((t) => t.report.err.cannotWrite(file, reason));
      }
      ctx.out.success(ctx.t.report.say.htmlWritten(file, certificates, lists));
      return;
    }
    case 'table': {
      const { reportTable } = await import('../ui/report-table.js');
      ctx.out.line(reportTable(model, l, { t: ctx.t, lang: ctx.lang, c: ctx.out.c, width: ctx.out.width }));
    }
  }
}
