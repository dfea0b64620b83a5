import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('intervisie timer (no terminal)', () => {
  it('refuses a bad duration with one clear line and exit code 2', () => {
    for (const bad of ['5', 'vijf', '0s', '13h']) {
      const r = runCli(['timer', bad], { env: { INTERVISIE_DB: '/nonexistent/never.db' } });
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(runCli(['timer', 'vijf']).stderr.trim()).toBe("✖ 'vijf' is geen duur. Gebruik bijvoorbeeld 5m, 90s, 1h15m of 1:30.");
    expect(runCli(['--lang', 'en', 'timer', '0s']).stderr.trim()).toBe('✖ A timer lasts at least 1 second and at most 12 hours.');
  });

  it('runs line by line when piped, stops by itself at zero, and needs no database', () => {
    const r = runCli(['timer', '1s', '--label', 'Check-in'], { env: { INTERVISIE_DB: '/nonexistent/never.db' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Check-in: 1 seconde.', 'De tijd is om; de overtijd loopt.']);
    // A busy machine may need a moment past zero to notice; never less than the second itself.
    expect(lines[2]).toMatch(/^Check-in · Klaar: 0:0[12] gebruikt van 0:01\.$/);
    expect(lines).toHaveLength(4);
  });
});
