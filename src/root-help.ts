import { readFileSync, statSync } from 'node:fs';
import { formatHelpScreen, type HelpScreen } from './ui/help-layout.js';
import type { Lang } from './ui/i18n/lang.js';

// `intervisie --help` (and `intervisie` alone) without commander. What the screen shows is
// worked out at build time (build-root-help.ts, part of `npm run build`) and kept in
// root-help.json next to this file: reading it costs far less than loading the fifteen modules
// that declare the commands, which is most of a start. When that file is missing, or older
// than a file it was made from (a build by plain `tsc` or `tsc --watch`), the screen is worked
// out now from the declarations (root-help-screen.ts), which gives the same text.

export const BUILT_FILE = 'root-help.json';

export interface BuiltRootHelp {
  /** The files (relative to this directory) the screens were made from. */
  sources: string[];
  screens: Record<Lang, HelpScreen>;
}

export async function rootHelp(lang: Lang, width: number, dir: URL = new URL('.', import.meta.url)): Promise<string> {
  const screen = builtScreen(lang, dir) ?? (await import('./root-help-screen.js')).rootHelpScreen(lang);
  return formatHelpScreen(screen, width);
}

/** The screen from the build, or null when there is none or it may be stale. */
export function builtScreen(lang: Lang, dir: URL): HelpScreen | null {
  const file = new URL(BUILT_FILE, dir);
  const built = statSync(file, { throwIfNoEntry: false });
  if (!built) return null;
  const data = JSON.parse(readFileSync(file, 'utf8')) as BuiltRootHelp;
  for (const source of data.sources) {
    const s = statSync(new URL(source, dir), { throwIfNoEntry: false });
    if (!s || s.mtimeMs > built.mtimeMs) return null;
  }
  return data.screens[lang] ?? null;
}
