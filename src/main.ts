import { isVersionOnly, version } from './version.js';

// A reader that stops early (`intervisie report | head`) closes the pipe; that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const argv = process.argv.slice(2);
if (isVersionOnly(argv, process.env)) {
  // Same output as commander's `--version`, without loading it (see version.ts).
  process.stdout.write(`${version()}\n`);
} else {
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
