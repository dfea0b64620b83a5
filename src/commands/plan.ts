import { writeFileSync } from 'node:fs';
import type { Ctx } from '../context.js';
import { checkMinutes } from '../domain/group-rules.js';
import { cleanName, safeText } from '../domain/names.js';
import { MEETING_TZ, localParts, parseInterval, parseLocalDateTime, seriesInstants, zonedInstant } from '../domain/recurrence.js';
import { rotateChairs } from '../domain/rotation.js';
import type { Group, Member } from '../domain/types.js';
import { UsageError, UserError } from '../errors.js';
import { listMembers, requireMember, resolveGroup } from '../store/groups.js';
import {
  cancelledUpcoming,
  clearPlan,
  createSeries,
  currentSeries,
  heldMeetings,
  linkHeldMeetings,
  listPlanned,
  moveMeeting,
  type PlannedMeeting,
} from '../store/planning.js';
import type { Store } from '../store/store.js';
import { formatMeetingTime, formatShortTime, isoLocal } from '../ui/between-format.js';
import { meetingsCalendar, type CalendarMeeting } from '../ui/calendar.js';
import { formatTable } from '../ui/output.js';
import { intOption } from './options.js';

export const PLAN_MAX_COUNT = 52;

export interface PlanOptions {
  group?: string;
  first?: string;
  every?: string;
  count?: string;
  minutes?: string;
  place?: string;
  absent?: string[];
  show?: boolean;
  move?: string;
  to?: string;
  clear?: boolean;
  ics?: string;
  json?: boolean;
}

type Mode = 'create' | 'show' | 'move' | 'clear' | 'ics';

function modeOf(opts: PlanOptions): Mode {
  const modes: Mode[] = [];
  if (opts.first !== undefined || opts.every !== undefined || opts.count !== undefined) modes.push('create');
  if (opts.show) modes.push('show');
  if (opts.move !== undefined || opts.to !== undefined) modes.push('move');
  if (opts.clear) modes.push('clear');
  if (modes.length > 1) throw new UsageError((t) => t.between.err.oneMode);
  if (modes.length === 1) return modes[0]!;
  return opts.ics !== undefined ? 'ics' : 'show';
}

export async function plan(ctx: Ctx, opts: PlanOptions): Promise<void> {
  const mode = modeOf(opts);
  if (mode !== 'create' && (opts.minutes !== undefined || opts.place !== undefined || (opts.absent ?? []).length > 0)) {
    throw new UsageError((t) => t.between.err.needFirst);
  }
  switch (mode) {
    case 'create':
      return planCreate(ctx, opts);
    case 'move':
      return planMove(ctx, opts);
    case 'clear':
      return planClear(ctx, opts);
    case 'show':
    case 'ics':
      return planShow(ctx, opts);
  }
}

/** "Anna:3,5" → Anna is away at meetings 3 and 5. */
function parseAbsent(raw: string): { name: string; seqs: number[] } {
  const m = /^(.+):\s*(\d+(?:\s*,\s*\d+)*)\s*$/u.exec(raw);
  if (!m) throw new UsageError((t) => t.between.err.badAbsent(raw));
  const name = cleanName(m[1]!, 'member');
  const seqs = m[2]!.split(',').map((s) => Number.parseInt(s.trim(), 10));
  return { name, seqs };
}

