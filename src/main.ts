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
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
