import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../helpers/cli.js';
import { dumpDb } from '../helpers/db-dump.js';
import { adviceAndEvaluation, analysisPhases, arrival, Chair, checkCommon, closing, group, inventoryToPlan, query } from '../helpers/meeting-script.js';
import { KEY, PtySession } from '../helpers/pty.js';
import { tempDb } from '../helpers/tmp.js';

/** The built binary as a second process, without waiting for it: it runs while the meeting writes. */
function runAsync(args: string[], db: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C.UTF-8', TZ: 'Europe/Amsterdam', NO_COLOR: '1', INTERVISIE_DB: db },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

interface HistoryJson {
  meetings: { status: string; group: string; present: number; caseTitles: string[] }[];
}

interface ReportJson {
  members: { member: string; meetings: number }[];
}

/** report --json and history --json from another process: exit 0 and well-formed output. */
async function readers(db: string): Promise<{ history: HistoryJson; report: ReportJson; table: string }> {
  const [h, r, t] = await Promise.all([runAsync(['history', '--json'], db), runAsync(['report', '--json'], db), runAsync(['history'], db)]);
  for (const x of [h, r, t]) {
    expect(x.stderr).toBe('');
    expect(x.code).toBe(0);
  }
  return { history: JSON.parse(h.stdout) as HistoryJson, report: JSON.parse(r.stdout) as ReportJson, table: t.stdout };
}

describe('a meeting running in one terminal while other commands use the same database', () => {
  it('report and history work during the meeting, a second start or resume is refused, and the meeting completes', async () => {
    const db = tempDb();
    group(db, '5-stappen');
    const s = new PtySession(['start'], { db, cols: 100, rows: 32 });
    const c = new Chair(s);
    await arrival(c);
    // Readers start right as each answer is typed, so they overlap the meeting's writes.
    for (const name of ['Anna', 'Bram', 'Carla', 'Daan']) {
      await c.answer(`${name}, hoe zit je erbij?`, `check-in van ${name}\r`);
      const { history } = await readers(db);
      expect(history.meetings).toHaveLength(1);
      expect(history.meetings[0]).toMatchObject({ status: 'running', group: 'Coaches', present: 4 });
    }
    await inventoryToPlan(c);

    // Mid-meeting: the first phase's clock runs, and everything so far is in the file.
    await c.wait('Fase 1 van 5: Probleeminventarisatie');
    await c.answer('Druk op Enter om de klok te starten', KEY.enter);
    await c.wait('n volgende');
    expect(query(db, "SELECT count(*) AS n FROM phase_runs WHERE started_at IS NOT NULL AND ended_at IS NULL")).toEqual([{ n: 1 }]);

    const { history, report, table } = await readers(db);
    expect(history.meetings).toEqual([expect.objectContaining({ status: 'running', caseTitles: ['Grenzen stellen'] })]);
    // A running meeting does not count yet: four members, no hours.
    expect(report.members.map((m) => [m.member, m.meetings]).sort()).toEqual([
      ['Anna', 0],
      ['Bram', 0],
      ['Carla', 0],
      ['Daan', 0],
    ]);
    expect(table).toContain('Grenzen stellen');

    // Another window tries to run the same group's meeting: one clear line, nothing changed.
    const before = dumpDb(db);
    for (const args of [['start'], ['resume'], ['start', '--group', 'Coaches']]) {
      const r = runCli(args, { db });
      expect(r.code).not.toBe(0);
      expect(r.stderr.trimEnd().split('\n')).toEqual(["✖ Er loopt al een bijeenkomst van 'Coaches' in een ander venster. Ga daar verder, of sluit dat venster eerst."]);
    }
    expect(dumpDb(db)).toBe(before);

    // The meeting in the first window goes on as if nothing happened.
    await c.answer('n volgende', 'n');
    await c.answer('Naar de volgende stap?', 'j');
    await analysisPhases(c, { question: 'Hoe zeg ik nee tegen extra sessies?', analysis: 'Wat gebeurde er precies?', newQuestion: 'Wat maakt nee zeggen moeilijk?' });
    await adviceAndEvaluation(c, ['Anna', 'Carla', 'Daan']);
    await closing(c);
    expect(await s.exited).toBe(0);
    checkCommon(db);
    expect(query(db, 'SELECT checkin FROM attendance ORDER BY checkin')).toEqual(['Anna', 'Bram', 'Carla', 'Daan'].map((n) => ({ checkin: `check-in van ${n}` })));
    const d = new Database(db, { readonly: true });
    try {
      expect(d.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      d.close();
    }
    // Afterwards the same commands see the completed meeting.
    const after = await readers(db);
    expect(after.history.meetings).toEqual([expect.objectContaining({ status: 'completed' })]);
  }, 180_000);
});
