import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InterruptedError } from '../../src/errors.js';
import { runPhaseScreen, type PhaseEvent, type PhaseScreenOptions } from '../../src/ui/phase-screen.js';
import { testCtx } from '../helpers/ctx.js';

// The screen never opens the database; a path that cannot exist proves it.
const NO_DB = '/nonexistent/never-opened.db';
const flush = () => new Promise<void>((r) => setImmediate(r));

function setup(o: { plain?: boolean; tty?: boolean } = {}) {
  const t = testCtx({ db: NO_DB });
  const ctx = { ...t.ctx, plain: o.plain ?? true };
  if (o.tty) {
    t.stdout.isTTY = true;
    (t.stdout as unknown as { rows: number }).rows = 24;
  }
  const stdin = ctx.stdin as PassThrough;
  const events: PhaseEvent[] = [];
  const press = async (keys: string) => {
    await flush();
    stdin.write(keys);
    await flush();
  };
  const start = (opts: Partial<PhaseScreenOptions> = {}) =>
    runPhaseScreen(ctx, { label: '3/5 Bewustwording', plannedSeconds: 180, quiet: false, onEvent: (e) => events.push(e), ...opts });
  return { ...t, ctx, events, press, start };
}

describe('the phase screen in --plain mode', () => {
  it('writes one line at the start, one a minute, and the signals as lines', async () => {
    const s = setup();
    const done = s.start({ purpose: 'Ieder zegt wat de casus bij hem of haar oproept.', rules: ['Geen adviezen nog.'] });
    s.clock.advance(60_000);
    s.clock.advance(60_000);
    s.clock.advance(60_000);
    s.clock.advance(125_000);
    await s.press('q');
    const result = await done;
    expect(s.stdout.text.split('\n')).toEqual([
      '3/5 Bewustwording: 3 minuten.',
      'Ieder zegt wat de casus bij hem of haar oproept.',
      '- Geen adviezen nog.',
      'nog 2 minuten',
      'Nog één minuut.',
      'De tijd is om; de overtijd loopt.',
      '1 minuut over de tijd',
      '2 minuten over de tijd',
      '',
    ]);
    expect(s.stdout.text).not.toMatch(/\u001b/);
    expect(result).toEqual({ action: 'quit', plannedSeconds: 180, elapsedSeconds: 305, pausedSeconds: 0, overtimeSeconds: 125 });
    expect(s.events).toEqual([
      { type: 'signal', kind: 'soon' },
      { type: 'signal', kind: 'zero' },
    ]);
  });

  it('pauses, adds a minute and goes to the next phase after confirming', async () => {
    const s = setup();
    const done = s.start();
    s.clock.advance(20_000);
    await s.press(' ');
    s.clock.advance(30_000);
    await s.press(' ');
    await s.press('+');
    await s.press('n');
    await s.press('x'); // anything but yes cancels
    s.clock.advance(10_000);
    await s.press('n');
    await s.press('j');
    const result = await done;
    expect(result).toEqual({ action: 'next', plannedSeconds: 240, elapsedSeconds: 30, pausedSeconds: 30, overtimeSeconds: 0 });
    expect(s.events).toEqual([
      { type: 'pause', at: new Date('2026-11-24T18:30:20Z') },
      { type: 'resume', at: new Date('2026-11-24T18:30:50Z'), pausedSeconds: 30 },
      { type: 'adjust', deltaSeconds: 60, plannedSeconds: 240 },
    ]);
    expect(s.stdout.text).toContain('Gepauzeerd.\nVerder, nog 2:40.\nEen minuut erbij, nog 3:40.\nNaar de volgende stap? j = ja, n = nee\n');
  });

  it('continues a resumed phase with its true remaining time', async () => {
    const s = setup();
    const done = s.start({ plannedSeconds: 600, elapsedSeconds: 550, pausedSeconds: 40 });
    s.clock.advance(50_000);
    await s.press('q');
    expect(await done).toEqual({ action: 'quit', plannedSeconds: 600, elapsedSeconds: 600, pausedSeconds: 40, overtimeSeconds: 0 });
    expect(s.stdout.text.split('\n').slice(0, 2)).toEqual(['3/5 Bewustwording: nog 0:50.', 'De tijd is om; de overtijd loopt.']);
  });

  it('lets the caller ask for a note while the clock keeps running', async () => {
    const s = setup();
    let shown = '';
    const done = s.start({
      onNote: async (remaining) => {
        s.clock.advance(60_000);
        shown = remaining();
        s.clock.advance(65_000);
      },
    });
    s.clock.advance(10_000);
    await s.press('t');
    await flush();
    await s.press('q');
    const result = await done;
    expect(shown).toBe('nog 1:50');
    expect(result.elapsedSeconds).toBe(135);
    // The minute lines that came due while the note was typed follow after it, not inside it.
    expect(s.stdout.text).toContain('nog 2 minuten\nNog één minuut.\n');
  });

  it('stops on Ctrl-C with an InterruptedError', async () => {
    const s = setup();
    const done = s.start().catch((e: unknown) => e);
    await s.press('\u0003');
    expect(await done).toBeInstanceOf(InterruptedError);
  });
});

