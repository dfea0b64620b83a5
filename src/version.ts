import { readFileSync } from 'node:fs';
import { isLang } from './ui/i18n/lang.js';

/** The version in package.json (dist/ and src/ both sit next to it). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * `intervisie --version` on its own: answered without loading commander or any texts, since
 * the answer is the same in every language. Anything more (other arguments, an unknown
 * INTERVISIE_LANG, which is an error) goes through the full command line.
 */
export function isVersionOnly(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  if (argv.length !== 1 || (argv[0] !== '--version' && argv[0] !== '-V')) return false;
  return isLang((env['INTERVISIE_LANG'] || 'nl').toLowerCase());
}
