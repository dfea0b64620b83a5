import type { Ctx } from '../context.js';
import { cleanName } from '../domain/names.js';
import {
  DEFAULT_MIN_SIZE,
  DEFAULT_MINUTES,
  GROUP_ADVISED_MAX,
  GROUP_MAX_MEMBERS,
  checkMemberCount,
  checkMinSize,
  checkMinutes,
  checkUniqueNames,
} from '../domain/group-rules.js';
import type { Group, Member } from '../domain/types.js';
import {
  archiveGroup,
  createGroup,
  defaultGroupId,
  findGroup,
  listGroups,
  listMembers,
  renameGroup,
  resolveGroup,
  setDefaultGroup,
} from '../store/groups.js';
import { UserError, UsageError } from '../errors.js';
import { formatTable } from '../ui/output.js';
import { intOption } from './options.js';

interface CreateOptions {
  member: string[];
  minSize?: string;
  minutes?: string;
  method?: string;
}

export async function groupCreate(ctx: Ctx, rawName: string | undefined, opts: CreateOptions): Promise<void> {
  await createGroupAsked(ctx, rawName, opts);
  ctx.out.line(ctx.t.groups.say.nextSteps);
}

/** Creates a group from flags, asking in a terminal for what is missing. */
export async function createGroupAsked(ctx: Ctx, rawName: string | undefined, opts: CreateOptions): Promise<Group> {
  const t = ctx.t.groups;
  let minSize = intOption('--min-size', opts.minSize, 2, GROUP_MAX_MEMBERS);
  let minutes = parseMinutesFlag(opts.minutes);
  const method = opts.method ?? '5-stappen';
  // The catalog pulls in yaml and zod: only `group create` needs it, not every group command.
  const { loadMethods } = await import('../catalog/methods.js');
  if (!loadMethods({ env: ctx.env, lang: ctx.lang }).get(method)) throw new UsageError((tt) => tt.groups.err.unknownMethod(method));

  // Validate everything given on the command line before asking anything.
  let name = rawName === undefined ? undefined : cleanName(rawName, 'group');
  let members = opts.member.map((m) => cleanName(m, 'member'));
  checkUniqueNames(members);
  if (name !== undefined && findGroup(ctx.store(), name)) throw new UserError((tt) => tt.groups.err.groupExists(name!));

  const needsQuestions = name === undefined || members.length < 2;
  if (needsQuestions && !ctx.interactive) {
    if (name === undefined) throw new UsageError((tt) => tt.errors.missingArgument(tt.groups.cmd.argName));
    checkMemberCount(members.length);
  }
  if (needsQuestions) {
    if (name === undefined) {
      name = await askName(ctx, t.ask.groupName, 'group', (v) => (findGroup(ctx.store(), v) ? t.err.groupExists(v) : null));
    }
    members = await askMembers(ctx, members);
    if (opts.minSize === undefined) {
      const answer = await ctx.prompt.input({
        message: t.ask.minSize,
        default: String(Math.min(DEFAULT_MIN_SIZE, members.length)),
        validate: (v) => validateInt(v, 2, GROUP_MAX_MEMBERS) ?? t.err.badMinSize(GROUP_MAX_MEMBERS),
      });
      minSize = Number.parseInt(answer, 10);
    }
    if (opts.minutes === undefined) minutes = await askMinutes(ctx);
  }
  checkMemberCount(members.length);
  checkUniqueNames(members);

  const group = createGroup(ctx.store(), {
    name: name!,
    members,
    minSize: checkMinSize(minSize ?? Math.min(DEFAULT_MIN_SIZE, members.length)),
    minutes: checkMinutes(minutes ?? DEFAULT_MINUTES),
    method,
  });
  ctx.out.success(t.say.created(group.name, members.length));
  warnAboutSize(ctx, group, members.length);
  return group;
}

function validateInt(v: string, min: number, max: number): true | null {
  const n = /^\s*\d+\s*$/.test(v) ? Number.parseInt(v, 10) : NaN;
  return n >= min && n <= max ? true : null;
}

function parseMinutesFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = intOption('--minutes', raw, 30, 480);
  return n;
}

async function askName(
  ctx: Ctx,
  message: string,
  what: 'group' | 'member',
  clash: (name: string) => string | null,
): Promise<string> {
  const answer = await ctx.prompt.input({
    message,
    validate: (v) => {
      try {
        const name = cleanName(v, what);
        return clash(name) ?? true;
      } catch (err) {
        return err instanceof UserError ? err.render(ctx.t) : String(err);
      }
    },
  });
  return cleanName(answer, what);
}

async function askMembers(ctx: Ctx, given: string[]): Promise<string[]> {
  const t = ctx.t.groups;
  const members = [...given];
  while (members.length < GROUP_MAX_MEMBERS) {
    const answer = await ctx.prompt.input({
      message: t.ask.memberName(members.length + 1),
      validate: (v) => {
        if (v.trim() === '') return members.length >= 2 ? true : t.err.tooFewMembers(2);
        try {
          const name = cleanName(v, 'member');
          return members.some((m) => m.toLocaleLowerCase() === name.toLocaleLowerCase()) ? t.err.duplicateMember(name) : true;
        } catch (err) {
          return err instanceof UserError ? err.render(ctx.t) : String(err);
        }
      },
    });
    if (answer.trim() === '') break;
    members.push(cleanName(answer, 'member'));
  }
  return members;
}

