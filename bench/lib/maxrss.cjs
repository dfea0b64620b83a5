// Preloaded into a measured process (node --require): at exit, write its peak resident memory
// (getrusage maxrss, in bytes) to the file named by BENCH_MAXRSS_FILE.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
