import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Ctx } from '../context.js';
import type { TimerHandle } from '../clock.js';
import { Countdown, clockFace, formatDuration, type CountdownSignal } from '../domain/countdown.js';
import { safeText } from '../domain/names.js';
import { InterruptedError } from '../errors.js';
import { bigText, bigWidth, BIG_HEIGHT } from './big-digits.js';
import { ANSI, TerminalSession } from './terminal-session.js';

export interface PhaseScreenOptions {
  /** e.g. "3/5 Bewustwording" (already translated). */
  label: string;
  /** One or two short lines. */
  purpose?: string;
  /** Short rule lines shown under the clock. */
  rules?: string[];
  /** Who does what in this phase ("Carla: tells the situation"), shown under the rules when there is room. */
  roles?: string[];
  plannedSeconds: number;
  /** Resume: active time already spent in this phase. */
  elapsedSeconds?: number;
  /** Resume: paused time already recorded. */
  pausedSeconds?: number;
  meeting?: { plannedEnd: Date; scheduleDeltaSeconds: () => number /* >0 ahead, <0 behind */ };
  /** No bell; visual signals stay. */
  quiet: boolean;
  /**
   * Key 't': the caller asks its own questions via ctx.prompt while the countdown keeps running;
   * remaining() gives e.g. "nog 4:12" / "+1:05" for the prompt line.
   */
  onNote?: (remaining: () => string) => Promise<void>;
  /** Called at once on every change so the caller can persist it. */
  onEvent?: (e: PhaseEvent) => void;
  /** Standalone timer: `n` reads "done" instead of "next". */
  standalone?: boolean;
  /** Leave by itself at zero (action 'next'): for a timer without a keyboard, e.g. in a script. */
  endAtZero?: boolean;
}

export type PhaseEvent =
  | { type: 'pause'; at: Date }
  /** pausedSeconds: all paused time of this phase so far, this pause included. */
  | { type: 'resume'; at: Date; pausedSeconds: number }
  | { type: 'adjust'; deltaSeconds: number; plannedSeconds: number }
  | { type: 'signal'; kind: 'soon' | 'zero' };

export interface PhaseResult {
  action: 'next' | 'quit';
  plannedSeconds: number;
  elapsedSeconds: number;
  pausedSeconds: number;
  overtimeSeconds: number;
}

/** Rows the clock keeps while a note prompt uses the rest of the screen. */
const NOTE_CLOCK_ROWS = 9;
/** Below this height the note prompt gets the whole (normal) screen instead. */
const NOTE_MIN_HEIGHT = 20;
/** The flash at zero alternates at this pace. */
const FLASH_STEP_MS = 500;
/** How long the zero signal flashes. */
const FLASH_MS = 5000;
const BELL = '\u0007';
const CTRL_C = '\u0003';

type Mode = 'run' | 'confirm' | 'help' | 'note';

/** The live countdown of one phase: draws, reads keys, signals, and returns what happened. */
export function runPhaseScreen(ctx: Ctx, o: PhaseScreenOptions): Promise<PhaseResult> {
  const screen = new PhaseScreen(ctx, o);
  return screen.run();
}

class PhaseScreen {
  private readonly cd: Countdown;
  private readonly lineMode: boolean;
  private readonly term: TerminalSession;
  private mode: Mode = 'run';
  private timer: TimerHandle | null = null;
  private bellTimer: TimerHandle | null = null;
  private prev: string[] = [];
  private fixed: FixedRows | null = null;
  /** The planned end as HH:MM, made again only when the plan moves it. */
  private endText: { ms: number; text: string } | null = null;
  private soonShown = false;
  private zeroAt: number | null = null;
  private lastMinuteMark: number;
  private lastOverMark = 0;
  private pendingLines: string[] = [];
  /** While a note prompt runs below the clock: the first row lent to it. */
  private noteTop: number | null = null;
  private settle: { resolve: (r: PhaseResult) => void; reject: (e: unknown) => void } | null = null;
  private readonly label: string;

  constructor(
    private readonly ctx: Ctx,
    private readonly o: PhaseScreenOptions,
  ) {
    this.cd = new Countdown(ctx.clock, {
      plannedSeconds: o.plannedSeconds,
      ...(o.elapsedSeconds !== undefined ? { elapsedSeconds: o.elapsedSeconds } : {}),
      ...(o.pausedSeconds !== undefined ? { pausedSeconds: o.pausedSeconds } : {}),
    });
    this.lineMode = ctx.plain || !ctx.stdout.isTTY;
    this.term = new TerminalSession(ctx, !this.lineMode, () => this.fail(new InterruptedError()));
    this.label = safeText(o.label);
    this.lastMinuteMark = this.minutesLeft();
    this.soonShown = this.cd.remainingMs() <= 60_000 && this.cd.remainingMs() > 0;
    if (this.cd.isOvertime()) this.lastOverMark = Math.floor(this.cd.overtimeMs() / 60_000);
  }