async function planCreate(ctx: Ctx, opts: PlanOptions): Promise<void> {
  // Validate every flag before anything is written.
  if (opts.first === undefined) throw new UsageError((t) => t.between.err.needFirst);
  const count = intOption('--count', opts.count ?? '1', 1, PLAN_MAX_COUNT)!;
  if (opts.every === undefined && count > 1) throw new UsageError((t) => t.between.err.needEvery);
  const every = opts.every === undefined ? { unit: 'week' as const, n: 1 } : parseInterval(opts.every);
  const local = parseLocalDateTime(opts.first, '--first');
  if (local.hour === null) throw new UsageError((t) => t.between.err.needTime('--first'));
  const first = zonedInstant(local, local.hour, local.minute!, '--first', opts.first);
  if (first.getTime() <= ctx.clock.now().getTime()) throw new UserError((t) => t.between.err.inPast('--first'));
  const minutes = opts.minutes === undefined ? undefined : intOption('--minutes', opts.minutes, 30, 480);
  const place = opts.place === undefined ? null : cleanName(opts.place, 'field', 200);
  const absences = (opts.absent ?? []).map(parseAbsent);
  for (const a of absences) {
    const bad = a.seqs.find((s) => s < 1 || s > count);
    if (bad !== undefined) throw new UsageError((t) => t.between.err.absentSeq(bad, count));
  }

  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  if (group.archivedAt) throw new UserError((t) => t.groups.err.groupArchived(group.name));
  const absentMembers = absences.map((a) => ({ member: requireMember(store, group, a.name), seqs: a.seqs }));
  linkHeldMeetings(store, group.id);
  const now = store.nowIso();
  if (currentSeries(store, group.id).some((p) => p.meetingId === null && p.cancelledAt === null && p.scheduledAt >= now)) {
    throw new UserError((t) => t.between.err.planExists(group.name));
  }
  const members = listMembers(store, group.id);
  const instants = seriesInstants(first, every, count);
  const chairs = rotateChairs({
    members: members.map((m) => m.id),
    pastChairs: pastChairs(store, group.id),
    slots: instants.map((_, i) => ({ absent: absentMembers.filter((a) => a.seqs.includes(i + 1)).map((a) => a.member.id) })),
  });
  const series = createSeries(store, {
    groupId: group.id,
    minutes: checkMinutes(minutes ?? group.defaultMinutes),
    place,
    meetings: instants.map((at, i) => ({ scheduledAt: at, chairId: chairs[i] ?? null })),
  });

  const t = ctx.t.between.say;
  ctx.out.success(t.planCreated(series.length, group.name));
  for (const a of absentMembers) ctx.out.info(t.absentSkipped(safeText(a.member.name), a.seqs.join(', ')));
  chairs.forEach((c, i) => {
    if (c === null) ctx.out.warn(t.noChairPossible(i + 1));
  });
  renderPlan(ctx, group, series, members);
  if (opts.ics !== undefined) writeIcs(ctx, group, series, members, opts.ics);
}

/** Chairs of the meetings held so far, oldest first: the rotation continues from there. */
function pastChairs(store: Store, groupId: string): string[] {
  return heldMeetings(store, groupId)
    .map((m) => m.chairId)
    .filter((id): id is string => id !== null);
}

async function planMove(ctx: Ctx, opts: PlanOptions): Promise<void> {
  if (opts.move === undefined) throw new UsageError((t) => t.errors.optionMissingArgument('--move'));
  if (opts.to === undefined) throw new UsageError((t) => t.between.err.needTo);
  const seq = intOption('--move', opts.move, 1, PLAN_MAX_COUNT)!;
  const local = parseLocalDateTime(opts.to, '--to');
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  linkHeldMeetings(store, group.id);
  const series = currentSeries(store, group.id);
  if (series.length === 0) throw new UserError((t) => t.between.err.noPlan(group.name));
  const row = series.find((p) => p.seq === seq);
  if (!row) throw new UserError((t) => t.between.err.noSuchSeq(seq, series.length));
  if (row.meetingId !== null) throw new UserError((t) => t.between.err.alreadyHeld(seq));
  // A date without a time keeps the planned wall-clock time.
  const old = localParts(row.scheduledAt);
  const to = zonedInstant(local, local.hour ?? old.hour, local.minute ?? old.minute, '--to', opts.to);
  if (to.getTime() <= ctx.clock.now().getTime()) throw new UserError((t) => t.between.err.inPast('--to'));
  moveMeeting(store, row.id, to);
  ctx.out.success(ctx.t.between.say.moved(seq, formatMeetingTime(to, ctx.lang)));
  if (opts.ics !== undefined) {
    writeIcs(ctx, group, currentSeries(store, group.id), listMembers(store, group.id, { includeRemoved: true }), opts.ics);
  }
}

async function planClear(ctx: Ctx, opts: PlanOptions): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  linkHeldMeetings(store, group.id);
  const cancelled = clearPlan(store, group.id);
  if (cancelled.length === 0) throw new UserError((t) => t.between.err.noPlan(group.name));
  ctx.out.success(ctx.t.between.say.cleared(cancelled.length));
  // Calendars that imported the plan keep its events until they get the same UIDs as cancelled.
  if (opts.ics !== undefined) writeIcs(ctx, group, cancelled, listMembers(store, group.id, { includeRemoved: true }), opts.ics);
  else if (cancelled.some((p) => p.scheduledAt >= store.nowIso())) ctx.out.info(ctx.t.between.say.clearedIcsHint);
}

