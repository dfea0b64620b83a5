// CPU use and memory of an idle, running `intervisie timer` in a real pseudo-terminal.
// Usage: npm run build && node bench/timer-idle.mjs [seconds=60] [--plain]
// Reads the child's user+system CPU time from /proc (Linux), the same figures process.cpuUsage()
// reports inside the process, at the start and end of the window, and its resident memory.
// Also used by bench/run.mjs (measureIdleTimer).
import { spawn } from '@lydell/node-pty';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/intervisie.js', import.meta.url));
const TICKS = 100; // USER_HZ on Linux

function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

function rssBytes(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Run `intervisie timer 30m --quiet` in a pty, wait past start-up, then measure `seconds`.
 * @returns {Promise<{ seconds: number, cpuMs: number, cpuPercent: number, rssBytes: number | null, bytesPerSecond: number }>}
 */
export async function measureIdleTimer(seconds, { plain = false, warmupMs = 3000 } = {}) {
  return measureIdle([BIN, 'timer', '30m', '--quiet', ...(plain ? ['--plain'] : [])], seconds, warmupMs);
}

/**
 * The yardstick for the timer: a bare Node process that wakes once a second and writes a byte,
 * measured the same way. What any such process costs differs a lot between machines (a VM's
 * timer and accounting), so the timer's figure is read next to this one.
 */
export async function measureIdleBaseline(seconds, { warmupMs = 3000 } = {}) {
  return measureIdle(['-e', "setInterval(() => process.stdout.write('.'), 1000)"], seconds, warmupMs);
}

async function measureIdle(args, seconds, warmupMs) {
  const pty = spawn(process.execPath, args, {
    name: 'xterm-256color',
    cols: 80,
    rows: 24,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TERM: 'xterm-256color', INTERVISIE_DB: '/nonexistent/never.db' },
  });
  let bytes = 0;
  let exited = false;
  pty.onData((d) => (bytes += d.length));
  pty.onExit(() => (exited = true));
  try {
    await sleep(warmupMs); // past start-up (module loading)
    if (exited) throw new Error(`${args.join(' ')} exited during start-up`);
    const cpu0 = cpuMs(pty.pid);
    const bytes0 = bytes;
    const t0 = performance.now();
    await sleep(seconds * 1000);
    if (exited) throw new Error(`${args.join(' ')} exited while being measured`);
    const cpu1 = cpuMs(pty.pid);
    const rss = rssBytes(pty.pid);
    const wall = performance.now() - t0;
    return {
      seconds: wall / 1000,
      cpuMs: cpu1 - cpu0,
      cpuPercent: ((cpu1 - cpu0) / wall) * 100,
      rssBytes: rss,
      bytesPerSecond: (bytes - bytes0) / (wall / 1000),
    };
  } finally {
    if (!exited) {
      pty.write('q');
      await sleep(300);
      if (!exited) pty.kill();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const seconds = Number(process.argv[2] ?? 60);
  const plain = process.argv.includes('--plain');
  const r = await measureIdleTimer(seconds, { plain });
  console.log(
    `timer idle${plain ? ' (--plain)' : ''}: ${r.cpuMs.toFixed(0)} ms CPU in ${r.seconds.toFixed(1)} s = ${r.cpuPercent.toFixed(2)}% of one core; ` +
      `RSS ${((r.rssBytes ?? 0) / 1048576).toFixed(1)} MB; ${r.bytesPerSecond.toFixed(0)} B/s written to the terminal`,
  );
}
