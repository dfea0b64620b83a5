import { createRequire } from 'node:module';
import type { Lang } from './ui/i18n/lang.cjs';

// CommonJS with require, not import (see main.ts).
const { builtScreen, formatHelpScreen } = createRequire(import.meta.url)('./fast-paths.cjs') as typeof import('./fast-paths.cjs');

/**
 * The root help screen: the one `npm run build` wrote (what bin/intervisie.js shows), or,
 * without a fresh one, worked out now from the command declarations; the same text either way.
 */
export async function rootHelp(lang: Lang, width: number): Promise<string> {
  const screen = builtScreen(lang) ?? (await import('./root-help-screen.js')).rootHelpScreen(lang);
  return formatHelpScreen(screen, width);
}
