import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { methodCatalog } from '../catalog/method-catalog.js';
import { safeText } from '../domain/names.js';
import { countedMinutes } from '../domain/session.js';
import { UserError } from '../errors.js';
import { getGroup, listMembers } from '../store/groups.js';
import * as db from '../store/meetings.js';
import type { Store } from '../store/store.js';
import { formatTable } from '../ui/output.js';
import { clockTime, hoursMinutes, longDateTime, shortDate } from '../ui/meeting-format.js';

/** One meeting in full, as `show --json` prints it (documented in docs/cli.md). */
export interface MeetingDetails {
  id: string;
  group: string;
  status: string;
  counted: boolean;
  source: string;
  startedAt: string;
  endedAt: string | null;
  plannedMinutes: number;
  pausedSeconds: number;
  /** Minutes by the hours rule; null while running or when an aborted meeting does not count. */
  minutes: number | null;
  chair: string | null;
  method: string | null;
  topic: string | null;
  step: string | null;
  agreements: string[];
  attendance: { name: string; guest: boolean; present: boolean; checkin: string | null }[];
  cases: { title: string | null; owner: string; question: string | null; e: number | null; g: number | null; t: number | null; rank: number | null; chosen: number | null; reason: string | null }[];
  phases: { ordinal: number; phase: string; title: string; plannedSeconds: number; actualSeconds: number | null; pausedSeconds: number; overtimeSeconds: number; startedAt: string | null; endedAt: string | null }[];
  notes: { phase: string | null; field: string; label: string; person: string | null; text: string | null; rating: number | null }[];
  actionPoints: { who: string | null; text: string | null; due: string | null; status: string }[];
  next: { scheduledAt: string; chair: string | null; caseOwners: string[] } | null;
}

export function meetingMinutes(m: db.MeetingRow): number | null {
  if (!m.ended_at) return null;
  if (m.status === 'running' || (m.status === 'aborted' && m.counted !== 1)) return null;
  return countedMinutes(new Date(m.started_at), new Date(m.ended_at), m.paused_seconds);
}

export async function meetingDetails(ctx: Ctx, store: Store, id: string): Promise<MeetingDetails> {
  const m = db.getMeeting(store, id);
  if (!m) throw new UserError((t) => t.meeting.err.noSuchMeeting(id));
  const group = getGroup(store, m.group_id);
  const members = new Map(listMembers(store, m.group_id, { includeRemoved: true }).map((x) => [x.id, x.name]));
  const name = (mid: string | null) => (mid ? (members.get(mid) ?? '?') : null);
  const method = m.method_id ? (await methodCatalog({ env: ctx.env, lang: ctx.lang })).get(m.method_id) : undefined;
  const runs = db.phaseRuns(store, id);
  const present = db.listAttendance(store, id).filter((a) => a.present === 1);
  const titleOf = (phaseId: string) => method?.phases.find((p) => p.id === phaseId)?.title[ctx.lang] ?? phaseId;
  const next = db.agreedIn(store, id);
  return {
    id: m.id,
    group: group.name,
    status: m.status,
    counted: meetingMinutes(m) !== null,
    source: m.source,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    plannedMinutes: m.planned_minutes,
    pausedSeconds: m.paused_seconds,
    minutes: meetingMinutes(m),
    chair: name(m.chair_id),
    method: m.method_id,
    topic: m.topic,
    step: m.status === 'running' ? m.step : null,
    agreements: m.agreements ? (JSON.parse(m.agreements) as string[]) : [],
    attendance: db.listAttendance(store, id).map((a) => ({ name: a.name, guest: a.member_id === null, present: a.present === 1, checkin: a.checkin })),
    cases: db.candidates(store, id).map((c) => ({
      title: c.title,
      owner: c.owner_name,
      question: c.question,
      e: c.e,
      g: c.g,
      t: c.t,
      rank: c.rank,
      chosen: c.chosen,
      reason: c.reason,
    })),
    phases: runs.map((r) => ({
      ordinal: r.ordinal,
      phase: r.phase_id,
      title: titleOf(r.phase_id),
      plannedSeconds: r.planned_seconds,
      actualSeconds: r.actual_seconds,
      pausedSeconds: r.paused_seconds,
      overtimeSeconds: r.overtime_seconds,
      startedAt: r.started_at,
      endedAt: r.ended_at,
    })),
    notes: db.notes(store, id).map((n) => {
      const run = runs.find((r) => r.id === n.phase_run_id);
      const person = n.member_id ? name(n.member_id) : n.phase_run_id ? (present[n.ordinal]?.member_id === null ? (present[n.ordinal]?.name ?? null) : null) : null;
      const label = method?.phases.find((p) => p.id === run?.phase_id)?.notes.find((f) => f.id === n.field)?.label[ctx.lang] ?? n.field;
      return { phase: run ? run.phase_id : null, field: n.field, label, person, text: n.text, rating: n.rating };
    }),
    actionPoints: db.meetingActions(store, id).map((a) => ({ who: a.owner_name, text: a.text, due: a.due_date, status: a.status })),
    next: next
      ? { scheduledAt: next.scheduled_at, chair: name(next.chair_id), caseOwners: (JSON.parse(next.case_owner_ids ?? '[]') as string[]).map((x) => name(x) ?? '?') }
      : null,
  };
}

