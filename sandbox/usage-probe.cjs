/**
 * `npm run bench -- --scale`: a preload (node --require) that writes, at the step's exit, its peak
 * resident memory and the CPU time it used (user and system), from process.resourceUsage(), to
 * USAGE_OUT. It loads nothing but node:fs.
 */
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  writeFileSync(process.env.USAGE_OUT, JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, cpuMs }));
});
