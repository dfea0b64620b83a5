// Time `intervisie report` on a large synthetic history (see generate-history.mjs).
// Usage: npm run build && node bench/report-speed.mjs [path/to/db]
// Prints the history size and the wall time of the built CLI for several report formats.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../dist/clock.js';
import { Store } from '../dist/store/store.js';
import { generateHistory } from './generate-history.mjs';

const bin = fileURLToPath(new URL('../bin/intervisie.js', import.meta.url));
const db = process.argv[2] ?? join(mkdtempSync(join(tmpdir(), 'intervisie-bench-')), 'history.db');
if (!existsSync(db)) {
  const store = Store.open(db, systemClock);
  const t0 = performance.now();
  const totals = generateHistory(store.db);
  store.close();
  console.log(`generated ${JSON.stringify(totals)} in ${Math.round(performance.now() - t0)} ms at ${db}`);
}

function time(args, runs = 5) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    bytes = r.stdout.length;
  }
  times.sort((a, b) => a - b);
  return { median: Math.round(times[Math.floor(runs / 2)]), min: Math.round(times[0]), bytes };
}

const startup = time(['--version']);
console.log(`node + CLI startup (--version): median ${startup.median} ms`);
for (const args of [['report', '--json'], ['report', '--json', '--register', 'vit'], ['report'], ['report', '--csv'], ['report', '--year', '2025', '--json']]) {
  const r = time(args);
  console.log(`${args.join(' ').padEnd(36)} median ${String(r.median).padStart(5)} ms  (min ${r.min} ms, ${Math.round(r.bytes / 1024)} KiB)`);
}
