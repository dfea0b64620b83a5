// `npm run bench`: how fast intervisie feels, measured on synthetic histories with a fixed seed.
// Usage: npm run bench [-- --quick] [--runs N] [--idle SECONDS] [--sizes small,medium,large]
//                      [--import MEETINGS] [--only startup,report,html,import,idle,memory,size] [--out FILE] [--keep]
// Needs the build (dist/), which `npm install` makes. See docs/benchmarks.md for how to read it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, loadavg, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'intervisie.js');
const MAXRSS = fileURLToPath(new URL('./lib/maxrss.cjs', import.meta.url));
const CPUTIME = fileURLToPath(new URL('./lib/cputime.cjs', import.meta.url));

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    idle: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string' },
    sizes: { type: 'string' },
    import: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const quick = opt.quick;
const RUNS = Number(opt.runs ?? (quick ? 3 : 7));
const IDLE_SECONDS = Number(opt.idle ?? (quick ? 10 : 60));
const PARTS = ['startup', 'report', 'html', 'import', 'idle', 'memory', 'size'];
const only = new Set(opt.only ? opt.only.split(',') : PARTS);
for (const p of only) if (!PARTS.includes(p)) fail(`unknown part "${p}" (parts: ${PARTS.join(', ')})`);
const OUT = opt.out ?? join(root, 'bench', 'results.json');

// Sizes of the synthetic histories (meetings = groups × years × 20).
const SIZES = {
  small: { groups: 1, years: 2 },
  medium: { groups: 20, years: 5 },
  large: { groups: 100, years: 10 },
};
const sizes = opt.sizes ? opt.sizes.split(',') : quick ? ['small', 'medium'] : ['small', 'medium', 'large'];
for (const s of sizes) if (!SIZES[s]) fail(`unknown size "${s}" (sizes: ${Object.keys(SIZES).join(', ')})`);
const IMPORT_MEETINGS = Number(opt.import ?? (quick ? 1_000 : 10_000));
if (!(IMPORT_MEETINGS >= 10)) fail('--import needs a number of meetings (at least 10)');

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

if (!existsSync(join(root, 'dist', 'main.js'))) fail('no build found: run `npm run build` first');
const { Store } = await import('../dist/store/store.js');
const { systemClock } = await import('../dist/clock.js');
const { generateHistory } = await import('./generate-history.mjs');

const dir = mkdtempSync(join(tmpdir(), 'intervisie-bench-'));
const baseEnv = { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C.UTF-8', NO_COLOR: '1', INTERVISIE_LANG: 'nl', INTERVISIE_DB: join(dir, 'none.db') };
const results = {
  when: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
    os: `${platform()} ${release()}`,
    node: process.version,
  },
  runsPerMeasurement: RUNS,
  histories: {},
  startup: null,
  report: null,
  html: null,
  import: null,
  idleTimer: null,
  memory: null,
  dbSize: null,
  notAvailable: [],
};

// ---- helpers ---------------------------------------------------------------------------

/** Median and spread of a list of numbers (ms). */
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const round = (x) => Math.round(x * 10) / 10;
  return { median: round(median), min: round(s[0]), max: round(s.at(-1)), runs: s.length };
}

/** One whole process, timed from spawn to exit. */
function runOnce(args, { env = {}, node = [] } = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...node, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...baseEnv, ...env },
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`\`${args.slice(1).join(' ') || args.join(' ')}\` exited with ${r.status}: ${(r.stderr || '').trim().slice(0, 400)}`);
  return { ms, stdout: r.stdout };
}

/** The CLI as a whole process, `runs` times, after one warm-up run (file cache). */
function timeCli(args, { runs = RUNS, env } = {}) {
  runOnce([BIN, ...args], { env });
  const times = [];
  for (let i = 0; i < runs; i++) times.push(runOnce([BIN, ...args], { env }).ms);
  return stats(times);
}

/**
 * Short commands (node arguments per name) timed in turns, `runs` rounds after one warm-up
 * round, so that a burst of load from elsewhere hits every command alike: wall time of each
 * process, and, in separate runs, its CPU time (user + system, read at exit through a preload),
 * which is steadier than wall time when other processes share the cores.
 */
