import { readFileSync } from 'node:fs';
import { isLang, type Lang } from './ui/i18n/lang.js';

// The two command lines answered before commander loads (main.ts): `--version`, and the root
// help screen (root-help.ts). Anything else, including these with an unknown language (an
// error), goes through the full command line in cli.ts.

/** The version in package.json (dist/ and src/ both sit next to it). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
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
