import { Chalk, type ChalkInstance } from 'chalk';
import type { Writable } from 'node:stream';
import { safeText } from '../domain/names.js';
import { escapeJsonText } from './json-text.js';

export interface OutputStreams {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  plain: boolean;
}

/** Colour only when wanted: --plain and NO_COLOR switch it off, FORCE_COLOR switches it on. */
export function makeChalk(streams: OutputStreams): ChalkInstance {
  const force = streams.env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') {
    return new Chalk({ level: force === '' ? 1 : (Math.min(3, Math.max(1, Number.parseInt(force, 10) || 1)) as 1 | 2 | 3) });
  }
  if (streams.plain || (streams.env['NO_COLOR'] ?? '') !== '' || !streams.stdout.isTTY) return new Chalk({ level: 0 });
  return new Chalk({ level: 2 });
}

export { escapeJsonText } from './json-text.js';

/** Writing lines for people: every piece of user-given text is passed through safeText by callers. */
export class Output {
  readonly c: ChalkInstance;

  constructor(private readonly streams: OutputStreams) {
    this.c = makeChalk(streams);
  }

  get width(): number {
    return Math.max(40, this.streams.stdout.columns ?? 80);
  }

  line(text = ''): void {
    this.streams.stdout.write(`${this.screen(text)}\n`);
  }

  /**
   * Last line of defence for text from the database or the command line (names, notes,
   * imported bundles): no cursor moves, title changes, hyperlinks or bidi tricks reach the
   * terminal. Only colour codes survive, and only when we colour ourselves.
   */
  screen(text: string): string {
    return this.c.level === 0 ? safeText(text) : safeKeepColour(text);
  }

  /** Raw text for machine-readable output; nothing else may be printed in those modes. */
  raw(text: string): void {
    this.streams.stdout.write(text);
  }

  json(value: unknown): void {
    this.streams.stdout.write(`${escapeJsonText(JSON.stringify(value, null, 2))}\n`);
  }

  /** JSON that arrives in pieces (a large report), written as it comes; the pieces are escaped as json() escapes. */
  jsonPieces(pieces: Iterable<string>): void {
    for (const piece of pieces) this.streams.stdout.write(piece);
    this.streams.stdout.write('\n');
  }

  success(text: string): void {
    this.line(`${this.c.green('✔')} ${text}`);
  }

  info(text: string): void {
    this.line(`${this.c.cyan('ℹ')} ${text}`);
  }

  /** Warnings go to stderr so they never pollute JSON or CSV on stdout. */
  warn(text: string): void {
    this.streams.stderr.write(`${this.c.yellow('⚠')} ${this.screen(text)}\n`);
  }

  /** A one-line notice about housekeeping (e.g. retention) on stderr, out of the way of JSON/CSV. */
  note(text: string): void {
    this.streams.stderr.write(`${this.c.cyan('ℹ')} ${this.screen(text)}\n`);
  }

  error(text: string): void {
    this.streams.stderr.write(`${this.c.red('✖')} ${this.screen(text)}\n`);
  }

  heading(text: string): void {
    this.line(this.c.bold(text));
  }
}

/** safeText for text that may carry our own colour codes (SGR only: no cursor moves, no OSC). */
export function safeKeepColour(text: string): string {
  return text
    .split(/(\u001b\[[0-9;]*m)/u)
    .map((part, i) => (i % 2 === 1 ? part : safeText(part)))
    .join('');
}

/** Render rows as an aligned text table (no borders: calm, copyable, screen-reader friendly). */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], c?: ChalkInstance): string {
  const cells = [header, ...rows].map((r) => r.map((v) => safeText(v)));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => visibleLength(r[i] ?? ''))));
  const fmt = (r: readonly string[]) =>
    r
      .map((v, i) => (i === r.length - 1 ? v : v + ' '.repeat(widths[i]! - visibleLength(v))))
      .join('  ')
      .trimEnd();
  const head = fmt(cells[0]!);
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const lines = [c ? c.bold(head) : head, rule, ...cells.slice(1).map(fmt)];
  return lines.join('\n');
}

function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
}
