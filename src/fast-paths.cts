// `intervisie --version` and the root help screen (`intervisie`, `--help`, `-h`, `help`), answered
// by bin/intervisie.js before anything else loads. Both files are CommonJS on purpose: Node's
// ES module loader alone costs a fifth of a bare `node` start, and these answers need only
// package.json and the screen `npm run build` wrote (dist/root-help.json, see build-root-help.ts).
// So this file loads nothing but node:fs, node:path and lang.cts. Any other command line, an
// unknown language (an error), or a missing or stale root-help.json goes on to dist/main.js.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isLang, type Lang } from './ui/i18n/lang.cjs';

/** The version in package.json (dist/ and src/ both sit next to it). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** `intervisie --version` on its own: the same answer in every language. */
export function isVersionOnly(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.length !== 1 || (argv[0] !== '--version' && argv[0] !== '-V')) return false;
  return isLang((env['INTERVISIE_LANG'] || 'nl').toLowerCase());
}

const HELP = new Set(['--help', '-h', 'help']);

/**
 * The language of a request for the root help screen: `intervisie`, `intervisie --help`
 * (`-h`, `help`), optionally after `--lang <lang>`; null for any other command line.
 */
export function rootHelpLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang | null {
  let value = env['INTERVISIE_LANG'] || 'nl';
  let rest = argv;
  if (rest[0] === '--lang' && rest.length === 3) {
    value = rest[1]!;
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('--lang=') && rest.length === 2) {
    value = rest[0].slice('--lang='.length);
    rest = rest.slice(1);
  }
  if (!(argv.length === 0 || (rest.length === 1 && HELP.has(rest[0]!)))) return null;
  const lang = value.toLowerCase();
  return isLang(lang) ? lang : null;
}

export interface HelpScreen {
  usage: string;
  description: string;
  sections: { title: string; items: [term: string, description: string][] }[];
}

export const BUILT_FILE = 'root-help.json';

export interface BuiltRootHelp {
  /** The files (relative to dist/) the screens were made from. */
  sources: string[];
  screens: Record<Lang, HelpScreen>;
}

/**
 * The root help screen `npm run build` wrote, or null when there is none or it may be stale:
 * older than a file it was made from (a build by plain `tsc` or `tsc --watch`).
 */
export function builtScreen(lang: Lang, dir: string = __dirname): HelpScreen | null {
  const file = join(dir, BUILT_FILE);
  const built = statSync(file, { throwIfNoEntry: false });
  if (!built) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as BuiltRootHelp;
  for (const source of data.sources) {
    const s = statSync(join(dir, source), { throwIfNoEntry: false });
    if (!s || s.mtimeMs > built.mtimeMs) return null;
  }
  return data.screens[lang] ?? null;
}

/** Answer `--version` or the root help on `out`; false when the command line needs the program. */
export function answer(argv: readonly string[], env: NodeJS.ProcessEnv, out: NodeJS.WriteStream): boolean {
  let text: string;
  if (isVersionOnly(argv, env)) {
    // What commander prints for --version.
    text = `${version()}\n`;
  } else {
    const lang = rootHelpLang(argv, env);
    const screen = lang === null ? null : builtScreen(lang);
    if (screen === null) return false;
    text = formatHelpScreen(screen, helpWidth(out));
  }
  // A reader that stops early (`intervisie --help | head`) closes the pipe; that is not an error.
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  out.write(text);
  return true;
}

// ---- commander's help layout ----------------------------------------------------------------
// commander 14 (lib/help.js: formatHelp, formatItem, boxWrap), for the one screen drawn without
// it. test/ui/root-help.test.ts checks that this draws exactly what commander draws.

const MIN_WIDTH_TO_WRAP = 40;
const INDENT = 2;
const SPACER = 2;

/** The width commander wraps help at: the terminal's, or 80 when writing to a file or pipe. */
export function helpWidth(out: { isTTY?: boolean; columns?: number }): number {
  return (out.isTTY ? out.columns : undefined) ?? 80;
}

export function formatHelpScreen(screen: HelpScreen, width: number): string {
  const termWidth = Math.max(0, ...screen.sections.flatMap((s) => s.items.map(([term]) => term.length)));
  const out = [screen.usage, ''];
  if (screen.description.length > 0) out.push(boxWrap(screen.description, width), '');
  for (const s of screen.sections) {
    if (s.items.length === 0) continue;
    out.push(s.title, ...s.items.map(([term, text]) => formatItem(term, termWidth, text, width)), '');
  }
  return out.join('\n');
}

function formatItem(term: string, termWidth: number, text: string, width: number): string {
  const indent = ' '.repeat(INDENT);
  if (!text) return indent + term;
  const remaining = width - termWidth - SPACER - INDENT;
  const preformatted = /\n[^\S\r\n]/.test(text);
  const body =
    remaining < MIN_WIDTH_TO_WRAP || preformatted
      ? text
      : boxWrap(text, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + SPACER)}`);
  return indent + term.padEnd(termWidth) + ' '.repeat(SPACER) + body.replace(/\n/g, `\n${indent}`);
}

/** Wrap at whitespace, keeping existing line breaks. */
function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(/[\s]*[^\s]+/g);
    if (chunks === null) {
      lines.push('');
      continue;
    }
    let current = [chunks.shift()!];
    let used = current[0]!.length;
    for (const chunk of chunks) {
      if (used + chunk.length <= width) {
        current.push(chunk);
        used += chunk.length;
        continue;
      }
      lines.push(current.join(''));
      const next = chunk.trimStart();
      current = [next];
      used = next.length;
    }
    lines.push(current.join(''));
  }
  return lines.join('\n');
}
