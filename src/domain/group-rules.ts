import { UserError } from '../errors.js';
import { nameKey } from './names.js';

export const GROUP_MIN_MEMBERS = 2;
export const GROUP_MAX_MEMBERS = 12;
/** Above this, domain advice says not everyone gets room to speak: warn, do not refuse. */
export const GROUP_ADVISED_MAX = 8;
export const DEFAULT_MIN_SIZE = 4;
export const DEFAULT_MINUTES = 120;
export const MINUTES_RANGE = { min: 30, max: 480 } as const;

export function checkMemberCount(n: number): void {
  if (n < GROUP_MIN_MEMBERS) throw new UserError((t) => t.groups.err.tooFewMembers(GROUP_MIN_MEMBERS));
  if (n > GROUP_MAX_MEMBERS) throw new UserError((t) => t.groups.err.tooManyMembers(GROUP_MAX_MEMBERS));
}

export function checkUniqueNames(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = nameKey(name);
    if (seen.has(key)) throw new UserError((t) => t.groups.err.duplicateMember(name));
    seen.add(key);
  }
}

export function checkMinutes(n: number): number {
  if (!Number.isInteger(n) || n < MINUTES_RANGE.min || n > MINUTES_RANGE.max) {
    throw new UserError((t) => t.groups.err.badMinutes);
  }
  return n;
}

export function checkMinSize(n: number): number {
  if (!Number.isInteger(n) || n < 2 || n > GROUP_MAX_MEMBERS) {
    throw new UserError((t) => t.groups.err.badMinSize(GROUP_MAX_MEMBERS));
  }
  return n;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function checkEmail(value: string): string {
  const v = value.trim();
  // \S lets control and format characters through; an address never holds them.
  if (!EMAIL.test(v) || v.length > 254 || /[\p{Cc}\p{Cf}]/u.test(v)) throw new UserError((t) => t.groups.err.badEmail(v));
  return v;
}
