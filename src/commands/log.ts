import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { meetingMinutes } from '../domain/hours.js';
import { cleanName, safeText } from '../domain/names.js';
import { localDate, localTime, parseDate, zonedInstant } from '../domain/period.js';
import type { Member } from '../domain/types.js';
import { configDir, templatesDir } from '../paths.js';
import { findMember, getGroup, getMember, listMembers, requireMember, resolveGroup } from '../store/groups.js';
import {
  applyMeetingEdit,
  findMeetingsByPrefix,
  findOverlap,
  insertLoggedMeeting,
  type EditableColumn,
  type MeetingRow,
} from '../store/logged-meetings.js';
import { shortDate } from '../ui/report-view.js';
import { intOption } from './options.js';

export interface LogOptions {
  group?: string;
  date?: string;
  start?: string;
  end?: string;
  present?: string[];
  absent?: string[];
  chair?: string;
  method?: string;
  caseOwner?: string;
  topic?: string;
  place?: string;
  pause?: string;
  edit?: string;
  reason?: string;
  by?: string;
}

const TEXT_MAX = 200;
const MAX_MINUTES = 12 * 60;

function parseTime(flag: string, raw: string): string {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(raw);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new UsageError((t) => t.report.err.badTime(flag, raw));
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

function dateOption(raw: string): string {
  const d = parseDate(raw);
  if (!d) throw new UsageError((t) => t.report.err.badDate('--date', raw));
  return d;
}

/** Method ids on disk (shipped and the user's own); empty when no method files exist yet. */
function methodIds(env: NodeJS.ProcessEnv): string[] {
  const ids = new Set<string>();
  for (const dir of [join(templatesDir(), 'methods'), join(configDir(env), 'methods')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) ids.add(f.replace(/\.ya?ml$/, ''));
  }
  return [...ids].sort();
}

function checkMethod(raw: string, env: NodeJS.ProcessEnv): string {
  const id = cleanName(raw, 'field').toLowerCase();
  const ids = methodIds(env);
  if (ids.length > 0 && !ids.includes(id)) throw new UserError((t) => t.report.err.unknownMethod(id, ids.join(', ')));
  return id;
}

/** Start and end instants from a local date and HH:MM times, with the rules every meeting obeys. */
function meetingTimes(ctx: Ctx, date: string, start: string, end: string, pauseMinutes: number) {
  const startAt = zonedInstant(date, start);
  const endAt = zonedInstant(date, end);
  if (endAt.getTime() <= startAt.getTime()) throw new UserError((t) => t.report.err.endBeforeStart);
  if (endAt.getTime() > ctx.clock.now().getTime()) throw new UserError((t) => t.report.err.inFuture);
  const minutes = Math.round((endAt.getTime() - startAt.getTime()) / 60_000);
  if (minutes > MAX_MINUTES) throw new UserError((t) => t.report.err.tooLong);
  if (pauseMinutes >= minutes) throw new UserError((t) => t.report.err.badPause);
  return { startIso: startAt.toISOString(), endIso: endAt.toISOString(), minutes };
}

function overlapError(m: MeetingRow): UserError {
  const date = localDate(m.started_at);
  const start = localTime(m.started_at);
  const end = m.ended_at ? localTime(m.ended_at) : '…';
  return new UserError((t) => t.report.err.overlap(date, start, end));
}

function uniqueMembers(names: readonly string[], lookup: (name: string) => Member): Member[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const member = lookup(name);
    if (seen.has(member.id)) throw new UserError((t) => t.report.err.duplicatePresent(member.name));
    seen.add(member.id);
    return member;
  });
}

function optionalText(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === '') return null;
  return cleanName(raw, 'field', TEXT_MAX);
}

export async function log(ctx: Ctx, o: LogOptions): Promise<void> {
  if (o.edit !== undefined) return logEdit(ctx, o);
  for (const [flag, value] of [
    ['--absent', o.absent && o.absent.length > 0 ? o.absent : undefined],
    ['--reason', o.reason],
    ['--by', o.by],
  ] as const) {
    if (value !== undefined) throw new UsageError((t) => t.report.err.editOnlyOption(flag));
  }
  for (const [flag, value] of [
    ['--date', o.date],
    ['--start', o.start],
    ['--end', o.end],
  ] as const) {
    if (value === undefined) throw new UsageError((t) => t.report.err.needOption(flag));
  }
  // Everything is checked before anything is written.
  const date = dateOption(o.date!);
  const start = parseTime('--start', o.start!);
  const end = parseTime('--end', o.end!);
  const pause = intOption('--pause', o.pause, 0, MAX_MINUTES) ?? 0;
  const topic = optionalText(o.topic) ?? null;
  const place = optionalText(o.place) ?? null;
  const method = o.method === undefined ? null : checkMethod(o.method, ctx.env);

  const store = ctx.store();
  const group = resolveGroup(store, o.group);
  const times = meetingTimes(ctx, date, start, end, pause);
  if (!o.present || o.present.length === 0) throw new UserError((t) => t.report.err.noPresent);
  const present = uniqueMembers(o.present, (name) => requireMember(store, group, name));
  const presentIds = new Set(present.map((m) => m.id));
  const inPresent = (flag: 'chair' | 'owner', name: string): Member => {
    const member = requireMember(store, group, name);
    if (!presentIds.has(member.id)) {
      throw new UserError((t) => (flag === 'chair' ? t.report.err.chairNotPresent(member.name) : t.report.err.ownerNotPresent(member.name)));
    }
    return member;
  };
  const chair = o.chair === undefined ? null : inPresent('chair', o.chair);
  const owner = o.caseOwner === undefined ? null : inPresent('owner', o.caseOwner);
  const clash = findOverlap(store, group.id, times.startIso, times.endIso);
  if (clash) throw overlapError(clash);

  const members = listMembers(store, group.id);
  const id = insertLoggedMeeting(
    store,
    {
      groupId: group.id,
      startIso: times.startIso,
      endIso: times.endIso,
      pausedSeconds: pause * 60,
      plannedMinutes: times.minutes,
      presentIds,
      memberIds: members.map((m) => m.id),
      chairId: chair?.id ?? null,
      methodId: method,
      caseOwnerId: owner?.id ?? null,
      topic,
      place,
    },
    overlapError,
  );
  const minutes = meetingMinutes({ startedAt: times.startIso, endedAt: times.endIso, pausedSeconds: pause * 60 });
  ctx.out.success(ctx.t.report.log.saved(shortDate(date, ctx.lang), start, end, minutes, presentIds.size, members.length));
  ctx.out.line(ctx.t.report.log.idHint(id));
}

