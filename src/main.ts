import { createRequire } from 'node:module';

// CommonJS (our .cjs files, commander, better-sqlite3, yaml, ics) is loaded with require, never
// imported: the first ES module import of CommonJS makes Node load and run its export-name
// lexer (cjs-module-lexer) and wrap the module, about 6 ms of every start.
const require = createRequire(import.meta.url);
const { helpWidth, rootHelpLang } = require('./fast-paths.cjs') as typeof import('./fast-paths.cjs');

// bin/intervisie.js has answered `--version` and, when the build wrote it, the root help.

// A reader that stops early (`intervisie report | head`) closes the pipe; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const argv = process.argv.slice(2);
const helpLang = rootHelpLang(argv, process.env);
if (helpLang === null || !(await printRootHelp(helpLang))) {
  // The only place that touches the real process: everything else gets streams injected.
  const { main } = await import('./cli.js');
  process.exitCode = await main({
    argv,
    env: process.env,
    // Getters: Node builds process.stdin and process.stderr on first use, which a help
    // screen does not need.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    get stderr() {
      return process.stderr;
    },
  });
}

/** The root help screen without commander (no build file); false when it cannot be drawn that way. */
async function printRootHelp(lang: 'nl' | 'en'): Promise<boolean> {
  let text: string;
  try {
    text = await (await import('./root-help.js')).rootHelp(lang, helpWidth(process.stdout));
  } catch {
    // A declaration the recorder does not know (test/ui/root-help.test.ts fails on that):
    // commander draws it.
    return false;
  }
  process.stdout.write(text);
  return true;
}
