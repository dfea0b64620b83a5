import { spawn, type IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN } from './cli.js';

const { Terminal } = xterm;

export interface PtyOptions {
  db?: string;
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
  /** Another Node script to run instead of the binary (a test fixture). */
  script?: string;
}

/**
 * The built binary in a real pseudo-terminal, with a headless terminal emulator
 * keeping the screen as a person would see it.
 */
export class PtySession {
  readonly pty: IPty;
  readonly term: InstanceType<typeof Terminal>;
  /** Everything ever written, for assertions on text that scrolled away. */
  output = '';
  exitCode: number | null = null;
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number>;

  constructor(args: string[], o: PtyOptions = {}) {
    const cols = o.cols ?? 100;
    const rows = o.rows ?? 40;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
    this.pty = spawn(process.execPath, [o.script ?? BIN, ...args], {
      name: 'xterm-256color',
      cols,
      rows,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '/tmp',
        LANG: 'C.UTF-8',
        TERM: 'xterm-256color',
        TZ: 'Europe/Amsterdam',
        ...(o.db ? { INTERVISIE_DB: o.db } : {}),
        ...o.env,
      },
    });
    this.exited = new Promise((resolve) => {
      this.pty.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        this.notify();
        resolve(exitCode);
      });
    });
    this.pty.onData((d) => {
      this.output += d;
      this.term.write(d, () => this.notify());
    });
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  /** The visible screen as plain text lines. */
  screen(): string {
    const buf = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buf.getLine(buf.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Wait until the screen (or all output) shows the text; fail with the screen after `timeout` ms. */
  async waitFor(match: string | RegExp, timeout = 10_000): Promise<void> {
    const test = () => {
      const screen = this.screen();
      const plain = stripAnsi(this.output);
      return typeof match === 'string'
        ? screen.includes(match) || plain.includes(match)
        : match.test(screen) || match.test(plain);
    };
    const deadline = Date.now() + timeout;
    while (!test()) {
      if (this.exitCode !== null) throw new Error(`Process exited (${this.exitCode}) before showing ${String(match)}.\nScreen:\n${this.screen()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${String(match)}.\nScreen:\n${this.screen()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    // The text may have matched in the raw output before the emulator drew it:
    // let the screen catch up so a following screen() read sees it.
    await this.settled();
  }

  /** Resolves once the emulator has processed everything received so far. */
  settled(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  /** Output written after a given offset, for "it appeared again" checks. */
  since(offset: number): string {
    return stripAnsi(this.output.slice(offset));
  }

  write(keys: string): void {
    this.pty.write(keys);
  }

  /** Type a line and press Enter. */
  line(text: string): void {
    this.pty.write(`${text}\r`);
  }

  kill(signal = 'SIGKILL'): void {
    try {
      this.pty.kill(signal);
    } catch {
      // already gone
    }
  }
}

export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  space: ' ',
  ctrlC: '\u0003',
  backspace: '\u007f',
} as const;

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[()][0-9A-Za-z]|\u001b[=>78]/g, '');
}