/** The closing screen: who, what, how long, and the hours it counts for. */
export async function showSummary(ctx: Ctx, store: Store, id: string): Promise<void> {
  const t = ctx.t.meeting;
  const d = await meetingDetails(ctx, store, id);
  const out = ctx.out;
  const present = d.attendance.filter((a) => a.present);
  const absent = d.attendance.filter((a) => !a.present);
  const chosen = d.cases.filter((c) => c.chosen !== null).sort((a, b) => a.chosen! - b.chosen!);
  const methodName = d.method ? ((await methodCatalog({ env: ctx.env, lang: ctx.lang })).get(d.method)?.name[ctx.lang] ?? d.method) : null;
  out.line();
  out.heading(t.title.summary);
  const rows: [string, string][] = [
    [t.sum.group, d.group],
    [t.sum.date, `${longDateTime(d.startedAt, ctx.lang)}${d.endedAt ? ` - ${clockTime(d.endedAt)}` : ''}`],
    [t.sum.chair, d.chair ?? '-'],
    [t.sum.present, `${present.length}: ${present.map((a) => a.name + (a.guest ? ` (${t.say.guest})` : '')).join(', ')}`],
    [t.sum.absent, absent.length ? absent.map((a) => a.name).join(', ') : '-'],
    [t.sum.cases, chosen.length ? chosen.map((c) => `${c.title ?? ''} (${c.owner})`).join('; ') : (d.topic ?? '-')],
    [t.sum.method, methodName ?? '-'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) out.line(`${out.c.bold(k.padEnd(w))}  ${safeText(v)}`);
  if (d.phases.length > 0) {
    out.line();
    out.line(
      formatTable(
        t.sum.phaseHeader,
        d.phases.map((p) => [p.title, fmtMin(p.plannedSeconds), p.actualSeconds === null ? '-' : fmtMin(p.actualSeconds)]),
        out.c,
      ),
    );
  }
  out.line();
  if (d.endedAt) {
    const total = Math.round((new Date(d.endedAt).getTime() - new Date(d.startedAt).getTime()) / 60_000);
    out.line(t.sum.duration(hoursMinutes(total, ctx.lang), Math.round(d.pausedSeconds / 60), d.plannedMinutes));
  }
  if (d.minutes !== null) out.success(t.sum.counts(hoursMinutes(d.minutes, ctx.lang), present.filter((a) => !a.guest).length));
  if (d.next) out.line(t.sum.next(longDateTime(d.next.scheduledAt, ctx.lang), d.next.chair ?? '-', d.next.caseOwners.join(', ') || '-'));
}

function fmtMin(seconds: number): string {
  return seconds > 0 && seconds < 30 ? '<1 min' : `${Math.round(seconds / 60)} min`;
}

/** A short verslag in Markdown: attendance and times, case content only when asked for. */
export async function markdownReport(ctx: Ctx, store: Store, id: string, withContent: boolean): Promise<string> {
  const t = ctx.t.meeting.md;
  const d = await meetingDetails(ctx, store, id);
  const present = d.attendance.filter((a) => a.present);
  const lines: string[] = [];
  lines.push(`# ${t.title(d.group, shortDate(d.startedAt, ctx.lang))}`, '');
  lines.push(`- ${t.when}: ${longDateTime(d.startedAt, ctx.lang)}${d.endedAt ? ` - ${clockTime(d.endedAt)}` : ''}`);
  lines.push(`- ${t.chair}: ${d.chair ?? '-'}`);
  lines.push(`- ${t.present} (${present.length}): ${present.map((a) => a.name).join(', ')}`);
  const absent = d.attendance.filter((a) => !a.present);
  if (absent.length) lines.push(`- ${t.absent}: ${absent.map((a) => a.name).join(', ')}`);
  if (d.method) lines.push(`- ${t.method}: ${(await methodCatalog({ env: ctx.env, lang: ctx.lang })).get(d.method)?.name[ctx.lang] ?? d.method}`);
  if (d.minutes !== null) lines.push(`- ${t.counted}: ${hoursMinutes(d.minutes, ctx.lang)}`);
  if (d.topic) lines.push(`- ${t.topic}: ${d.topic}`);
  lines.push('', `## ${t.phases}`, '', `| ${t.phase} | ${t.planned} | ${t.actual} |`, '|---|---|---|');
  for (const p of d.phases) lines.push(`| ${p.title} | ${fmtMin(p.plannedSeconds)} | ${p.actualSeconds === null ? '-' : fmtMin(p.actualSeconds)} |`);
  const chosen = d.cases.filter((c) => c.chosen !== null);
  if (withContent && chosen.length) {
    lines.push('', `## ${t.cases}`, '');
    for (const c of chosen) lines.push(`- ${c.title ?? ''} (${c.owner})${c.question ? `: ${c.question}` : ''}`);
    const noted = d.notes.filter((n) => n.text !== null || n.rating !== null);
    if (noted.length) {
      lines.push('', `## ${t.notes}`, '');
      for (const n of noted) lines.push(`- ${n.label}${n.person ? ` · ${n.person}` : ''}: ${n.text ?? n.rating}`);
    }
  } else if (chosen.length) {
    lines.push('', t.contentLeftOut);
  }
  if (d.actionPoints.length) {
    lines.push('', `## ${t.actions}`, '');
    for (const a of d.actionPoints) lines.push(`- ${a.who ?? t.group}${withContent ? `: ${a.text ?? ''}` : ''}${a.due ? ` (${a.due})` : ''}`);
  }
  if (d.next) lines.push('', `## ${t.next}`, '', `- ${t.when}: ${longDateTime(d.next.scheduledAt, ctx.lang)}`, `- ${t.chair}: ${d.next.chair ?? '-'}`, `- ${t.caseOwners}: ${d.next.caseOwners.join(', ') || '-'}`);
  return `${lines.map((l) => safeText(l)).join('\n')}\n`;
}

export async function offerMarkdown(ctx: Ctx, store: Store, id: string, file: string | undefined, demo: boolean): Promise<void> {
  const t = ctx.t.meeting;
  let target = file;
  if (target === undefined) {
    if (demo || !ctx.interactive) return;
    if (!(await ctx.prompt.confirm({ message: t.ask.writeMarkdown, default: false }))) return;
    target = await ctx.prompt.input({ message: t.ask.markdownFile, default: 'verslag.md', validate: (v) => (v.trim() ? true : t.err.emptyFile) });
  }
  const withContent = ctx.interactive ? await ctx.prompt.confirm({ message: t.ask.includeContent, default: false }) : false;
  const path = resolve(target.trim());
  try {
    writeFileSync(path, await markdownReport(ctx, store, id, withContent), { mode: 0o600 });
  } catch (err) {
    throw new UserError((tt) => tt.meeting.err.cannotWrite(path, (err as Error).message));
  }
  ctx.out.success(t.say.markdownWritten(path));
}
