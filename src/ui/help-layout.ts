import type { HelpMessages } from './i18n/help.js';

// The layout of commander's help screens (commander 14, lib/help.js: formatHelp, formatItem,
// boxWrap), for the one screen drawn without commander: `intervisie --help` (root-help.ts).
// Also the translation of commander's fixed words, which cli.ts uses for every other screen.
// test/ui/root-help.test.ts checks that this draws exactly what commander draws.

const MIN_WIDTH_TO_WRAP = 40;
const INDENT = 2;
const SPACER = 2;

/** commander's fixed titles and usage words in the user's language. */
export function helpWords(t: HelpMessages): { title: (s: string) => string; words: (s: string) => string } {
  const titles: Record<string, string> = {
    'Usage:': t.help.usage,
    'Options:': t.help.options,
    'Commands:': t.help.commands,
    'Arguments:': t.help.arguments,
    'Global Options:': t.help.globalOptions,
  };
  return {
    title: (s) => titles[s] ?? s,
    words: (s) => s.replace('[options]', t.help.optionsWord).replace('[command]', t.help.commandWord),
  };
}

/** The width commander wraps help at: the terminal's, or 80 when writing to a file or pipe. */
export function helpWidth(out: { isTTY?: boolean; columns?: number }): number {
  return (out.isTTY ? out.columns : undefined) ?? 80;
}

export interface HelpScreen {
  usage: string;
  description: string;
  sections: { title: string; items: [term: string, description: string][] }[];
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
