import { main } from './cli.js';

// The only place that touches the real process: everything else gets streams injected.
const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
