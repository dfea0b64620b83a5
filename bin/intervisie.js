#!/usr/bin/env node
// Node 22.3+ can keep the compiled code of our modules between runs, which shortens every
// start. Older Node has no compile cache (Node 20) and nothing changes. No `import` of
// node:module here: on Node 20 even that costs a little of every start.
process.getBuiltinModule?.('node:module')?.enableCompileCache?.();
await import('../dist/main.js');
