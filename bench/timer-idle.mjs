// CPU use of an idle, running `intervisie timer` in a real pseudo-terminal.
// Usage: npm run build && node bench/timer-idle.mjs [seconds=60] [--plain]
// Reads the child's user+system CPU time from /proc (Linux), the same figures process.cpuUsage()
// reports inside the process, at the start and end of the window.
import { spawn } from '@lydell/node-pty';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seconds = Number(process.argv[2] ?? 60);
const plain = process.argv.includes('--plain');
const BIN = fileURLToPath(new URL('../bin/intervisie.js', import.meta.url));
const TICKS = 100; // USER_HZ on Linux

function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

const pty = spawn(process.execPath, [BIN, 'timer', '30m', '--quiet', ...(plain ? ['--plain'] : [])], {
  name: 'xterm-256color',
  cols: 80,
  rows: 24,
  env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color', INTERVISIE_DB: '/nonexistent/never.db' },
});
let bytes = 0;
pty.onData((d) => (bytes += d.length));
await new Promise((r) => setTimeout(r, 3000)); // past start-up (module loading)
const cpu0 = cpuMs(pty.pid);
const bytes0 = bytes;
const t0 = performance.now();
await new Promise((r) => setTimeout(r, seconds * 1000));
const cpu1 = cpuMs(pty.pid);
const wall = performance.now() - t0;
pty.write('q');
const pct = ((cpu1 - cpu0) / wall) * 100;
console.log(
  `timer idle${plain ? ' (--plain)' : ''}: ${(cpu1 - cpu0).toFixed(0)} ms CPU in ${(wall / 1000).toFixed(1)} s = ${pct.toFixed(2)}% of one core; ` +
    `${bytes - bytes0} bytes written to the terminal (${((bytes - bytes0) / (wall / 1000)).toFixed(0)} B/s)`,
);