describe('the phase screen on a terminal', () => {
  it('draws on the alternate screen, redraws only when the time shown changes, and restores the terminal', async () => {
    const s = setup({ plain: false, tty: true });
    const done = s.start({
      meeting: { plannedEnd: new Date('2026-11-24T20:30:00Z'), scheduleDeltaSeconds: () => -180 },
      rules: ['Vraag door, geef nog geen advies.'],
    });
    const first = s.stdout.text;
    expect(first.startsWith('\u001b[?1049h\u001b[?25l')).toBe(true);
    expect(first).toContain('3/5 Bewustwording');
    expect(first).toContain('nog 3:00 · van 3:00');
    expect(first).toContain('Bijeenkomst: nog 120 min, tot 21:30 · 3 min achter op schema');
    expect(first).toContain('• Vraag door, geef nog geen advies.');
    s.clock.advance(250);
    s.clock.advance(250);
    expect(s.stdout.text).toBe(first);
    s.clock.advance(500);
    const second = s.stdout.text.slice(first.length);
    expect(second).toContain('nog 2:59');
    expect(second).not.toContain('3/5 Bewustwording');
    await s.press('q');
    await done;
    expect(s.stdout.text.endsWith('\u001b[?1049l\u001b[?25h')).toBe(true);
  });
});

describe('the roles on the phase screen', () => {
  it('shows who does what under the rules, with escape sequences in names neutralised', async () => {
    const s = setup({ plain: false, tty: true });
    (s.stdout as unknown as { rows: number }).rows = 40;
    const done = s.start({
      rules: ['Vraag door, geef nog geen advies.'],
      roles: ['Carla\u001b]0;gekaapt\u0007: Vertelt de situatie en stelt de werkvraag.', 'De anderen: Luisteren en schrijven op wat hun opvalt.'],
    });
    const first = s.stdout.text;
    expect(first).toContain('De anderen: Luisteren en schrijven op wat hun opvalt.');
    expect(first).toMatch(/Carla.*: Vertelt de situatie en stelt de werkvraag\./);
    expect(first).not.toContain('\u001b]0;gekaapt');
    await s.press('q');
    await done;
  });
});

describe('untrusted text on the phase screen', () => {
  // Phase titles, purposes and rules come from method files a user may have written or received.
  const HOSTILE = 'Eva\u001b]0;pwned\u0007\u001b]8;;http://x\u001b\\link\u009b31m\u202eX';

  it('neutralises escape sequences in the label, purpose and rules, on a terminal and in --plain', async () => {
    for (const plain of [false, true]) {
      const s = setup({ plain, tty: !plain });
      const done = s.start({ label: `1/5 ${HOSTILE}`, purpose: HOSTILE, rules: [HOSTILE], roles: [HOSTILE], quiet: true });
      s.clock.advance(1000);
      await s.press('q');
      await done;
      const out = s.stdout.text;
      expect(out).toContain('Eva␛]0;pwned');
      // Only the screen's own sequences (CSI cursor and colour codes) remain: no OSC, BEL, C1 or bidi.
      expect(out).not.toMatch(/\u001b\]|\u0007|[\u0080-\u009f]|\u202e/u);
    }
  });
});

describe('renderPlan', () => {
  it('shows the new plan with the change per phase and the end time', async () => {
    const { renderPlan } = await import('../../src/ui/plan-table.js');
    const { ctx } = testCtx({ db: NO_DB });
    const text = renderPlan(
      ctx,
      [
        { label: '4/5 Adviezen', seconds: 16 * 60, previousSeconds: 20 * 60 },
        { label: '5/5 Afsluiting', seconds: 8 * 60, previousSeconds: 8 * 60 },
        { label: 'Pauze', seconds: 90 },
      ],
      new Date('2026-11-24T20:30:00Z'),
    );
    expect(text.split('\n')).toEqual([
      'Stap            Tijd    Verschil',
      '──────────────  ──────  ────────',
      '4/5 Adviezen    16 min  −4 min',
      '5/5 Afsluiting  8 min',
      'Pauze           1:30',
      'Einde om 21:30.',
    ]);
  });
});
