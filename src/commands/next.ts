import type { Ctx } from '../context.js';
import { MEETING_TZ } from '../domain/recurrence.js';
import { safeText } from '../domain/names.js';
import { UserError } from '../errors.js';
import { listPreparedCases } from '../store/cases.js';
import { listMembers, resolveGroup } from '../store/groups.js';
import { followUpCases, linkHeldMeetings, nextPlanned, openActionPoints } from '../store/planning.js';
import { formatDay, formatMeetingTime } from '../ui/between-format.js';
import { estimateText, preparedCaseJson } from './case.js';
import { plannedJson, writeIcs } from './plan.js';

export async function next(ctx: Ctx, opts: { group?: string; json?: boolean; ics?: string }): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  linkHeldMeetings(store, group.id);
  const found = nextPlanned(store, group.id);
  const members = listMembers(store, group.id, { includeRemoved: true });
  if (opts.ics !== undefined) {
    if (!found) throw new UserError((t) => t.between.err.nothingToExport(group.name));
    // The plan's row keeps its UID, so the invitation updates the one from `plan --ics`.
    const row = found.plan ? { ...found.meeting, id: found.plan.id, seq: found.plan.seq, seriesCount: found.plan.seriesCount } : found.meeting;
    // Without an agreement, whoever prepared a case is the one bringing it.
    const owners = row.caseOwnerIds.length > 0 ? row.caseOwnerIds : [...new Set(listPreparedCases(store, group.id).map((c) => c.ownerId))];
    writeIcs(
      ctx,
      group,
      [{ ...row, caseOwnerIds: owners, place: row.place ?? found.plan?.place ?? null, minutes: row.minutes ?? found.plan?.minutes ?? null }],
      members,
      opts.ics,
    );
    return;
  }
  const prepared = listPreparedCases(store, group.id);
  const actions = openActionPoints(store, group.id);
  const followUp = followUpCases(store, group.id);
  const now = store.nowIso();

  const meeting = found
    ? {
        ...plannedJson(found.meeting, members, now),
        seq: found.plan?.seq ?? found.meeting.seq,
        count: found.plan?.seriesCount ?? found.meeting.seriesCount,
        place: found.meeting.place ?? found.plan?.place ?? null,
        minutes: found.meeting.minutes ?? found.plan?.minutes ?? group.defaultMinutes,
      }
    : null;

  if (opts.json) {
    ctx.out.json({
      group: group.name,
      timeZone: MEETING_TZ,
      next: meeting,
      preparedCases: prepared.map((c) => preparedCaseJson(c, false)),
      openActionPoints: actions.map((a) => ({ id: a.id, owner: a.ownerName, text: a.text, dueDate: a.dueDate })),
      followUp: followUp.map((f) => ({ caseId: f.caseId, owner: f.ownerName, title: f.title, meetingId: f.meetingId, discussedAt: f.discussedAt })),
    });
    return;
  }

  const t = ctx.t.between.say;
  const c = ctx.out.c;
  const row = (label: string, value: string) => ctx.out.line(`  ${c.dim(`${label}:`)} ${value}`);
  if (!meeting) {
    ctx.out.line(t.nextNone(group.name));
  } else {
    ctx.out.heading(t.nextTitle(group.name));
    row(t.when, formatMeetingTime(meeting.scheduledAt, ctx.lang));
    if (meeting.seq !== null && meeting.count !== null) row(t.trajectory, t.progress(meeting.seq, meeting.count));
    row(t.duration, t.minutes(meeting.minutes));
    row(t.place, meeting.place !== null ? safeText(meeting.place) : t.unknownPlace);
    row(t.chair, meeting.chair !== null ? safeText(meeting.chair) : t.noChairYet);
    row(t.caseOwners, caseOwnersLine(meeting.caseOwners, prepared.map((p) => p.ownerName), t));
  }
  ctx.out.line();
  ctx.out.heading(t.preparedCases);
  if (prepared.length === 0) ctx.out.line(`  ${t.noPreparedShort}`);
  for (const p of prepared) {
    const est = estimateText(p.estimate);
    ctx.out.line(`  - ${safeText(p.ownerName)}: ${safeText(p.title ?? t.purged)}${est ? c.dim(`  ${est}`) : ''}`);
  }
  if (followUp.length > 0) {
    ctx.out.line();
    ctx.out.heading(t.followUp);
    for (const f of followUp) ctx.out.line(`  - ${safeText(t.followUpLine(f.ownerName, f.title ?? t.purged, formatDay(f.discussedAt, ctx.lang)))}`);
  }
  ctx.out.line();
  ctx.out.heading(t.openActions);
  if (actions.length === 0) ctx.out.line(`  ${t.noActions}`);
  for (const a of actions) {
    const due = a.dueDate ? c.dim(` (${a.dueDate})`) : '';
    ctx.out.line(`  - ${a.ownerName ? `${safeText(a.ownerName)}: ` : ''}${safeText(a.text ?? t.purged)}${due}`);
  }
  if (meeting && prepared.length === 0) {
    ctx.out.line();
    ctx.out.line(t.prepareReminder);
  }
}

function caseOwnersLine(agreed: readonly string[], prepared: readonly string[], t: Ctx['t']['between']['say']): string {
  if (agreed.length > 0) return agreed.map(safeText).join(', ');
  const names = [...new Set(prepared)];
  return names.length > 0 ? t.preparedBy(names.map(safeText).join(', '), names.length) : t.nobody;
}
