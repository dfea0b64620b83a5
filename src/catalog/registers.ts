import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Yaml from 'yaml';
import { UserError } from '../errors.js';
import { configDir, templatesDir } from '../paths.js';
import { describeProfileIssue, registerProfileSchema, type RegisterProfile } from '../domain/register.js';

// CommonJS with require, not import (see main.ts).
const { parse } = createRequire(import.meta.url)('yaml') as typeof Yaml;

export type RegisterOrigin = 'builtin' | 'user';

export interface LoadedRegister {
  profile: RegisterProfile;
  origin: RegisterOrigin;
  file: string;
}

export interface RegisterDirs {
  builtin: string;
  user: string;
}

export function registerDirs(env: NodeJS.ProcessEnv = process.env): RegisterDirs {
  return { builtin: join(templatesDir(), 'registers'), user: join(configDir(env), 'registers') };
}

/** Parse one profile file; a broken file is a one-line error naming the file and the field. */
export function parseRegisterFile(file: string, text: string): RegisterProfile {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    const reason = String((err as Error).message).split('\n')[0] ?? '';
    throw new UserError((t) => t.report.err.badRegisterFile(file, reason));
  }
  const result = registerProfileSchema.safeParse(data);
  if (!result.success) {
    const reason = describeProfileIssue(result.error);
    throw new UserError((t) => t.report.err.badRegisterFile(file, reason));
  }
  return result.data;
}

function readDir(dir: string, origin: RegisterOrigin): LoadedRegister[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      return { profile: parseRegisterFile(file, readFileSync(file, 'utf8')), origin, file };
    });
}

/** All profiles, shipped ones first; a user file with the same id replaces the shipped one. */
export function loadRegisters(dirs: RegisterDirs = registerDirs()): LoadedRegister[] {
  const byId = new Map<string, LoadedRegister>();
  for (const r of [...readDir(dirs.builtin, 'builtin'), ...readDir(dirs.user, 'user')]) byId.set(r.profile.id, r);
  return [...byId.values()].sort((a, b) => a.profile.id.localeCompare(b.profile.id));
}

/** One profile by id (case-insensitive), or a one-line error listing the ids there are. */
export function findRegister(id: string, dirs: RegisterDirs = registerDirs()): LoadedRegister {
  const all = loadRegisters(dirs);
  const key = id.trim().toLowerCase();
  const hit = all.find((r) => r.profile.id === key);
  if (!hit) {
    const ids = all.map((r) => r.profile.id).join(', ');
    throw new UserError((t) => t.report.err.unknownRegister(id, ids));
  }
  return hit;
}

