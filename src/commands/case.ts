import type { Ctx } from '../context.js';
import { cleanCaseText, parseEstimate } from '../domain/case-text.js';
import { safeText } from '../domain/names.js';
import type { Group, Member } from '../domain/types.js';
import { UsageError, UserError } from '../errors.js';
import {
  addPreparedCase,
  findPreparedCase,
  listDiscussedCases,
  listPreparedCases,
  shortId,
  withdrawCase,
  type CaseRecord,
  type DiscussedCase,
  type Estimate,
} from '../store/cases.js';
import { listGroups, listMembers, requireMember, resolveGroup } from '../store/groups.js';
import { formatTable } from '../ui/output.js';
import { formatDay } from '../ui/between-format.js';

interface AddOptions {
  group?: string;
  owner?: string;
  title?: string;
  question?: string;
  e?: string;
  g?: string;
  t?: string;
}

function estimateFlag(flag: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = parseEstimate(raw);
  if (n === null) throw new UsageError((t) => t.errors.badNumber(flag, 1, 5));
  return n;
}

export async function caseAdd(ctx: Ctx, opts: AddOptions): Promise<void> {
  const t = ctx.t.between;
  // Everything given on the command line is checked before a question is asked or a row written.
  const estimate: Estimate = { e: estimateFlag('--e', opts.e), g: estimateFlag('--g', opts.g), t: estimateFlag('--t', opts.t) };
  let title = opts.title === undefined ? undefined : cleanCaseText(opts.title, 'title');
  let question = opts.question === undefined ? undefined : cleanCaseText(opts.question, 'question');
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  if (group.archivedAt) throw new UserError((tt) => tt.groups.err.groupArchived(group.name));
  let owner: Member | undefined = opts.owner === undefined ? undefined : requireMember(store, group, opts.owner);

  const missing = owner === undefined || title === undefined;
  if (missing && !ctx.interactive) {
    throw new UsageError((tt) => tt.errors.optionMissingArgument(owner === undefined ? '--owner' : '--title'));
  }
  if (missing) {
    if (owner === undefined) owner = await askOwner(ctx, group);
    if (title === undefined) title = await askText(ctx, t.ask.title, 'title', false);
    if (question === undefined) question = await askText(ctx, t.ask.question, 'question', true);
    if (estimate.e === null && estimate.g === null && estimate.t === null && (await ctx.prompt.confirm({ message: t.ask.wantEstimate, default: false }))) {
      estimate.e = await askEstimate(ctx, t.ask.estE);
      estimate.g = await askEstimate(ctx, t.ask.estG);
      estimate.t = await askEstimate(ctx, t.ask.estT);
    }
  }
  const created = addPreparedCase(store, {
    groupId: group.id,
    ownerId: owner!.id,
    title: title!,
    question: question ?? null,
    estimate,
  });
  ctx.out.success(t.say.caseAdded(safeText(owner!.name), group.name, shortId(created.id)));
}

async function askOwner(ctx: Ctx, group: Group): Promise<Member> {
  const members = listMembers(ctx.store(), group.id);
  return ctx.prompt.select<Member>({
    message: ctx.t.between.ask.owner,
    choices: members.map((m) => ({ name: safeText(m.name), value: m })),
  });
}

async function askText(ctx: Ctx, message: string, field: 'title' | 'question', optional: boolean): Promise<string | undefined> {
  const answer = await ctx.prompt.input({
    message,
    validate: (v) => {
      if (optional && v.trim() === '') return true;
      try {
        cleanCaseText(v, field);
        return true;
      } catch (err) {
        return err instanceof UserError ? err.render(ctx.t) : String(err);
      }
    },
  });
  return optional && answer.trim() === '' ? undefined : cleanCaseText(answer, field);
}

async function askEstimate(ctx: Ctx, message: string): Promise<number> {
  const answer = await ctx.prompt.input({
    message,
    validate: (v) => (parseEstimate(v) === null ? ctx.t.between.err.badEstimate : true),
  });
  return parseEstimate(answer)!;
}

/** The stable JSON shape of a prepared case (docs/cli.md). */
export function preparedCaseJson(c: CaseRecord, full: boolean) {
  return {
    id: c.id,
    shortId: shortId(c.id),
    owner: c.ownerName,
    ownerId: c.ownerId,
    title: c.title,
    ...(full ? { question: c.question } : {}),
    estimate: c.estimate.e === null && c.estimate.g === null && c.estimate.t === null ? null : c.estimate,
    preparedAt: c.createdAt,
  };
}

function discussedCaseJson(c: DiscussedCase) {
  return {
    id: c.id,
    shortId: shortId(c.id),
    owner: c.ownerName,
    title: c.title,
    meetingId: c.meetingId,
    discussedAt: c.meetingStartedAt,
    followUp: c.followedUp ? 'done' : 'pending',
    openActionPoints: c.openActionPoints,
  };
}

export async function caseList(ctx: Ctx, opts: { group?: string; json?: boolean; full?: boolean }): Promise<void> {
  const store = ctx.readStore();
  const group = resolveGroup(store, opts.group);
  const prepared = listPreparedCases(store, group.id);
  const discussed = listDiscussedCases(store, group.id);
  const full = opts.full ?? false;
  if (opts.json) {
    ctx.out.json({
      group: group.name,
      prepared: prepared.map((c) => preparedCaseJson(c, full)),
      discussed: discussed.map(discussedCaseJson),
    });
    return;
  }
  const t = ctx.t.between;
  ctx.out.heading(t.say.preparedTitle(group.name));
  if (prepared.length === 0) ctx.out.line(`  ${t.say.noPrepared}`);
  else {
    const rows = prepared.map((c) => [shortId(c.id), c.ownerName, c.title ?? t.say.purged, estimateText(c.estimate), formatDay(c.createdAt, ctx.lang)]);
    ctx.out.line(formatTable(t.say.preparedHeader, rows, ctx.out.c));
    if (full) {
      for (const c of prepared) {
        if (c.question) ctx.out.line(`  ${shortId(c.id)} ${ctx.out.c.dim(t.say.questionLabel)}: ${safeText(c.question)}`);
      }
    }
  }
  if (discussed.length > 0) {
    ctx.out.line();
    ctx.out.heading(t.say.discussedTitle);
    const rows = discussed.map((c) => [
      formatDay(c.meetingStartedAt, ctx.lang),
      c.ownerName,
      c.title ?? t.say.purged,
      c.followedUp ? t.say.followUpDone : t.say.followUpPending,
      c.openActionPoints > 0 ? String(c.openActionPoints) : '',
    ]);
    ctx.out.line(formatTable(t.say.discussedHeader, rows, ctx.out.c));
  }
}

export function estimateText(e: Estimate): string {
  if (e.e === null && e.g === null && e.t === null) return '';
  return `E${e.e ?? '-'} G${e.g ?? '-'} T${e.t ?? '-'}`;
}

export async function caseWithdraw(ctx: Ctx, id: string, opts: { group?: string }): Promise<void> {
  const store = ctx.store();
  const groups = opts.group !== undefined ? [resolveGroup(store, opts.group)] : listGroups(store);
  const found = findPreparedCase(
    store,
    groups.map((g) => g.id),
    id,
  );
  withdrawCase(store, found.id);
  ctx.out.success(ctx.t.between.say.caseWithdrawn(shortId(found.id), safeText(found.ownerName)));
}
