import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { KEY, PtySession } from '../helpers/pty.js';

const NOTE_FIXTURE = fileURLToPath(new URL('../fixtures/phase-with-note.mjs', import.meta.url));

// Never opened: the standalone timer needs no database.
const env = { INTERVISIE_DB: '/nonexistent/never.db' };

/** The terminal is given back: normal screen and a visible cursor after the last time they were taken. */
function expectRestored(output: string): void {
  expect(output.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(output.lastIndexOf('\u001b[?1049h'));
  expect(output.lastIndexOf('\u001b[?25h')).toBeGreaterThan(output.lastIndexOf('\u001b[?25l'));
}

/** Wait until the emulated screen itself (not just the raw output) shows `match`. */
async function onScreen(s: PtySession, match: RegExp | string, timeout = 10_000): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const screen = s.screen();
    if (typeof match === 'string' ? screen.includes(match) : match.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`Screen never showed ${String(match)}:\n${screen}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('intervisie timer in a real terminal', () => {
  it('counts down into overtime; space pauses, + adds a minute, q leaves with the terminal restored', async () => {
    const s = new PtySession(['timer', '3s', '--label', 'Rondje'], { env, cols: 80, rows: 24 });
    await onScreen(s, 'Rondje');
    await onScreen(s, 'spatie pauze · +/- minuut · n klaar · q stoppen · ? hulp');
    await onScreen(s, 'De tijd is om.');
    await onScreen(s, /0:0[1-9] over de tijd/);

    s.write(KEY.space);
    const paused = await onScreen(s, /GEPAUZEERD[\s\S]*over de tijd · pauze/);
    const frozen = /(\d+:\d\d) over de tijd/.exec(paused)![1];
    // While the pause counter runs on, the time shown stays where it was.
    const later = await onScreen(s, 'pauze 0:02');
    expect(/(\d+:\d\d) over de tijd/.exec(later)![1]).toBe(frozen);

    s.write(KEY.space);
    await onScreen(s, /over de tijd · van 0:03/);
    s.write('+');
    expect(await onScreen(s, 'van 1:03')).toMatch(/nog 0:[45]\d · van 1:03/);

    s.write('q');
    expect(await s.exited).toBe(0);
    expectRestored(s.output);
    expect(await onScreen(s, 'Rondje · Klaar')).toMatch(/Rondje · Klaar: 0:0\d gebruikt van 1:03\.\s+Gepauzeerd: 0:0[2-9]\./);
  });

  it('asks before finishing with n, and shows the keys with ?', async () => {
    const s = new PtySession(['timer', '5m'], { env, cols: 80, rows: 24 });
    await onScreen(s, 'van 5:00');
    s.write('?');
    expect(await onScreen(s, 'Toetsen')).toContain('+: een minuut erbij');
    s.write('x');
    s.write('n');
    await onScreen(s, 'Klaar met deze timer? j = ja, n = nee');
    s.write('j');
    expect(await s.exited).toBe(0);
    expectRestored(s.output);
  });

  it('stays readable at 40 columns and redraws after a resize', async () => {
    const s = new PtySession(['timer', '1h15m', '--label', 'Een heel lange naam voor een ronde die niet past'], { env, cols: 40, rows: 24 });
    const lines = (await onScreen(s, /van 1:15:00[\s\S]*\? hulp/)).split('\n');
    expect(lines.every((l) => [...l].length <= 40)).toBe(true);
    expect(lines[0]).toMatch(/…$/);
    expect(lines[lines.length - 1]).toMatch(/\? hulp$/);
    expect(s.screen()).toContain('█');
    s.pty.resize(30, 10);
    s.term.resize(30, 10);
    // Too small for the big digits: the time is shown as text and the key line still ends the screen.
    await onScreen(s, /^\s+1:14:\d\d\s*$/m);
    expect(s.screen().split('\n')[9]).toMatch(/\? hulp$/);
    s.write('q');
    expect(await s.exited).toBe(0);
  });

  it('gives the terminal back and exits 130 on Ctrl-C', async () => {
    const s = new PtySession(['timer', '2m'], { env });
    await s.waitFor('van 2:00');
    s.write(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expectRestored(s.output);
    expect(s.since(0)).toContain('Gestopt.');
  });

  it('gives the terminal back when it is terminated (SIGTERM)', async () => {
    const s = new PtySession(['timer', '2m'], { env });
    await s.waitFor('van 2:00');
    s.kill('SIGTERM');
    await s.exited;
    expectRestored(s.output);
  });

  it('writes plain lines with --plain: no cursor movement, no colour', async () => {
    const s = new PtySession(['timer', '3s', '--plain', '--quiet', '--label', 'Check-in'], { env });
    await s.waitFor('De tijd is om; de overtijd loopt.');
    s.write(KEY.space);
    await s.waitFor('Gepauzeerd.');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(s.output).not.toMatch(/[\u001b\u0007]/);
    // The summary names the pause only when it lasted a second or more.
    const lines = s.output.replace(/\r/g, '').split('\n').filter((l) => !/^Gepauzeerd: 0:0\d\.$/.test(l));
    expect(lines).toEqual([
      'Check-in: 3 seconden.',
      'Toetsen: spatie pauze, + en - een minuut, q stoppen, ? hulp.',
      'De tijd is om; de overtijd loopt.',
      'Gepauzeerd.',
      expect.stringMatching(/^Verder, \+0:0\d\.$/),
      expect.stringMatching(/^Check-in · Klaar: 0:0\d gebruikt van 0:03\.$/),
      '',
    ]);
  });
});

describe('the phase screen with a note prompt', () => {
  it('keeps the clock running and visible above the prompt, then takes the keys back', async () => {
    const s = new PtySession([], { script: NOTE_FIXTURE, cols: 80, rows: 24 });
    await onScreen(s, 't notitie');
    s.write('t');
    const asking = await onScreen(s, /\? Notitie \(nog [12]:\d\d\)/);
    const clockRow = (screen: string) => /nog (\d:\d\d) · van 2:00/.exec(screen)?.[1];
    const before = clockRow(asking);
    expect(before).toBeDefined();
    s.write('Iris herkent het patroon');
    // The countdown above the prompt moves on while the note is typed.
    const moved = await onScreen(s, new RegExp(`nog (?!${before})\\d:\\d\\d · van 2:00[\\s\\S]*Iris herkent het patroon`));
    expect(moved).toContain('Bijeenkomst: nog 90 min');
    s.write(KEY.enter);
    await onScreen(s, 'spatie pauze · +/- minuut · n volgende · t notitie · q stoppen · ? hulp');
    s.write('+');
    await onScreen(s, 'van 3:00');
    s.write('q');
    expect(await s.exited).toBe(0);
    expect(s.since(0)).toContain('result quit notes=["Iris herkent het patroon"]');
    expectRestored(s.output);
  });

  it('gives the terminal back and stops on Ctrl-C inside the note prompt', async () => {
    const s = new PtySession([], { script: NOTE_FIXTURE, cols: 80, rows: 24 });
    await onScreen(s, 't notitie');
    s.write('t');
    await onScreen(s, '? Notitie');
    s.write(KEY.ctrlC);
    expect(await s.exited).toBe(130);
    expect(s.since(0)).toContain('error InterruptedError');
    expectRestored(s.output);
    expect(s.output.lastIndexOf('\u001b[r')).toBeGreaterThan(s.output.lastIndexOf('\u001b[10;24r'));
  });
});
