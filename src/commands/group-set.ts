import type { Ctx } from '../context.js';
import { formatRetention, parseRetention, retentionCutoff } from '../domain/retention.js';
import { UsageError, UserError } from '../errors.js';
import { resolveGroup, updateGroupColumns } from '../store/groups.js';
import { countContent, purgeContent, total } from '../store/purge.js';

interface SetOptions {
  group?: string;
  keepCases?: string;
  yes?: boolean;
}

export async function groupSet(ctx: Ctx, opts: SetOptions): Promise<void> {
  if (opts.keepCases === undefined) throw new UsageError((t) => t.trust.err.nothingToSet);
  const raw = opts.keepCases;
  const retention = parseRetention(raw);
  if (retention === undefined) throw new UsageError((t) => t.trust.err.badKeepCases(raw));
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  const t = ctx.t.trust;

  // A shorter period can make content too old at once: say so before anything is erased.
  const scope = retention
    ? ({ kind: 'before', cutoff: retentionCutoff(retention, ctx.clock.now()).toISOString(), groupId: group.id } as const)
    : null;
  const doomed = scope ? total(countContent(store, scope)) : 0;
  if (doomed > 0 && !opts.yes) {
    if (!ctx.interactive) throw new UserError((tt) => tt.trust.err.needYesSet(doomed));
    if (!(await ctx.prompt.confirm({ message: t.say.keepCasesWillErase(doomed), default: false }))) {
      ctx.out.line(t.say.forgetCancelled);
      return;
    }
  }

  store.tx(() => updateGroupColumns(store, group.id, { keep_cases: retention ? formatRetention(retention) : null }));
  ctx.out.success(
    retention ? t.say.keepCasesSet(group.name, t.say.period(retention.amount, retention.unit)) : t.say.keepCasesForever(group.name),
  );
  if (scope && doomed > 0) {
    const { counts } = purgeContent(store, scope);
    ctx.out.note(t.say.retentionNotice(`'${group.name}'`, total(counts)));
  }
}
