// Build step (`npm run build`, after tsc): writes dist/root-help.json, what `intervisie --help`
// shows, so that a start does not have to load every command declaration (see fast-paths.cts).
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILT_FILE, type BuiltRootHelp } from './fast-paths.cjs';
import { rootHelpScreen } from './root-help-screen.js';
import { LANGS, type Lang } from './ui/i18n/lang.cjs';

const dir = new URL('.', import.meta.url);
const declarations = readdirSync(new URL('commands/', dir))
  .filter((f) => f.endsWith('-cli.js'))
  .map((f) => `commands/${f}`);
const data: BuiltRootHelp = {
  sources: [
    'root-help-screen.js',
    'commands/declarations.js',
    'commands/areas.js',
    'commands/options.js',
    ...declarations,
    'ui/help-layout.js',
    'ui/i18n/help.js',
    'ui/i18n/lang.cjs',
    'fast-paths.cjs',
  ],
  screens: Object.fromEntries(LANGS.map((lang) => [lang, rootHelpScreen(lang)])) as Record<Lang, BuiltRootHelp['screens'][Lang]>,
};
writeFileSync(new URL(BUILT_FILE, dir), `${JSON.stringify(data, null, 1)}\n`);
console.log(`wrote ${fileURLToPath(new URL(BUILT_FILE, dir))}`);
