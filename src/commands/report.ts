import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { computeReport, type ReportModel } from '../domain/hours.js';
import { nameKey } from '../domain/names.js';
import { localDate, periodBounds, resolvePeriod, type PeriodFlags } from '../domain/period.js';
import type { RegisterProfile } from '../domain/register.js';
import { templatesDir } from '../paths.js';
import { resolveGroup } from '../store/groups.js';
import { firstMeetingStart, loadReportData, type ReportData } from '../store/report-queries.js';
import type { Store } from '../store/store.js';
import { lookups, reportJsonHead, reportJsonPieces, type Lookups } from '../ui/report-json.js';

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

/** Everything but the rendering: shared with tests and the benchmark. */
export function buildReport(store: Store, o: ReportOptions & { today: string; profile: RegisterProfile | null }): BuiltReport {
  const register = o.profile;
  const group = o.group === undefined ? null : resolveGroup(store, o.group);
  const first = firstMeetingStart(store, group?.id ?? null);
  const period = resolvePeriod(o, o.today, first ? localDate(first) : null);
  const data = loadReportData(store, { groupId: group?.id ?? null, ...periodBounds(period) });

  let only: Set<string> | null = null;
  if (o.member && o.member.length > 0) {
    only = new Set();
    for (const name of o.member) {
      const key = nameKey(name.trim());
      const hits = data.members.filter((m) => nameKey(m.name) === key);
      if (hits.length === 0) throw new UserError((t) => t.report.err.unknownReportMember(name));
      for (const h of hits) only.add(h.id);
    }
  }
  const model = computeReport({ ...data, period, register, onlyMembers: only });
  return { model, lookups: lookups(data.groups, data.members), data };
}

export async function report(ctx: Ctx, opts: ReportOptions): Promise<void> {
  const format = pickFormat(opts);
  const today = localDate(ctx.clock.now());
  const profile = await loadRegisterProfile(opts.register, ctx.env);
  const { model, lookups: l } = buildReport(ctx.readStore(), { ...opts, today, profile });

  switch (format) {
    case 'json':
      ctx.out.jsonPieces(reportJsonPieces(model, l));
      return;
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
        writeFileSync(file, html, 'utf8');
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
