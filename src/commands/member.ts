import type { Ctx } from '../context.js';
import { cleanName } from '../domain/names.js';
import { GROUP_ADVISED_MAX, GROUP_MAX_MEMBERS, GROUP_MIN_MEMBERS, checkEmail } from '../domain/group-rules.js';
import {
  addMember,
  countActiveMembers,
  listGroups,
  listMembers,
  removeMember,
  renameMember,
  requireMember,
  resolveGroup,
} from '../store/groups.js';
import { formatTable } from '../ui/output.js';
import { memberJson } from './group.js';

interface AddOptions {
  group?: string;
  register?: string;
  registrationNumber?: string;
  email?: string;
}

export async function memberAdd(ctx: Ctx, rawName: string, opts: AddOptions): Promise<void> {
  const name = cleanName(rawName, 'member');
  const register = opts.register === undefined ? null : cleanName(opts.register, 'field').toLowerCase();
  const registrationNumber = opts.registrationNumber === undefined ? null : cleanName(opts.registrationNumber, 'field');
  const email = opts.email === undefined ? null : checkEmail(opts.email);
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  const { member, restored } = addMember(store, group, { name, register, registrationNumber, email }, GROUP_MAX_MEMBERS);
  const t = ctx.t.groups.say;
  ctx.out.success(restored ? t.memberRestored(member.name, group.name) : t.memberAdded(member.name, group.name));
  const count = countActiveMembers(store, group.id);
  if (count > GROUP_ADVISED_MAX) ctx.out.warn(t.tooLarge(count));
}

export async function memberRename(ctx: Ctx, oldName: string, rawNew: string, opts: { group?: string }): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  const member = requireMember(store, group, oldName);
  const newName = cleanName(rawNew, 'member');
  renameMember(store, group, member, newName);
  ctx.out.success(ctx.t.groups.say.renamed(member.name, newName));
}

export async function memberRemove(ctx: Ctx, name: string, opts: { group?: string }): Promise<void> {
  const store = ctx.store();
  const group = resolveGroup(store, opts.group);
  const member = requireMember(store, group, name);
  removeMember(store, group, member, GROUP_MIN_MEMBERS);
  ctx.out.success(ctx.t.groups.say.memberRemoved(member.name, group.name));
}

export async function memberList(ctx: Ctx, opts: { group?: string; json?: boolean; all?: boolean }): Promise<void> {
  const store = ctx.readStore();
  // Without --group and without a default, list the members of every group.
  const groups = opts.group !== undefined || listGroups(store).length <= 1 ? [resolveGroup(store, opts.group)] : listGroups(store);
  const rows = groups.flatMap((g) => listMembers(store, g.id, { includeRemoved: opts.all ?? false }).map((m) => ({ g, m })));
  if (opts.json) {
    ctx.out.json({ members: rows.map(({ g, m }) => ({ ...memberJson(m), group: g.name })) });
    return;
  }
  const t = ctx.t.groups.say;
  ctx.out.line(
    formatTable(
      t.memberHeader,
      rows.map(({ g, m }) => [m.removedAt ? `${m.name} [${t.removedMark}]` : m.name, g.name, m.register ?? '', m.registrationNumber ?? '', m.email ?? '']),
      ctx.out.c,
    ),
  );
}
