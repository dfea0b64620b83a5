#!/usr/bin/env node
'use strict';
// CommonJS on purpose (bin/package.json): `intervisie --version` and the root help are answered
// by dist/fast-paths.cjs without starting Node's ES module loader, which alone costs a fifth of a
// bare `node` start. Every other command line runs in dist/main.js, an ES module.

// Node 22.1+ can keep compiled code between runs, which shortens every start; Node 20 has none.
require('node:module').enableCompileCache?.();
if (!require('../dist/fast-paths.cjs').answer(process.argv.slice(2), process.env, process.stdout)) {
  import('../dist/main.js');
}
