/**
 * The runner's Node-warning check can fail: the e2e suites assert that no step prints a Node
 * warning (fixtures.ts), and that is worth something only if a warning would reach the step's
 * stderr and be recorded. jest itself runs with NODE_OPTIONS and NODE_NO_WARNINGS=1, which would
 * silence it; the runner must not pass them on, and must run the step on ACTION_NODE (Node 24 in CI).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_NODE, makeWorkdir, runStep } from '../../sandbox/runner.js';

let work: { path: string; remove: () => void };
let entry: string;
beforeAll(() => {
  work = makeWorkdir('dg-action-warnings-');
  entry = join(work.path, 'warns.cjs');
  // Stands in for the bundle: says what it runs on, then triggers a warning the way a dependency would.
  writeFileSync(
    entry,
    `console.log(JSON.stringify({ version: process.version, options: process.env.NODE_OPTIONS ?? null, noWarnings: process.env.NODE_NO_WARNINGS ?? null }));
process.emitWarning('Buffer() is deprecated', 'DeprecationWarning', 'DEP0005');
`,
  );
});
afterAll(() => work.remove());

test('a step runs on ACTION_NODE without jest Node options, and a Node warning it prints is recorded', async () => {
  expect(process.env.NODE_NO_WARNINGS).toBe('1'); // what `npm test` sets for jest itself
  const step = await runStep({ workdir: work.path, inputs: { 'api-key': 'k', 'project-id': 'p' }, entry });
  expect(step.exitCode).toBe(0);
  const said = JSON.parse(step.log.split('\n')[0]) as { version: string; options: string | null; noWarnings: string | null };
  expect(said).toEqual({ version: execFileSync(ACTION_NODE, ['--version'], { encoding: 'utf8' }).trim(), options: null, noWarnings: null });
  expect(step.warnings).toEqual([expect.stringMatching(/^\(node:\d+\) \[DEP0005\] DeprecationWarning: Buffer\(\) is deprecated$/)]);
});
