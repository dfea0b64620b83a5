import { builtScreen, formatHelpScreen } from './fast-paths.cjs';
import type { Lang } from './ui/i18n/lang.cjs';

/**
 * The root help screen: the one `npm run build` wrote (what bin/intervisie.js shows), or,
 * without a fresh one, worked out now from the command declarations; the same text either way.
 */
export async function rootHelp(lang: Lang, width: number): Promise<string> {
  const screen = builtScreen(lang) ?? (await import('./root-help-screen.js')).rootHelpScreen(lang);
  return formatHelpScreen(screen, width);
}