async function planShow(ctx: Ctx, opts: PlanOptions): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  linkHeldMeetings(store, group.id);
  const series = currentSeries(store, group.id);
  const members = listMembers(store, group.id, { includeRemoved: true });
  const agreed = listPlanned(store, group.id).filter((p) => p.source === 'agreed' && p.meetingId === null && p.scheduledAt >= store.nowIso());
  if (opts.ics !== undefined) {
    const cancelled = cancelledUpcoming(store, group.id, store.nowIso());
    writeIcs(ctx, group, [...series.filter((p) => p.meetingId === null), ...agreed, ...cancelled], members, opts.ics);
    return;
  }
  if (opts.json) {
    ctx.out.json({
      group: group.name,
      timeZone: MEETING_TZ,
      meetings: series.map((p) => plannedJson(p, members, store.nowIso(), series)),
      agreed: agreed.map((p) => plannedJson(p, members, store.nowIso())),
    });
    return;
  }
  if (series.length === 0 && agreed.length === 0) {
    ctx.out.line(ctx.t.between.say.planNone(group.name));
    return;
  }
  renderPlan(ctx, group, series, members);
  if (agreed.length > 0) {
    ctx.out.line();
    ctx.out.heading(ctx.t.between.say.agreedTitle);
    for (const p of agreed) ctx.out.line(`  ${formatShortTime(p.scheduledAt, ctx.lang)}  ${nameOf(members, p.chairId) ?? ''}`);
  }
}

function nameOf(members: readonly Member[], id: string | null): string | null {
  if (id === null) return null;
  return members.find((m) => m.id === id)?.name ?? null;
}

export type PlanStatus = 'held' | 'missed' | 'next' | 'planned';

function statusOf(p: PlannedMeeting, rows: readonly PlannedMeeting[], now: string): PlanStatus {
  if (p.meetingId !== null) return 'held';
  const today = isoLocal(now).slice(0, 10);
  if (isoLocal(p.scheduledAt).slice(0, 10) < today) return 'missed';
  const next = rows.find((r) => r.meetingId === null && isoLocal(r.scheduledAt).slice(0, 10) >= today);
  return next?.id === p.id ? 'next' : 'planned';
}

/** The stable JSON shape of a planned meeting (docs/cli.md). */
export function plannedJson(p: PlannedMeeting, members: readonly Member[], now: string, rows: readonly PlannedMeeting[] = [p]) {
  return {
    id: p.id,
    seq: p.seq,
    count: p.seriesCount,
    scheduledAt: p.scheduledAt,
    localTime: isoLocal(p.scheduledAt),
    minutes: p.minutes,
    place: p.place,
    chair: nameOf(members, p.chairId),
    caseOwners: p.caseOwnerIds.map((id) => nameOf(members, id)).filter((n): n is string => n !== null),
    source: p.source,
    status: statusOf(p, rows, now),
    meetingId: p.meetingId,
  };
}

function renderPlan(ctx: Ctx, group: Group, series: readonly PlannedMeeting[], members: readonly Member[]): void {
  const t = ctx.t.between.say;
  const now = ctx.clock.now().toISOString();
  const label: Record<PlanStatus, string> = {
    held: t.planStatusHeld,
    missed: t.planStatusMissed,
    next: t.planStatusNext,
    planned: t.planStatusPlanned,
  };
  ctx.out.heading(t.planTitle(group.name));
  const rows = series.map((p) => [
    `${p.seq}/${p.seriesCount}`,
    formatShortTime(p.scheduledAt, ctx.lang),
    nameOf(members, p.chairId) ?? t.noChairYet,
    p.place ?? '',
    label[statusOf(p, series, now)],
  ]);
  ctx.out.line(formatTable(t.planHeader, rows, ctx.out.c));
}

export function calendarMeeting(p: PlannedMeeting, group: Group, members: readonly Member[]): CalendarMeeting {
  return {
    id: p.id,
    scheduledAt: p.scheduledAt,
    minutes: p.minutes ?? group.defaultMinutes,
    place: p.place,
    groupName: group.name,
    chair: nameOf(members, p.chairId),
    caseOwners: p.caseOwnerIds.map((id) => nameOf(members, id)).filter((n): n is string => n !== null),
    seq: p.seq,
    seriesCount: p.seriesCount,
    updatedAt: p.updatedAt,
    cancelled: p.cancelledAt !== null,
  };
}

export function writeIcs(ctx: Ctx, group: Group, rows: readonly PlannedMeeting[], members: readonly Member[], path: string): void {
  if (rows.length === 0) throw new UserError((t) => t.between.err.nothingToExport(group.name));
  const text = meetingsCalendar(
    rows.map((p) => calendarMeeting(p, group, members)),
    ctx.t,
    ctx.clock.now(),
  );
  if (path === '-') {
    ctx.out.raw(text);
    return;
  }
  try {
    writeFileSync(path, text, { encoding: 'utf8', mode: 0o600 });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new UserError((t) => t.between.err.cannotWrite(path, reason));
  }
  ctx.out.success(ctx.t.between.say.icsWritten(path, rows.length));
}

