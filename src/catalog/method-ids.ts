import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { configDir, templatesDir } from '../paths.js';

/** Ids of the methods on disk (built-in and user files), without parsing them. */
export function methodIds(env: NodeJS.ProcessEnv = process.env): string[] {
  const ids = new Set<string>();
  for (const dir of [join(templatesDir(), 'methods'), join(configDir(env), 'methods')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (/\.ya?ml$/.test(f)) ids.add(f.replace(/\.ya?ml$/, ''));
  }
  return [...ids].sort();
}

export function methodExists(id: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const ids = methodIds(env);
  // Before any method file exists there is nothing to check against.
  return ids.length === 0 || ids.includes(id);
}
