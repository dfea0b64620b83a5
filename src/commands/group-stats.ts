import type { Ctx } from '../context.js';
import { groupHealth, MIN_MEETINGS_FOR_PATTERN, type HealthWarning } from '../domain/group-health.js';
import { safeText } from '../domain/names.js';
import { listMembers, resolveGroup } from '../store/groups.js';
import { healthMeetings } from '../store/group-health.js';
import { formatDay } from '../ui/between-format.js';
import type { Messages } from '../ui/i18n/index.js';
import { formatTable } from '../ui/output.js';

export function warningText(w: HealthWarning, t: Messages): string {
  const m = t.between.warn;
  switch (w.code) {
    case 'absentOften':
      return m.absentOften(safeText(w.name), w.pct);
    case 'neverCase':
      return m.neverCase(safeText(w.name));
    case 'chairNotRotating':
      return m.chairNotRotating(safeText(w.name), w.k, w.n);
    case 'withoutCase':
      return m.withoutCase(w.k, w.n);
    case 'tooSmall':
      return m.tooSmall(w.n, w.min);
    case 'belowMinSize':
      return m.belowMinSize(w.n, w.min);
    case 'tooLarge':
      return m.tooLarge(w.n, w.max);
  }
}

export async function groupStats(ctx: Ctx, opts: { group?: string; json?: boolean }): Promise<void> {
  const store = ctx.readStore();
  const group = resolveGroup(store, opts.group);
  const members = listMembers(store, group.id);
  const health = groupHealth({
    now: ctx.clock.now(),
    minSize: group.minSize,
    members: members.map((m) => ({ id: m.id, name: m.name, joinedAt: m.createdAt })),
    meetings: healthMeetings(store, group.id),
  });
  if (opts.json) {
    ctx.out.json({
      group: group.name,
      since: health.since,
      meetings: health.meetings,
      meetingsWithoutCase: health.meetingsWithoutCase,
      members: health.members.map((m) => ({
        id: m.id,
        name: m.name,
        meetings: m.expected,
        present: m.present,
        attendanceRate: m.rate === null ? null : Math.round(m.rate * 1000) / 1000,
        chaired: m.chaired,
        casesBrought: m.casesBrought,
        lastCaseAt: m.lastCaseAt,
      })),
      warnings: health.warnings.map((w) => ({ ...w, message: warningText(w, ctx.t) })),
    });
    return;
  }
  const t = ctx.t.between.say;
  ctx.out.heading(t.statsTitle(group.name));
  ctx.out.line(t.statsPeriod(health.meetings));
  ctx.out.line();
  const rows = health.members.map((m) => [
    m.name,
    t.rate(m.present, m.expected, m.rate === null ? null : Math.round(m.rate * 100)),
    String(m.chaired),
    String(m.casesBrought),
    m.lastCaseAt ? formatDay(m.lastCaseAt, ctx.lang) : t.never,
  ]);
  ctx.out.line(formatTable(t.statsHeader, rows, ctx.out.c));
  ctx.out.line();
  if (health.warnings.length === 0) {
    // With too few meetings there is no pattern yet to call good or bad.
    if (health.meetings < MIN_MEETINGS_FOR_PATTERN) ctx.out.info(t.tooEarly(MIN_MEETINGS_FOR_PATTERN));
    else ctx.out.success(t.noWarnings);
    return;
  }
  ctx.out.heading(t.warningsTitle);
  // On stdout, not as stderr warnings: here they are the answer the user asked for.
  for (const w of health.warnings) ctx.out.line(`  ${ctx.out.c.yellow('⚠')} ${warningText(w, ctx.t)}`);
}
