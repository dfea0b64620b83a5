#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ can keep the compiled code of our modules between runs, which shortens every
// start; on older Node (20) the function does not exist and nothing changes.
module.enableCompileCache?.();
await import('../dist/main.js');
