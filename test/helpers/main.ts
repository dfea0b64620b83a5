import { PassThrough } from 'node:stream';
import { main } from '../../src/cli.js';
import { Capture } from './ctx.js';

export interface MainResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The whole command line in-process (same parsing, error boundary and exit code as the
 * binary, without a terminal), for tests that run hundreds of commands.
 */
export async function runMain(args: string[], o: { db?: string; env?: Record<string, string> } = {}): Promise<MainResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  // An ended, non-TTY stdin: a command that wants to ask or read something fails at once instead of waiting.
  const stdin = new PassThrough();
  stdin.end();
  const code = await main({
    argv: args,
    env: { NO_COLOR: '1', TZ: 'Europe/Amsterdam', ...(o.db ? { INTERVISIE_DB: o.db } : {}), ...o.env },
    stdin,
    stdout,
    stderr,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