  run(): Promise<PhaseResult> {
    return new Promise<PhaseResult>((resolve, reject) => {
      this.settle = { resolve, reject };
      try {
        this.attach();
        if (this.lineMode) this.startLines();
        this.tick();
      } catch (err) {
        this.fail(err);
      }
    });
  }

  // ---- lifecycle -------------------------------------------------------------------------

  private attach(): void {
    this.term.attach(
      (key) => this.safely(() => this.onKey(key)),
      () => this.safely(() => this.redrawAll()),
    );
    this.prev = [];
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.fail(err);
    }
  }

  private stop(): void {
    if (this.timer) this.ctx.clock.clear(this.timer);
    if (this.bellTimer) this.ctx.clock.clear(this.bellTimer);
    this.bellTimer = null;
    this.timer = null;
    this.term.restore();
  }

  private finish(action: PhaseResult['action']): void {
    if (!this.settle) return;
    if (this.cd.isPaused) this.resume();
    const s = this.settle;
    this.settle = null;
    this.stop();
    s.resolve({ action, ...this.cd.snapshot() });
  }

  private fail(err: unknown): void {
    this.stop();
    const s = this.settle;
    this.settle = null;
    s?.reject(err);
  }

  // ---- keys ------------------------------------------------------------------------------

  private onKey(key: string): void {
    if (!this.settle) return;
    if (key === CTRL_C) {
      this.fail(new InterruptedError());
      return;
    }
    if (this.mode === 'note') return;
    if (this.mode === 'help') {
      this.mode = 'run';
      this.render();
      return;
    }
    if (this.mode === 'confirm') {
      if (['j', 'J', 'y', 'Y', '\r', '\n'].includes(key)) {
        this.finish('next');
        return;
      }
      this.mode = 'run';
      this.render();
      return;
    }
    switch (key) {
      case ' ':
      case 'p':
      case 'P':
        if (this.cd.isPaused) this.resume();
        else this.pause();
        break;
      case '+':
      case '=':
        this.adjust(60);
        break;
      case '-':
      case '_':
        this.adjust(-60);
        break;
      case 'n':
      case 'N':
        this.mode = 'confirm';
        if (this.lineMode) this.say(this.o.standalone ? this.t.screen.confirmDone : this.t.screen.confirmNext);
        break;
      case 't':
      case 'T':
        if (this.o.onNote) this.note(this.o.onNote);
        return;
      case 'q':
      case 'Q':
        this.finish('quit');
        return;
      case '?':
      case 'h':
      case 'H':
        if (this.lineMode) for (const l of this.helpLines()) this.say(l);
        else this.mode = 'help';
        break;
      default:
        return;
    }
    this.render();
    // A pause or an extra minute moves the next moment the screen changes.
    this.schedule();
  }

  private pause(): void {
    if (!this.cd.pause()) return;
    this.o.onEvent?.({ type: 'pause', at: this.ctx.clock.now() });
    if (this.lineMode) this.say(this.t.plain.paused);
  }

  private resume(): void {
    if (!this.cd.isPaused) return;
    this.cd.resume();
    this.o.onEvent?.({ type: 'resume', at: this.ctx.clock.now(), pausedSeconds: Math.round(this.cd.pausedMs() / 1000) });
    if (this.lineMode && this.settle) this.say(this.t.plain.resumed(this.remainingText()));
  }

  private adjust(delta: number): void {
    const applied = this.cd.adjust(delta);
    if (applied === 0) return;
    this.o.onEvent?.({ type: 'adjust', deltaSeconds: applied, plannedSeconds: Math.round(this.cd.plannedSeconds) });
    if (this.cd.remainingMs() > 60_000) this.soonShown = false;
    if (this.cd.remainingMs() > 0) this.zeroAt = null;
    this.lastMinuteMark = this.minutesLeft();
    this.lastOverMark = Math.floor(this.cd.overtimeMs() / 60_000);
    if (this.lineMode) this.say(this.t.plain.adjusted(applied, this.remainingText()));
  }

  private note(onNote: NonNullable<PhaseScreenOptions['onNote']>): void {
    this.mode = 'note';
    const height = this.ctx.stdout.rows ?? 24;
    if (!this.lineMode && height >= NOTE_MIN_HEIGHT) {
      // The clock stays live in the top rows; the prompt gets the rows below.
      this.noteTop = NOTE_CLOCK_ROWS;
      this.term.lend(NOTE_CLOCK_ROWS, height - 1);
      this.prev = this.prev.slice(0, NOTE_CLOCK_ROWS);
      this.render();
    } else {
      this.term.suspend();
    }
    onNote(() => this.remainingText()).then(
      () => {
        if (!this.settle) return;
        this.mode = 'run';
        this.noteTop = null;
        this.safely(() => {
          this.attach();
          for (const l of this.pendingLines.splice(0)) this.ctx.stdout.write(`${l}\n`);
          this.render();
        });
      },
      (err: unknown) => this.fail(err),
    );
  }

  // ---- time ------------------------------------------------------------------------------

  private get t() {
    return this.ctx.t.timer;
  }

  /** "nog 4:12" while time is left, "+1:05" in overtime. */
  private remainingText(): string {
    const face = clockFace(this.cd.remainingMs());
    return face.overtime ? face.text : this.t.screen.left(face.text);
  }

  private minutesLeft(): number {
    return Math.ceil(Math.max(0, this.cd.remainingMs()) / 60_000);
  }

  private tick(): void {
    if (!this.settle) return;
    for (const s of this.cd.poll()) this.signal(s);
    if (this.lineMode) this.minuteLines();
    if (this.o.endAtZero && this.cd.remainingMs() <= 0) {
      this.finish('next');
      return;
    }
    this.render();
    this.schedule();
  }

  /**
   * Sleep until the next moment something shown can change: the next whole second of the
   * countdown (or of the pause counter), or the next step of the zero flash. An idle phase
   * therefore wakes about once a second and writes only the rows that changed.
   */
  private schedule(): void {
    if (this.timer) this.ctx.clock.clear(this.timer);
    this.timer = null;
    if (!this.settle) return;
    const remaining = this.cd.remainingMs();
    const running = this.cd.isPaused ? this.cd.pausedMs() : remaining >= 0 ? remaining : -remaining;
    // Plain lines change only on whole minutes (the signals fall on those too).
    const step = this.lineMode ? 60_000 : 1000;
    let delay = this.cd.isPaused || remaining < 0 ? step - (running % step) : running % step || step;
    if (this.zeroAt !== null) {
      const sinceZero = this.ctx.clock.monotonic() - this.zeroAt;
      if (sinceZero < FLASH_MS) delay = Math.min(delay, FLASH_STEP_MS - (sinceZero % FLASH_STEP_MS));
    }
    this.timer = this.ctx.clock.setTimeout(
      () => {
        this.timer = null;
        this.safely(() => this.tick());
      },
      Math.max(1, Math.ceil(delay)),
    );
  }

  private signal(kind: CountdownSignal): void {
    this.o.onEvent?.({ type: 'signal', kind });
    if (!this.o.quiet && this.ctx.stdout.isTTY) {
      this.ctx.stdout.write(BELL);
      // Zero is the clear signal: a second bell a moment later, distinct from the single soft one.
      if (kind === 'zero') {
        this.bellTimer = this.ctx.clock.setTimeout(() => {
          this.bellTimer = null;
          if (this.settle) this.ctx.stdout.write(BELL);
        }, 600);
      }
    }
    if (kind === 'soon') this.soonShown = true;
    if (kind === 'zero') this.zeroAt = this.ctx.clock.monotonic();
    if (this.lineMode) this.say(kind === 'soon' ? this.t.plain.soon : this.t.plain.zero);
  }

  // ---- plain lines -----------------------------------------------------------------------

  /** A line in --plain mode; held back while the caller's prompt owns the terminal. */
  private say(line: string): void {
    if (this.mode === 'note') this.pendingLines.push(line);
    else this.ctx.stdout.write(`${line}\n`);
  }

  private startLines(): void {
    const planned = Math.round(this.cd.plannedSeconds);
    const used = Math.round(this.cd.elapsedMs() / 1000);
    const shown = used > 0 ? this.remainingText() : this.t.duration(planned);
    this.say(this.t.plain.start(this.label, shown));
    if (this.o.purpose) this.say(safeText(this.o.purpose));
    for (const r of this.o.rules ?? []) this.say(`- ${safeText(r)}`);
    if (this.term.rawCapable) this.say(this.t.plain.keys);
  }

  private minuteLines(): void {
    if (this.cd.isPaused) return;
    const left = this.minutesLeft();
    if (left < this.lastMinuteMark) {
      this.lastMinuteMark = left;
      // The one-minute mark is announced by the signal itself.
      if (left >= 2) this.say(this.t.plain.minutesLeft(left));
    }
    const over = Math.floor(this.cd.overtimeMs() / 60_000);
    if (over > this.lastOverMark) {
      this.lastOverMark = over;
      this.say(this.t.plain.minutesOver(over));
    }
  }

  private helpLines(): string[] {
    const k = this.t.screen.keys;
    const lines = [
      `${k.space}: ${k.pauseLong}`,
      `+: ${k.plusLong}`,
      `-: ${k.minusLong}`,
      `n: ${this.o.standalone ? k.doneLong : k.nextLong}`,
    ];
    if (this.o.onNote) lines.push(`t: ${k.noteLong}`);
    lines.push(`q: ${this.o.standalone ? k.quitTimerLong : k.quitLong}`, `?: ${k.helpLong}`);
    return lines;
  }

  // ---- full screen -----------------------------------------------------------------------

  private redrawAll(): void {
    if (this.lineMode || this.mode === 'note') return;
    this.ctx.stdout.write(ANSI.clear);
    this.prev = [];
    this.render();
  }

  private render(): void {
    if (this.lineMode || !this.settle) return;
    if (this.mode === 'note' && this.noteTop === null) return;
    const width = Math.max(20, this.ctx.stdout.columns ?? 80);
    const height = this.noteTop ?? Math.max(8, this.ctx.stdout.rows ?? 24);
    const rows = this.layout(width, height);
    let out = '';
    for (let i = 0; i < height; i++) {
      const row = rows[i] ?? '';
      if (this.prev[i] !== row) out += ANSI.at(i) + ANSI.eraseLine + row;
    }
    this.prev = rows;
    // The prompt below owns the cursor: put it back exactly where the prompt left it.
    if (out && this.noteTop !== null) out = ANSI.saveCursor + out + ANSI.restoreCursor;
    if (out) this.ctx.stdout.write(out);
  }

  /** The whole screen as rows of (possibly coloured) text, each fitting `width`. */
  private layout(width: number, height: number): string[] {
    const c = this.ctx.out.c;
    const t = this.t.screen;
    const rows: string[] = [];
    const fit = (s: string) => truncate(s, width);
    const center = (s: string) => {
      const f = fit(s);
      return ' '.repeat(Math.max(0, Math.floor((width - [...f].length) / 2))) + f;
    };

    const remaining = this.cd.remainingMs();
    const face = clockFace(remaining);
    const paused = this.cd.isPaused;
    const now = this.ctx.clock.monotonic();
    const flashing = this.zeroAt !== null && now - this.zeroAt < FLASH_MS && Math.floor((now - this.zeroAt) / FLASH_STEP_MS) % 2 === 0;
    const paint = (s: string) => {
      if (paused) return c.dim(s);
      if (face.overtime || remaining === 0) return flashing ? c.inverse.red(s) : c.red.bold(s);
      if (this.soonShown) return c.yellow.bold(s);
      return c.bold(s);
    };

    // Header: the phase, and the pause state on the right when it fits.
    const state = paused ? t.paused : '';
    const head = fit(this.label);
    const gap = width - [...head].length - [...state].length;
    rows.push(c.bold(head) + (state && gap >= 2 ? ' '.repeat(gap) + c.yellow.bold(state) : ''));
    rows.push('');

    // The clock, in big digits when there is room for them and for the lines below.
    const body: string[] = [];
    const big = bigWidth(face.text) + 2 <= width && height >= BIG_HEIGHT + 12;
    if (big) for (const r of bigText(face.text)) body.push(paint(center(r)));
    else body.push(paint(center(face.text)));
    if (paused && !big) body.push(c.yellow.bold(center(t.paused)));
    body.push('');

    // Progress bar and the figures in words.
    const barWidth = Math.min(60, width - 4);
    if (barWidth >= 10) {
      const filled = Math.round(this.cd.progress() * barWidth);
      const bar = '█'.repeat(filled) + '░'.repeat(barWidth - filled);
      body.push(' '.repeat(Math.floor((width - barWidth) / 2)) + (face.overtime ? c.red(bar) : paused ? c.dim(bar) : c.cyan(bar)));
    }
    const planned = formatDuration(Math.round(this.cd.plannedSeconds));
    const words = face.overtime ? t.over(face.text.slice(1)) : t.left(face.text);
    const status = paused ? `${words} · ${t.pausedFor(formatDuration(Math.floor(this.cd.pausedMs() / 1000)))}` : `${words} · ${t.ofPlanned(planned)}`;
    body.push(center(status));
    if (this.o.meeting) body.push(c.dim(center(this.meetingLine(this.o.meeting))));

    // The signal in words, so it is seen without colour or sound too.
    const message = face.overtime || (this.zeroAt !== null && remaining <= 0) ? t.zero : this.soonShown ? t.soon : '';
    body.push(message ? (face.overtime ? c.red.bold(center(message)) : c.yellow.bold(center(message))) : '');

    const { details, footer } = this.fixedRows(width);
    body.push(...details);
    // Keep the footer on the last row; cut the body if the screen is short.
    const room = height - rows.length - 1;
    rows.push(...body.slice(0, Math.max(0, room)));
    while (rows.length < height - 1) rows.push('');
    rows.push(footer);
    return rows;
  }

  /**
   * The rows below the clock and the footer: they change only with the width and the mode, so
   * a running phase, which redraws every second, works them out once.
   */
  private fixedRows(width: number): FixedRows {
    const key = `${width} ${this.mode}`;
    if (this.fixed?.key === key) return this.fixed;
    const c = this.ctx.out.c;
    const t = this.t.screen;
    const fit = (s: string) => truncate(s, width);
    const details: string[] = [];
    if (this.mode === 'help') {
      details.push(c.bold(fit(`  ${t.helpTitle}`)));
      for (const l of this.helpLines()) details.push(fit(`  ${l}`));
      details.push(c.dim(fit(`  ${t.helpClose}`)));
    } else {
      if (this.o.purpose) for (const l of wrap(safeText(this.o.purpose), width - 4).slice(0, 2)) details.push(`  ${l}`);
      for (const r of this.o.rules ?? []) details.push(c.dim(fit(`  • ${safeText(r)}`)));
      // The roles matter most while the phase runs: the chair can point at the screen.
      if (this.o.roles?.length) details.push('');
      for (const r of this.o.roles ?? []) for (const l of wrap(safeText(r), width - 4).slice(0, 2)) details.push(`  ${l}`);
    }
    const footer =
      this.mode === 'note'
        ? c.dim('─'.repeat(width))
        : this.mode === 'confirm'
        ? c.inverse(fit(this.o.standalone ? t.confirmDone : t.confirmNext))
        : c.dim(fit(this.keyLine(width)));
    this.fixed = { key, details, footer };
    return this.fixed;
  }

  private meetingLine(m: NonNullable<PhaseScreenOptions['meeting']>): string {
    const t = this.t.screen;
    const endMs = m.plannedEnd.getTime();
    if (this.endText?.ms !== endMs) this.endText = { ms: endMs, text: format(new TZDate(endMs, 'Europe/Amsterdam'), 'HH:mm') };
    const end = this.endText.text;
    const leftMin = Math.round((m.plannedEnd.getTime() - this.ctx.clock.now().getTime()) / 60_000);
    const meeting = leftMin >= 0 ? t.meetingLeft(leftMin, end) : t.meetingPast(-leftMin, end);
    const delta = Math.round(m.scheduleDeltaSeconds() / 60);
    const schedule = delta > 0 ? t.ahead(delta) : delta < 0 ? t.behind(-delta) : t.onSchedule;
    return `${meeting} · ${schedule}`;
  }

  /** The key hints that fit; `? help` is always kept. */
  private keyLine(width: number): string {
    const k = this.t.screen.keys;
    const parts = [
      `${k.space} ${k.pause}`,
      `${k.plusMinus} ${k.minute}`,
      `n ${this.o.standalone ? k.done : k.next}`,
      ...(this.o.onNote ? [`t ${k.note}`] : []),
      `q ${k.quit}`,
    ];
    const help = `? ${k.help}`;
    // On a narrow screen the most needed keys win (leaving, then pausing); `?` shows the rest.
    const priority = [parts.length - 1, 0, 1, 2, 3];
    const keep = new Set<number>();
    for (const i of priority) {
      if (i >= parts.length) continue;
      const trial = parts.filter((_, j) => keep.has(j) || j === i);
      if ([...[...trial, help].join(' · ')].length <= width) keep.add(i);
    }
    return [...parts.filter((_, j) => keep.has(j)), help].join(' · ');
  }
}

interface FixedRows {
  /** Width and mode they were made for. */
  key: string;
  details: string[];
  footer: string;
}

function truncate(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && [...`${line} ${word}`].length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => truncate(l, width));
}
