/**
 * `npm run bench`'s scale cases: a preload (node --require) that writes the step's peak resident
 * memory (process.resourceUsage().maxRSS, in KiB) to RSS_OUT as it exits. It loads only node:fs,
 * which every step loads anyway.
 */
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));
