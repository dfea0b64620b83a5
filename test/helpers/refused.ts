import { expect } from 'vitest';
import { runCli, type CliResult } from './cli.js';
import { dumpDb } from './db-dump.js';

/** Run a command that must fail: one line on stderr, the exit code, and no change in the data. */
export function expectRefused(db: string, args: string[], expected: string | RegExp, code = 1, lang?: string): CliResult {
  const before = dumpDb(db);
  const r = runCli(lang ? ['--lang', lang, ...args] : args, { db });
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
  expect(dumpDb(db)).toBe(before);
  return r;
}
