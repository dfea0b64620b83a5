import type { Ctx } from '../context.js';
import { listGroups, resolveGroup } from '../store/groups.js';
import { groupCreate } from './group.js';

export async function start(ctx: Ctx, opts: { group?: string }): Promise<void> {
  ctx.out.heading(ctx.t.meeting.say.welcome);
  const store = ctx.store();
  if (listGroups(store).length === 0 && opts.group === undefined) {
    if (!ctx.interactive) {
      ctx.out.line(ctx.t.groups.say.noGroupsStart);
      return;
    }
    if (!(await ctx.prompt.confirm({ message: ctx.t.groups.ask.createFirst, default: true }))) return;
    await groupCreate(ctx, undefined, { member: [] });
    return;
  }
  resolveGroup(store, opts.group);
}