function interleaved(cases, runs = RUNS) {
  const file = join(dir, 'cpu.txt');
  const cpuOnce = (args) => {
    runOnce(args, { node: ['--require', CPUTIME], env: { BENCH_CPU_FILE: file } });
    return Number(readFileSync(file, 'utf8')) / 1000;
  };
  const names = Object.keys(cases);
  const wall = Object.fromEntries(names.map((n) => [n, []]));
  const cpu = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -1; round < runs; round++) {
    for (const n of names) {
      const ms = runOnce(cases[n]).ms;
      const cpuMs = cpuOnce(cases[n]);
      if (round >= 0) {
        wall[n].push(ms);
        cpu[n].push(cpuMs);
      }
    }
  }
  const summary = (m) => Object.fromEntries(names.map((n) => [n, stats(m[n])]));
  return { wall: summary(wall), cpu: summary(cpu) };
}

/** Peak resident memory of a whole CLI process (getrusage maxrss, read at exit). */
function peakRss(args, runs) {
  const peaks = [];
  for (let i = 0; i < runs; i++) {
    const file = join(dir, `maxrss-${i}.txt`);
    runOnce([BIN, ...args], { node: ['--require', MAXRSS], env: { BENCH_MAXRSS_FILE: file } });
    peaks.push(Number(readFileSync(file, 'utf8')) / 1048576);
  }
  return stats(peaks);
}

let commands = null;
/** Whether this build has a command (read from the root help); a missing one is skipped with a note. */
function has(command) {
  if (!commands) {
    const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: { ...baseEnv, INTERVISIE_LANG: 'en' } });
    commands = new Set([...r.stdout.matchAll(/^ {2}([a-z][\w-]*)(?= |$)/gm)].map((m) => m[1]));
  }
  return commands.has(command);
}

function skip(part, command) {
  console.log(`  ${part}: not available yet (no \`intervisie ${command}\` in this build)`);
  results.notAvailable.push({ part, command });
}

function section(title) {
  console.log(`\n${title}`);
}

const fmtMs = (s) => `${String(Math.round(s.median)).padStart(6)} ms  (${Math.round(s.min)}–${Math.round(s.max)}, n=${s.runs})`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

function dbBytes(path) {
  return statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
}

/** A synthetic history, written in one transaction straight into a migrated database. */
function makeHistory(name, o) {
  const path = join(dir, `${name}.db`);
  const store = Store.open(path, systemClock);
  const t0 = performance.now();
  const totals = generateHistory(store.db, { seed: 42, ...o });
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  const ms = performance.now() - t0;
  const bytes = dbBytes(path);
  results.histories[name] = { ...o, ...totals, bytes, generateMs: Math.round(ms) };
  console.log(
    `  ${name.padEnd(7)} ${String(totals.groups).padStart(3)} groups, ${String(totals.meetings).padStart(6)} meetings, ` +
      `${String(totals.attendance).padStart(7)} attendance, ${String(totals.notes).padStart(7)} notes, ${mb(bytes).padStart(9)}  (${(ms / 1000).toFixed(1)} s)`,
  );
  return path;
}

// ---- the suite -------------------------------------------------------------------------

console.log(`intervisie bench (${results.mode}): ${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}, load ${results.machine.loadAverageAtStart.join(' ')}`);
console.log(`${RUNS} runs per measurement after one warm-up run; median (min–max).`);

