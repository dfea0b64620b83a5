import { UserError } from '../errors.js';
import { nameKey, namesStartingWith } from '../domain/names.js';
import type { Group, Member } from '../domain/types.js';
import type { Store } from './store.js';

interface GroupRow {
  id: string;
  name: string;
  min_size: number;
  default_minutes: number;
  default_method: string;
  agreements: string | null;
  keep_cases: string | null;
  sync_folder: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

interface MemberRow {
  id: string;
  group_id: string;
  name: string;
  register: string | null;
  registration_number: string | null;
  email: string | null;
  removed_at: string | null;
  created_at: string;
}

const toGroup = (r: GroupRow): Group => ({
  id: r.id,
  name: r.name,
  minSize: r.min_size,
  defaultMinutes: r.default_minutes,
  defaultMethod: r.default_method,
  agreements: r.agreements === null ? null : (JSON.parse(r.agreements) as string[]),
  keepCases: r.keep_cases,
  syncFolder: r.sync_folder,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  groupId: r.group_id,
  name: r.name,
  register: r.register,
  registrationNumber: r.registration_number,
  email: r.email,
  removedAt: r.removed_at,
  createdAt: r.created_at,
});

const DEFAULT_GROUP_KEY = 'default_group';

export interface NewGroup {
  name: string;
  members: string[];
  minSize: number;
  minutes: number;
  method: string;
}

export function createGroup(store: Store, input: NewGroup): Group {
  return store.tx(() => {
    if (findGroup(store, input.name)) throw new UserError((t) => t.groups.err.groupExists(input.name));
    const id = store.newId();
    const s = store.stamp();
    store.db
      .prepare(
        `INSERT INTO groups (id, name, name_key, min_size, default_minutes, default_method, created_at, updated_at, device_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.name, nameKey(input.name), input.minSize, input.minutes, input.method, s.created_at, s.updated_at, s.device_id);
    for (const member of input.members) insertMember(store, id, { name: member });
    if (countActiveGroups(store) === 1) store.setMeta(DEFAULT_GROUP_KEY, id);
    return getGroup(store, id);
  });
}

export function getGroup(store: Store, id: string): Group {
  const row = store.db.prepare('SELECT * FROM groups WHERE id = ?').get(id) as GroupRow | undefined;
  if (!row) throw new Error(`group ${id} vanished`);
  return toGroup(row);
}

export function findGroup(store: Store, name: string): Group | null {
  const row = store.db.prepare('SELECT * FROM groups WHERE name_key = ?').get(nameKey(name)) as GroupRow | undefined;
  return row ? toGroup(row) : null;
}

export function listGroups(store: Store, options: { includeArchived?: boolean } = {}): Group[] {
  const sql = options.includeArchived
    ? 'SELECT * FROM groups ORDER BY name_key'
    : 'SELECT * FROM groups WHERE archived_at IS NULL ORDER BY name_key';
  return (store.db.prepare(sql).all() as GroupRow[]).map(toGroup);
}

function countActiveGroups(store: Store): number {
  return (store.db.prepare('SELECT count(*) AS n FROM groups WHERE archived_at IS NULL').get() as { n: number }).n;
}

/** The explicitly chosen default, or the only active group; null when there is no clear answer. */
export function defaultGroupId(store: Store): string | null {
  const chosen = store.getMeta(DEFAULT_GROUP_KEY);
  if (chosen) {
    const row = store.db.prepare('SELECT id FROM groups WHERE id = ? AND archived_at IS NULL').get(chosen);
    if (row) return chosen;
  }
  const active = listGroups(store);
  return active.length === 1 ? active[0]!.id : null;
}

/** Resolve --group (or the default) to a group, with the right one-line error otherwise. */
export function resolveGroup(store: Store, name?: string | null): Group {
  if (name !== undefined && name !== null) {
    const group = findGroup(store, name);
    if (!group) throw new UserError((t) => t.groups.err.unknownGroup(name));
    return group;
  }
  const id = defaultGroupId(store);
  if (id) return getGroup(store, id);
  const active = listGroups(store);
  if (active.length === 0) throw new UserError((t) => t.groups.err.noGroup);
  const names = active.map((g) => g.name).join(', ');
  throw new UserError((t) => t.groups.err.chooseGroup(names));
}

export function setDefaultGroup(store: Store, group: Group): void {
  if (group.archivedAt) throw new UserError((t) => t.groups.err.groupArchived(group.name));
  store.tx(() => store.setMeta(DEFAULT_GROUP_KEY, group.id));
}

export function renameGroup(store: Store, group: Group, newName: string): void {
  store.tx(() => {
    const clash = findGroup(store, newName);
    if (clash && clash.id !== group.id) throw new UserError((t) => t.groups.err.groupExists(newName));
    updateGroupColumns(store, group.id, { name: newName, name_key: nameKey(newName) });
  });
}

export function archiveGroup(store: Store, group: Group): void {
  if (group.archivedAt) throw new UserError((t) => t.groups.err.groupArchived(group.name));
  store.tx(() => {
    updateGroupColumns(store, group.id, { archived_at: store.nowIso() });
    if (store.getMeta(DEFAULT_GROUP_KEY) === group.id) store.setMeta(DEFAULT_GROUP_KEY, null);
  });
}

type GroupColumn =
  | 'name'
  | 'name_key'
  | 'min_size'
  | 'default_minutes'
  | 'default_method'
  | 'agreements'
  | 'keep_cases'
  | 'sync_folder'
  | 'archived_at';

/** Update a few columns of a group and stamp the change. */
export function updateGroupColumns(store: Store, id: string, values: Partial<Record<GroupColumn, string | number | null>>): void {
  const cols = Object.keys(values) as GroupColumn[];
  if (cols.length === 0) return;
  const sets = cols.map((c) => `${c} = @${c}`).join(', ');
  const s = store.stamp();
  store.db
    .prepare(`UPDATE groups SET ${sets}, updated_at = @updated_at, device_id = @device_id WHERE id = @id`)
    .run({ ...values, id, updated_at: s.updated_at, device_id: s.device_id });
}

export interface NewMember {
  name: string;
  register?: string | null;
  registrationNumber?: string | null;
  email?: string | null;
}

function insertMember(store: Store, groupId: string, input: NewMember): string {
  const id = store.newId();
  const s = store.stamp();
  store.db
    .prepare(
      `INSERT INTO members (id, group_id, name, name_key, register, registration_number, email, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      groupId,
      input.name,
      nameKey(input.name),
      input.register ?? null,
      input.registrationNumber ?? null,
      input.email ?? null,
      s.created_at,
      s.updated_at,
      s.device_id,
    );
  return id;
}

export function findMember(store: Store, groupId: string, name: string): Member | null {
  const row = store.db
    .prepare('SELECT * FROM members WHERE group_id = ? AND name_key = ?')
    .get(groupId, nameKey(name)) as MemberRow | undefined;
  return row ? toMember(row) : null;
}

/**
 * A current member by name, or the one-line error a user needs. A first name alone is enough
 * when it belongs to one member only ("Anna" for "Anna de Vries").
 */
export function requireMember(store: Store, group: Group, name: string, options: { includeRemoved?: boolean } = {}): Member {
  const member = findMember(store, group.id, name);
  if (member && (!member.removedAt || options.includeRemoved)) return member;
  const candidates = namesStartingWith(listMembers(store, group.id, options), name);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) throw new UserError((t) => t.groups.err.ambiguousMember(name, candidates.map((c) => c.name).join(', ')));
  throw new UserError((t) => t.groups.err.unknownMember(name, group.name));
}

export function getMember(store: Store, id: string): Member {
  const row = store.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  if (!row) throw new Error(`member ${id} vanished`);
  return toMember(row);
}

export function listMembers(store: Store, groupId: string, options: { includeRemoved?: boolean } = {}): Member[] {
  const sql = options.includeRemoved
    ? 'SELECT * FROM members WHERE group_id = ? ORDER BY name_key'
    : 'SELECT * FROM members WHERE group_id = ? AND removed_at IS NULL ORDER BY name_key';
  return (store.db.prepare(sql).all(groupId) as MemberRow[]).map(toMember);
}

export function countActiveMembers(store: Store, groupId: string): number {
  return (
    store.db.prepare('SELECT count(*) AS n FROM members WHERE group_id = ? AND removed_at IS NULL').get(groupId) as { n: number }
  ).n;
}

/** Add a member; a removed member with the same name is brought back with their history. */
export function addMember(store: Store, group: Group, input: NewMember, maxMembers: number): { member: Member; restored: boolean } {
  return store.tx(() => {
    const existing = findMember(store, group.id, input.name);
    if (existing && !existing.removedAt) throw new UserError((t) => t.groups.err.memberExists(input.name, group.name));
    if (countActiveMembers(store, group.id) + 1 > maxMembers) {
      throw new UserError((t) => t.groups.err.tooManyMembers(maxMembers));
    }
    if (existing) {
      updateMemberColumns(store, existing.id, {
        removed_at: null,
        name: input.name,
        register: input.register ?? existing.register,
        registration_number: input.registrationNumber ?? existing.registrationNumber,
        email: input.email ?? existing.email,
      });
      return { member: getMember(store, existing.id), restored: true };
    }
    return { member: getMember(store, insertMember(store, group.id, input)), restored: false };
  });
}

export function renameMember(store: Store, group: Group, member: Member, newName: string): void {
  store.tx(() => {
    const clash = findMember(store, group.id, newName);
    if (clash && clash.id !== member.id) throw new UserError((t) => t.groups.err.memberExists(newName, group.name));
    updateMemberColumns(store, member.id, { name: newName, name_key: nameKey(newName) });
  });
}

export function removeMember(store: Store, group: Group, member: Member, minMembers: number): void {
  store.tx(() => {
    if (member.removedAt) throw new UserError((t) => t.groups.err.memberRemoved(member.name));
    if (countActiveMembers(store, group.id) - 1 < minMembers) {
      throw new UserError((t) => t.groups.err.tooFewMembers(minMembers));
    }
    updateMemberColumns(store, member.id, { removed_at: store.nowIso() });
  });
}

type MemberColumn = 'name' | 'name_key' | 'register' | 'registration_number' | 'email' | 'removed_at';

export function updateMemberColumns(store: Store, id: string, values: Partial<Record<MemberColumn, string | null>>): void {
  const cols = Object.keys(values) as MemberColumn[];
  if (cols.length === 0) return;
  const sets = cols.map((c) => `${c} = @${c}`).join(', ');
  const s = store.stamp();
  store.db
    .prepare(`UPDATE members SET ${sets}, updated_at = @updated_at, device_id = @device_id WHERE id = @id`)
    .run({ ...values, id, updated_at: s.updated_at, device_id: s.device_id });
}
