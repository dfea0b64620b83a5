// Preloaded into a measured process (node --require): at exit, write the CPU time it used
// (user + system, all threads, in microseconds) to the file named by BENCH_CPU_FILE.
const { writeFileSync } = require('node:fs');

const file = process.env.BENCH_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, String(usage.userCPUTime + usage.systemCPUTime));
  });
}