async function askMinutes(ctx: Ctx): Promise<number> {
  const t = ctx.t.groups.ask;
  const choice = await ctx.prompt.select<number | 'other'>({
    message: t.minutes,
    choices: [
      { name: t.minutes120, value: 120 },
      { name: t.minutes90, value: 90 },
      { name: t.minutesOther, value: 'other' },
    ],
    default: DEFAULT_MINUTES,
  });
  if (choice !== 'other') return choice;
  const answer = await ctx.prompt.input({
    message: t.minutesCustom,
    validate: (v) => validateInt(v, 30, 480) ?? ctx.t.groups.err.badMinutes,
  });
  return Number.parseInt(answer, 10);
}

export function warnAboutSize(ctx: Ctx, group: Group, memberCount: number): void {
  const t = ctx.t.groups.say;
  if (memberCount > GROUP_ADVISED_MAX) ctx.out.warn(t.tooLarge(memberCount));
  if (group.minSize > memberCount) ctx.out.warn(t.minAboveMembers(group.minSize, memberCount));
}

/** The stable JSON shape of a group (documented in docs/cli.md). */
export function groupJson(group: Group, members: Member[], isDefault: boolean) {
  return {
    id: group.id,
    name: group.name,
    default: isDefault,
    archived: group.archivedAt !== null,
    minSize: group.minSize,
    minutes: group.defaultMinutes,
    method: group.defaultMethod,
    createdAt: group.createdAt,
    members: members.map(memberJson),
  };
}

export function memberJson(m: Member) {
  return {
    id: m.id,
    name: m.name,
    register: m.register,
    registrationNumber: m.registrationNumber,
    email: m.email,
    removed: m.removedAt !== null,
  };
}

export async function groupList(ctx: Ctx, opts: { json?: boolean; all?: boolean }): Promise<void> {
  const store = ctx.readStore();
  const groups = listGroups(store, { includeArchived: opts.all ?? false });
  const def = defaultGroupId(store);
  if (opts.json) {
    ctx.out.json({ groups: groups.map((g) => groupJson(g, listMembers(store, g.id), g.id === def)) });
    return;
  }
  const t = ctx.t.groups.say;
  if (groups.length === 0) {
    ctx.out.line(t.noGroups);
    return;
  }
  const rows = groups.map((g) => [
    g.name,
    String(listMembers(store, g.id).length),
    String(g.minSize),
    t.minutesValue(g.defaultMinutes),
    g.defaultMethod,
    g.archivedAt ? t.archivedMark : g.id === def ? t.defaultMark : '',
  ]);
  ctx.out.line(formatTable(t.listHeader, rows, ctx.out.c));
}

export async function groupShow(ctx: Ctx, name: string | undefined, opts: { json?: boolean; all?: boolean }): Promise<void> {
  const store = ctx.readStore();
  const group = resolveGroup(store, name);
  const members = listMembers(store, group.id, { includeRemoved: opts.all ?? false });
  const isDefault = defaultGroupId(store) === group.id;
  if (opts.json) {
    ctx.out.json(groupJson(group, members, isDefault));
    return;
  }
  const t = ctx.t.groups.say;
  const c = ctx.out.c;
  ctx.out.heading(`${t.showTitle(group.name)}${isDefault ? c.dim(` (${t.defaultMark})`) : ''}${group.archivedAt ? c.dim(` (${t.archivedMark})`) : ''}`);
  ctx.out.line(`  ${t.showMinSize}: ${group.minSize}`);
  ctx.out.line(`  ${t.showMinutes}: ${t.minutesValue(group.defaultMinutes)}`);
  ctx.out.line(`  ${t.showMethod}: ${group.defaultMethod}`);
  ctx.out.line(`  ${t.showCreated}: ${group.createdAt.slice(0, 10)}`);
  ctx.out.line(`  ${t.showMembers} (${members.filter((m) => !m.removedAt).length}):`);
  for (const m of members) {
    const extra = [m.register, m.registrationNumber].filter(Boolean).join(' ');
    ctx.out.line(`    - ${m.name}${extra ? c.dim(` (${extra})`) : ''}${m.removedAt ? c.dim(` [${t.removedMark}]`) : ''}`);
  }
}

export async function groupRename(ctx: Ctx, oldName: string, rawNew: string): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, oldName);
  const newName = cleanName(rawNew, 'group');
  renameGroup(store, group, newName);
  ctx.out.success(ctx.t.groups.say.renamed(group.name, newName));
}

export async function groupUse(ctx: Ctx, name: string): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, name);
  setDefaultGroup(store, group);
  ctx.out.success(ctx.t.groups.say.defaultSet(group.name));
}

export async function groupArchive(ctx: Ctx, name: string): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, name);
  archiveGroup(store, group);
  ctx.out.success(ctx.t.groups.say.archived(group.name));
}
