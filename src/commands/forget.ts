import type { Ctx } from '../context.js';
import { parseRetention, retentionCutoff } from '../domain/retention.js';
import { UsageError, UserError } from '../errors.js';
import { requireMember, resolveGroup } from '../store/groups.js';
import { countContent, purgeContent, resolveRowId, total, type PurgeCounts, type PurgeScope } from '../store/purge.js';

interface ForgetOptions {
  meeting?: string;
  case?: string;
  member?: string;
  olderThan?: string;
  group?: string;
  yes?: boolean;
}

export async function forget(ctx: Ctx, opts: ForgetOptions): Promise<void> {
  const chosen = [opts.meeting, opts.case, opts.member, opts.olderThan].filter((v) => v !== undefined);
  if (chosen.length !== 1) throw new UsageError((t) => t.trust.err.forgetWhat);
  let cutoff: string | null = null;
  if (opts.olderThan !== undefined) {
    const raw = opts.olderThan;
    const period = parseRetention(raw);
    if (!period) throw new UsageError((t) => t.trust.err.badOlderThan(raw));
    cutoff = retentionCutoff(period, ctx.clock.now()).toISOString();
  }

  const store = ctx.store();
  const scope = resolveScope(ctx, opts, cutoff);
  const counts = countContent(store, scope);
  const t = ctx.t.trust.say;
  if (total(counts) === 0) {
    ctx.out.line(t.forgetNothing);
    return;
  }
  if (!opts.yes && !ctx.interactive) throw new UserError((tt) => tt.trust.err.needYes);
  ctx.out.heading(t.forgetTitle);
  for (const line of describe(ctx, counts)) ctx.out.line(`  - ${line}`);
  ctx.out.line(t.forgetStays);
  ctx.out.line(t.forgetBackups);
  if (!opts.yes && !(await ctx.prompt.confirm({ message: t.forgetConfirm, default: false }))) {
    ctx.out.line(t.forgetCancelled);
    return;
  }
  const { counts: done, scrubbed } = purgeContent(store, scope);
  ctx.out.success(scrubbed ? t.forgetDone(total(done)) : t.forgetDonePending(total(done)));
}

function resolveScope(ctx: Ctx, opts: ForgetOptions, cutoff: string | null): PurgeScope {
  const store = ctx.store();
  if (opts.meeting !== undefined) {
    const raw = opts.meeting;
    const found = resolveRowId(store, 'meetings', raw);
    if (found === 'none') throw new UserError((t) => t.trust.err.unknownMeeting(raw));
    if (found === 'ambiguous') throw new UserError((t) => t.trust.err.ambiguousId(raw));
    if (found.status === 'running') throw new UserError((t) => t.trust.err.meetingRunning);
    return { kind: 'meeting', meetingId: found.id };
  }
  if (opts.case !== undefined) {
    const raw = opts.case;
    const found = resolveRowId(store, 'cases', raw);
    if (found === 'none') throw new UserError((t) => t.trust.err.unknownCase(raw));
    if (found === 'ambiguous') throw new UserError((t) => t.trust.err.ambiguousId(raw));
    return { kind: 'case', caseId: found.id };
  }
  if (opts.member !== undefined) {
    const group = resolveGroup(store, opts.group);
    // Someone who already left is exactly who this is for, so removed members count too.
    const member = requireMember(store, group, opts.member, { includeRemoved: true });
    return { kind: 'member', memberId: member.id };
  }
  const group = opts.group !== undefined ? resolveGroup(store, opts.group) : null;
  return { kind: 'before', cutoff: cutoff!, ...(group ? { groupId: group.id } : {}) };
}

function describe(ctx: Ctx, counts: PurgeCounts): string[] {
  const items = ctx.t.trust.say.forgetItems;
  const lines: string[] = [];
  let other = 0;
  for (const [table, n] of Object.entries(counts)) {
    if (n === 0) continue;
    const say = items[table];
    if (say) lines.push(say(n));
    else other += n;
  }
  if (other > 0) lines.push(ctx.t.trust.say.forgetOther(other));
  return lines;
}
