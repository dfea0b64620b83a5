import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/intervisie.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built binary as a child process without a terminal (like CI or a pipe). */
export function runCli(args: string[], options: { db?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '/tmp',
    LANG: 'C.UTF-8',
    TZ: 'Europe/Amsterdam',
    NO_COLOR: '1',
    ...(options.db ? { INTERVISIE_DB: options.db } : {}),
    ...options.env,
  };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
