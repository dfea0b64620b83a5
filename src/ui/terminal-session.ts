import type { Ctx } from '../context.js';

const ESC = '\u001b[';
export const ANSI = {
  altOn: `${ESC}?1049h`,
  altOff: `${ESC}?1049l`,
  hideCursor: `${ESC}?25l`,
  showCursor: `${ESC}?25h`,
  clear: `${ESC}2J${ESC}H`,
  at: (row: number) => `${ESC}${row + 1};1H`,
  eraseLine: `${ESC}2K`,
  /** Limit scrolling to rows top..bottom (0-based, inclusive); `resetRegion` undoes it. */
  region: (top: number, bottom: number) => `${ESC}${top + 1};${bottom + 1}r`,
  resetRegion: `${ESC}r`,
  eraseDown: `${ESC}J`,
  saveCursor: '\u001b7',
  restoreCursor: '\u001b8',
} as const;

export type KeyListener = (key: string) => void;

/**
 * Owns the terminal while a live screen runs: raw mode, the alternate screen, the cursor, the
 * key listener, and the safety nets (SIGTERM, uncaught errors, exit) that give the terminal back.
 * `suspend()` hands the terminal to someone else (a prompt) and `attach()` takes it back.
 * `restore()` is idempotent and safe to call from anywhere.
 */
export class TerminalSession {
  private keyHandler: ((chunk: Buffer | string) => void) | null = null;
  private rawOn = false;
  private screenOn = false;
  private lent = false;
  private hooked = false;
  private readonly onSigterm = () => {
    this.restore();
    this.unhook();
    // Let the default action (exit 143) happen now that the terminal is clean.
    process.kill(process.pid, 'SIGTERM');
  };
  private readonly onFatal = () => this.restore();
  private readonly onSigint = () => {
    this.restore();
    this.interrupt?.();
  };
  private readonly onResize = () => this.resizeListener?.();
  private resizeListener: (() => void) | null = null;

  constructor(
    private readonly ctx: Pick<Ctx, 'stdin' | 'stdout'>,
    /** Draw on the alternate screen (full-screen mode); false for --plain. */
    private readonly fullScreen: boolean,
    /** A SIGINT from outside (kill -INT); Ctrl-C itself arrives as a key in raw mode. */
    private readonly interrupt?: () => void,
  ) {}

  /** Keys can be read one at a time (a terminal on stdin). */
  get rawCapable(): boolean {
    return Boolean(this.ctx.stdin.isTTY && typeof this.ctx.stdin.setRawMode === 'function');
  }

  /** Take the terminal: raw keys, alternate screen, hidden cursor. */
  attach(onKey: KeyListener, onResize?: () => void): void {
    this.hook();
    if (this.rawCapable && !this.rawOn) {
      this.ctx.stdin.setRawMode!(true);
      this.rawOn = true;
    }
    if (!this.keyHandler) {
      this.keyHandler = (chunk) => {
        for (const key of splitKeys(chunk.toString())) onKey(key);
      };
      this.ctx.stdin.on('data', this.keyHandler);
      this.ctx.stdin.resume();
    }
    if (this.fullScreen && this.lent) {
      this.ctx.stdout.write(ANSI.resetRegion + ANSI.hideCursor + ANSI.clear);
      this.lent = false;
    }
    if (this.fullScreen && !this.screenOn) {
      this.ctx.stdout.write(ANSI.altOn + ANSI.hideCursor + ANSI.clear);
      this.screenOn = true;
    }
    if (onResize && !this.resizeListener) {
      this.resizeListener = onResize;
      this.ctx.stdout.on('resize', this.onResize);
    }
  }

  /** Give the terminal back for a while (a prompt); safety nets stay in place. */
  suspend(): void {
    this.release();
  }

  /**
   * Lend the bottom rows from `top` down to a prompt while the screen keeps drawing above them:
   * keys and raw mode go to the prompt, scrolling stays inside those rows, the cursor waits there.
   * `attach()` takes everything back.
   */
  lend(top: number, bottom: number): void {
    this.releaseKeys();
    if (!this.screenOn) return;
    this.ctx.stdout.write(ANSI.region(top, bottom) + ANSI.at(top) + ANSI.eraseDown + ANSI.showCursor);
    this.lent = true;
  }

  /** Give the terminal back for good. */
  restore(): void {
    this.release();
    this.unhook();
  }

  private release(): void {
    this.releaseKeys();
    if (this.screenOn) {
      this.ctx.stdout.write((this.lent ? ANSI.resetRegion : '') + ANSI.altOff + ANSI.showCursor);
      this.screenOn = false;
      this.lent = false;
    }
    if (this.resizeListener) {
      this.ctx.stdout.off('resize', this.onResize);
      this.resizeListener = null;
    }
  }

  private releaseKeys(): void {
    if (this.keyHandler) {
      this.ctx.stdin.off('data', this.keyHandler);
      this.keyHandler = null;
      this.ctx.stdin.pause();
    }
    if (this.rawOn) {
      try {
        this.ctx.stdin.setRawMode!(false);
      } catch {
        // the terminal is already gone
      }
      this.rawOn = false;
    }
  }

  private hook(): void {
    if (this.hooked) return;
    this.hooked = true;
    process.on('SIGTERM', this.onSigterm);
    process.on('SIGHUP', this.onSigterm);
    if (this.interrupt) process.on('SIGINT', this.onSigint);
    process.on('uncaughtExceptionMonitor', this.onFatal);
    process.on('exit', this.onFatal);
  }

  private unhook(): void {
    if (!this.hooked) return;
    this.hooked = false;
    process.off('SIGTERM', this.onSigterm);
    process.off('SIGHUP', this.onSigterm);
    process.off('SIGINT', this.onSigint);
    process.off('uncaughtExceptionMonitor', this.onFatal);
    process.off('exit', this.onFatal);
  }
}

/**
 * One data chunk can hold several keys (typed fast, or pasted); escape sequences (arrows,
 * function keys) stay whole so they can be ignored as one key.
 */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  // eslint-disable-next-line no-control-regex
  const re = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001bO.|\u001b.?|[\s\S]/gu;
  for (const m of data.matchAll(re)) keys.push(m[0]);
  return keys;
}