async function logEdit(ctx: Ctx, o: LogOptions): Promise<void> {
  for (const [flag, value] of [
    ['--case-owner', o.caseOwner],
    ['--group', o.group],
  ] as const) {
    if (value !== undefined) throw new UsageError((t) => t.report.err.editOnlyOption(flag));
  }
  const prefix = o.edit!.trim();
  const store = ctx.store();
  const found = prefix.length === 0 ? [] : findMeetingsByPrefix(store, prefix);
  if (found.length === 0) throw new UserError((t) => t.report.err.unknownMeeting(prefix));
  if (found.length > 1) throw new UserError((t) => t.report.err.ambiguousMeeting(prefix));
  const meeting = found[0]!;
  if (meeting.status === 'running') throw new UserError((t) => t.report.err.meetingRunning);
  const group = getGroup(store, meeting.group_id);

  const columns: Partial<Record<EditableColumn, string | number | null>> = {};
  // Times: any of --date/--start/--end, the rest taken from the meeting as recorded.
  if (o.date !== undefined || o.start !== undefined || o.end !== undefined || o.pause !== undefined) {
    const date = o.date === undefined ? localDate(meeting.started_at) : dateOption(o.date);
    const start = o.start === undefined ? localTime(meeting.started_at) : parseTime('--start', o.start);
    const end =
      o.end === undefined ? (meeting.ended_at ? localTime(meeting.ended_at) : start) : parseTime('--end', o.end);
    const pause = intOption('--pause', o.pause, 0, MAX_MINUTES) ?? Math.round(meeting.paused_seconds / 60);
    const times = meetingTimes(ctx, date, start, end, pause);
    if (o.date !== undefined || o.start !== undefined) columns.started_at = times.startIso;
    if (o.date !== undefined || o.end !== undefined) columns.ended_at = times.endIso;
    if (o.pause !== undefined) columns.paused_seconds = pause * 60;
  }
  // Names of past members count too: a correction may concern someone who has left since.
  const anyMember = (name: string): Member => {
    const m = findMember(store, group.id, name);
    if (!m) throw new UserError((t) => t.report.err.notMemberOf(name, group.name));
    return m;
  };
  if (o.chair !== undefined) columns.chair_id = o.chair.trim() === '' ? null : anyMember(o.chair).id;
  if (o.method !== undefined) columns.method_id = o.method.trim() === '' ? null : checkMethod(o.method, ctx.env);
  const topic = optionalText(o.topic);
  if (topic !== undefined) columns.topic = topic;
  const place = optionalText(o.place);
  if (place !== undefined) columns.place = place;

  const attendance = new Map<string, boolean>();
  const presentNames = uniqueMembers(o.present ?? [], anyMember);
  const absentNames = uniqueMembers(o.absent ?? [], anyMember);
  for (const m of presentNames) attendance.set(m.id, true);
  for (const m of absentNames) {
    if (attendance.has(m.id)) throw new UserError((t) => t.report.err.presentAndAbsent(m.name));
    attendance.set(m.id, false);
  }
  if (Object.keys(columns).length === 0 && attendance.size === 0) throw new UsageError((t) => t.report.err.nothingToEdit);
  const reason = optionalText(o.reason) ?? null;
  const by = o.by !== undefined ? cleanName(o.by, 'field') : (ctx.env['USER'] ?? ctx.env['LOGNAME'] ?? ctx.env['USERNAME'] ?? null);

  const changes = applyMeetingEdit(store, { meetingId: meeting.id, columns, attendance, reason, editedBy: by }, (current) => {
    const start = (columns.started_at as string | undefined) ?? current.started_at;
    const end = (columns.ended_at as string | undefined) ?? current.ended_at ?? start;
    const clash = findOverlap(store, current.group_id, start, end, current.id);
    if (clash) throw overlapError(clash);
  });
  if (changes.length === 0) {
    ctx.out.info(ctx.t.report.log.nothingChanged);
    return;
  }
  const l = ctx.t.report.log;
  const show = (field: string, v: string | null): string => {
    if (v === null) return l.empty;
    if (field === 'started_at' || field === 'ended_at') return `${localDate(v)} ${localTime(v)}`;
    if (field === 'chair_id') return getMember(store, v).name;
    if (field === 'present') return v === '1' ? ctx.t.ui.yes : ctx.t.ui.no;
    return v;
  };
  ctx.out.success(l.edited(changes.length));
  for (const c of changes) {
    const label = c.field === 'present' && c.memberId ? `${l.fields['present']} ${getMember(store, c.memberId).name}` : (l.fields[c.field] ?? c.field);
    ctx.out.line(`  ${safeText(l.change(label, show(c.field, c.oldValue), show(c.field, c.newValue)))}`);
  }
}
