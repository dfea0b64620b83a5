import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp.js';

const RUN = fileURLToPath(new URL('../../bench/run.mjs', import.meta.url));
const run = promisify(execFile);

// Only that the benchmark runs from start to end and records every part; speed is its own
// business (npm run bench), so no figure is compared to anything here.
describe('npm run bench -- --quick', () => {
  it('measures every part on the smallest history and writes the results file', async () => {
    const out = join(tempDir(), 'results.json');
    const { stdout } = await run(
      process.execPath,
      [RUN, '--quick', '--runs', '1', '--sizes', 'small', '--import', '40', '--idle', '1', '--out', out],
      { encoding: 'utf8', timeout: 170_000, maxBuffer: 1 << 24 },
    );
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.mode).toBe('quick');
    expect(r.machine.cores).toBeGreaterThan(0);
    expect(r.machine.node).toBe(process.version);
    expect(r.histories.small).toMatchObject({ groups: 1, meetings: 40 });
    expect(r.histories.small.notes).toBeGreaterThan(0);
    expect(r.startup.help.runs).toBe(1);
    expect(r.startup.helpRatio).toBeGreaterThan(0);
    expect(r.startup.cpu.help.runs).toBe(1);
    expect(r.startup.cpu.helpRatio).toBeGreaterThan(0);
    expect(r.dbSize.small.bytesPerMeeting).toBeGreaterThan(0);
    expect(r.idleTimer.cpuPercent).toBeGreaterThanOrEqual(0);
    // Export and both imports are timed, each with its CPU time next to the wall time.
    if (r.import) for (const step of ['export', 'first', 'again']) expect(r.import.cpu[step].runs, step).toBe(r.import[step].runs);
    // A part whose command has not landed yet is named, never silently empty.
    const missing = new Set(r.notAvailable.map((n: { part: string }) => n.part));
    for (const [part, key] of [['report', 'report'], ['html', 'html'], ['import', 'import'], ['memory', 'memory']] as const) {
      if (!missing.has(part)) expect(r[key], part).not.toBeNull();
      else expect(stdout).toContain('not available yet');
    }
    expect(stdout).toContain('intervisie --help');
  }, 180_000);
});
