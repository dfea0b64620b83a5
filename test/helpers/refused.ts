import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';
import { messages } from '../../src/ui/i18n/index.js';
import { runCli, type CliResult } from './cli.js';
import { dumpDb } from './db-dump.js';

/** Run a command that must fail: one line on stderr, the exit code, and no change in the data. */
export function expectRefused(db: string, args: string[], expected: string | RegExp, code = 1, lang?: string, env: Record<string, string> = {}): CliResult {
  const before = dumpDb(db);
  const r = runCli(lang ? ['--lang', lang, ...args] : args, { db, env });
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
  expect(dumpDb(db)).toBe(before);
  return r;
}

/** Run a command in-process that must fail with a UserError: one Dutch line, and no change in the data. */
export async function expectRefusedCall(db: string, call: () => Promise<unknown>): Promise<string> {
  const before = dumpDb(db);
  const err = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  expect(dumpDb(db)).toBe(before);
  const text = (err as UserError).render(messages('nl'));
  expect(text.split('\n')).toHaveLength(1);
  return text;
}