try {
  section('Synthetic histories (seed 42)');
  const needHistories = ['startup', 'report', 'html', 'memory', 'size'].some((p) => only.has(p));
  const dbs = {};
  if (needHistories) for (const size of sizes) dbs[size] = makeHistory(size, SIZES[size]);

  if (only.has('startup')) {
    section('Startup (whole process)');
    const { wall, cpu } = interleaved({
      nodeBare: ['-e', '0'],
      version: [BIN, '--version'],
      help: [BIN, '--help'],
      groupList: [BIN, '--db', dbs.small, 'group', 'list'],
    });
    const { nodeBare: node, help, version, groupList } = wall;
    const ratio = (s, base) => Number((s.median / base.median).toFixed(2));
    cpu.helpRatio = ratio(cpu.help, cpu.nodeBare);
    cpu.versionRatio = ratio(cpu.version, cpu.nodeBare);
    cpu.groupListRatio = ratio(cpu.groupList, cpu.nodeBare);
    results.startup = {
      nodeBare: node,
      help,
      version,
      groupList,
      helpRatio: ratio(help, node),
      versionRatio: ratio(version, node),
      groupListRatio: ratio(groupList, node),
      cpu,
    };
    const row = (label, wall, cpuStats, r) =>
      console.log(`  ${label.padEnd(21)}${fmtMs(wall)}${r === null ? '      ' : `  ${r.toFixed(2)}x`}   cpu ${fmtMs(cpuStats)}${r === null ? '' : `  ${ratio(cpuStats, cpu.nodeBare).toFixed(2)}x`}`);
    console.log('  (wall time, then CPU time user + system; ratios to node -e 0)');
    row('node -e 0', node, cpu.nodeBare, null);
    row('intervisie --version', version, cpu.version, results.startup.versionRatio);
    row('intervisie --help', help, cpu.help, results.startup.helpRatio);
    row('intervisie group list', groupList, cpu.groupList, results.startup.groupListRatio);
    console.log(`  target: --help ≤ 1.5x → ${results.startup.helpRatio <= 1.5 ? 'met' : 'missed'} (wall), ${cpu.helpRatio <= 1.5 ? 'met' : 'missed'} (cpu)`);
  }

  if (only.has('report')) {
    section('report --json over all history (whole process)');
    if (!has('report')) skip('report', 'report');
    else {
      results.report = {};
      for (const size of sizes) {
        const s = timeCli(['--db', dbs[size], 'report', '--json']);
        const meetings = results.histories[size].meetings;
        results.report[size] = { ...s, meetings, msPerThousandMeetings: Number(((s.median / meetings) * 1000).toFixed(1)) };
        console.log(`  ${size.padEnd(7)} ${String(meetings).padStart(6)} meetings ${fmtMs(s)}`);
      }
      const first = results.report[sizes[0]];
      const last = results.report[sizes.at(-1)];
      if (sizes.length > 1) {
        const growth = {
          meetingsFactor: Number((last.meetings / first.meetings).toFixed(1)),
          timeFactor: Number((last.median / first.median).toFixed(1)),
        };
        results.report.growth = growth;
        console.log(`  ${sizes.at(-1)} vs ${sizes[0]}: ${growth.meetingsFactor}x the meetings took ${growth.timeFactor}x the time (linear or better: time factor ≤ meetings factor)`);
      }
      if (results.report.large) console.log(`  target: large < 300 ms → ${results.report.large.median < 300 ? 'met' : 'missed'}`);
    }
  }

  if (only.has('html')) {
    section('report --html for one member over 5 years (medium history)');
    if (!has('report')) skip('html', 'report');
    else {
      // The medium history spans 5 years; a shorter run uses the longest one it has.
      const size = sizes.includes('medium') ? 'medium' : sizes.at(-1);
      const store = Store.open(dbs[size], systemClock);
      const who = store.db
        .prepare('SELECT g.name AS grp, m.name AS member FROM members m JOIN groups g ON g.id = m.group_id ORDER BY g.name, m.name LIMIT 1')
        .get();
      store.close();
      const file = join(dir, 'report.html');
      const s = timeCli(['--db', dbs[size], 'report', '--group', who.grp, '--member', who.member, '--last', '5y', '--html', file]);
      results.html = { ...s, history: size, bytes: statSync(file).size };
      console.log(`  one member         ${fmtMs(s)}  ${(results.html.bytes / 1024).toFixed(0)} KiB of HTML`);
    }
  }

  if (only.has('import')) {
    section(`import of a ${IMPORT_MEETINGS.toLocaleString('en')}-meeting bundle (whole process)`);
    if (!has('export') || !has('import')) skip('import', has('export') ? 'import' : 'export');
    else {
      // One group whose history holds the bundle's meetings, exported the ordinary way.
      const source = makeHistory('bundle', { groups: 1, years: 10, meetingsPerYear: IMPORT_MEETINGS / 10 });
      const bundle = join(dir, 'bundle.json');
      const exported = [];
      const first = [];
      const again = [];
      const cpu = { exported: [], first: [], again: [] };
      // Wall time and, next to it, the CPU time of the process (steadier on a busy machine).
      const timed = (args, into, cpuInto) => {
        const file = join(dir, 'cpu.txt');
        into.push(runOnce(args, { node: ['--require', CPUTIME], env: { BENCH_CPU_FILE: file } }).ms);
        cpuInto.push(Number(readFileSync(file, 'utf8')) / 1000);
      };
      const importRuns = Math.max(1, Math.min(RUNS, quick ? 2 : 3));
      for (let i = 0; i < importRuns; i++) {
        timed([BIN, '--db', source, 'export', '-o', bundle], exported, cpu.exported);
        const target = join(dir, `import-${i}.db`);
        timed([BIN, '--db', target, 'import', bundle], first, cpu.first);
        timed([BIN, '--db', target, 'import', bundle], again, cpu.again);
      }
      results.import = {
        meetings: IMPORT_MEETINGS,
        bundleBytes: statSync(bundle).size,
        export: stats(exported),
        first: stats(first),
        again: stats(again),
        cpu: { export: stats(cpu.exported), first: stats(cpu.first), again: stats(cpu.again) },
      };
      const cpuMs = (s) => `CPU ${Math.round(s.median)} ms`;
      console.log(`  bundle: ${mb(results.import.bundleBytes)}`);
      console.log(`  export                 ${fmtMs(results.import.export)}   ${cpuMs(results.import.cpu.export)}`);
      console.log(`  into an empty database ${fmtMs(results.import.first)}   ${cpuMs(results.import.cpu.first)}   (target for 10,000: < 5 s)`);
      console.log(`  again, nothing new     ${fmtMs(results.import.again)}   ${cpuMs(results.import.cpu.again)}   (target for 10,000: < 2 s)`);
    }
  }

  if (only.has('memory')) {
    const size = sizes.at(-1);
    section(`Peak memory of report --json (${size} history)`);
    if (!has('report')) skip('memory', 'report');
    else {
      const s = peakRss(['--db', dbs[size], 'report', '--json'], quick ? 2 : 3);
      results.memory = { history: size, peakRssMB: s };
      console.log(`  peak RSS ${s.median.toFixed(1)} MB  (${s.min.toFixed(1)}–${s.max.toFixed(1)}, n=${s.runs})   (target on large: < 150 MB)`);
    }
  }

  if (only.has('size')) {
    section('Database size');
    results.dbSize = {};
    for (const size of sizes) {
      const h = results.histories[size];
      results.dbSize[size] = { bytes: h.bytes, bytesPerMeeting: Math.round(h.bytes / h.meetings) };
      console.log(`  ${size.padEnd(7)} ${mb(h.bytes).padStart(9)}  ${String(results.dbSize[size].bytesPerMeeting).padStart(6)} bytes per meeting (with its attendance, case, phases, notes)`);
    }
  }

  if (only.has('idle')) {
    section(`Idle timer (\`intervisie timer 30m\` in a pseudo-terminal, ${IDLE_SECONDS} s)`);
    if (!has('timer')) skip('idle', 'timer');
    else {
      const { measureIdleTimer, measureIdleBaseline } = await import('./timer-idle.mjs');
      const r = await measureIdleTimer(IDLE_SECONDS);
      const base = await measureIdleBaseline(IDLE_SECONDS);
      results.idleTimer = {
        seconds: Number(r.seconds.toFixed(1)),
        cpuMs: Math.round(r.cpuMs),
        cpuPercent: Number(r.cpuPercent.toFixed(2)),
        rssMB: r.rssBytes === null ? null : Number((r.rssBytes / 1048576).toFixed(1)),
        bytesPerSecond: Math.round(r.bytesPerSecond),
        // A bare Node process waking once a second, measured the same way on the same machine.
        baselineCpuPercent: Number(base.cpuPercent.toFixed(2)),
      };
      console.log(
        `  ${results.idleTimer.cpuMs} ms CPU in ${results.idleTimer.seconds} s = ${results.idleTimer.cpuPercent}% of one core (target < 1%), ` +
          `RSS ${results.idleTimer.rssMB} MB, ${results.idleTimer.bytesPerSecond} B/s to the terminal`,
      );
      console.log(`  yardstick: a bare node process waking once a second uses ${results.idleTimer.baselineCpuPercent}% here`);
    }
  }

  results.machine.loadAverageAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nload average at the end: ${results.machine.loadAverageAtEnd.join(' ')}; results in ${OUT}`);
  if (results.notAvailable.length) console.log(`not available yet: ${results.notAvailable.map((n) => n.part).join(', ')}`);
} finally {
  if (opt.keep) console.log(`kept the histories in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
