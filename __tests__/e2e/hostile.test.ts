/**
 * API text is data, never commands: end to end on the built bundle, an API whose answers carry
 * workflow commands after a newline (in an id, a username, an error code, a message, a request ID,
 * a listed comment). The runner obeys a line of a step's stdout that starts with `::` (after
 * spaces) and the older `##[command]` form anywhere in a line: no such line may come from the API.
 */
import { describe, expect, test } from '@jest/globals';
import { expectExit, runAction, runStep, SANDBOX_PROJECT_ID, type StepResult, useHarness } from './fixtures.js';

const h = useHarness();

const INJECTIONS = [
  '\n::set-output name=registry::evil.example',
  '\n::save-state name=credentialsId::..',
  '\n::stop-commands::pwned',
  '\r\n  ::warning title=x::from the API',
  '\u2028::error::line separator',
  ' ##[set-env name=NODE_OPTIONS;]--require /tmp/x',
];

/** The workflow commands the action itself issues; any other command line came from somewhere else. */
const OWN_COMMAND = /^::(add-mask|error|warning|debug|group|endgroup)::/;

/** The step's stdout as the runner reads it: lines, split where the runner splits them. */
function commandLines(step: StepResult): string[] {
  return step.log.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}

function expectNoForeignCommands(...steps: StepResult[]) {
  for (const step of steps) {
    for (const line of commandLines(step)) expect(line).toMatch(OWN_COMMAND);
    expect(step.log).not.toContain('##[');
    // The state and outputs hold only what the action put there.
    expect(
      Object.keys(step.state).every((key) =>
        ['marker', 'credentialsId', 'loggedInTo', 'sweep', 'createInFlightUntil', 'registryConfig', 'registryCli', 'registryFile'].includes(
          key,
        ),
      ),
    ).toBe(true);
    expect(JSON.stringify(step.outputs)).not.toContain('evil.example');
  }
}

describe('an API whose answers carry workflow commands', () => {
  test.each(INJECTIONS)("in the create answer's id: refused, swept, and printed escaped (%j)", async (injection) => {
    h.sandbox.addFault({
      op: 'create',
      status: 201,
      afterAction: true,
      body: { distribution_credentials: { distribution_credentials_id: `5b7e1c0a${injection}`, secret: 's'.repeat(64) } },
    });
    const { main, post } = await runAction(h.options({ login: 'false' }));
    expectExit(main, 1);
    expectNoForeignCommands(main, post);
    expect(main.visibleLog).toContain(
      '::error::Deepgram API: create distribution credentials answered with credentials that cannot be used: distribution_credentials_id "5b7e1c0a',
    );
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test.each(INJECTIONS)("in the create answer's username: refused before docker sees it (%j)", async (injection) => {
    h.sandbox.addFault({
      op: 'create',
      status: 201,
      afterAction: true,
      body: {
        distribution_credentials: {
          distribution_credentials_id: '5b7e1c0a-3f7a-4f4e-9a0e-6d2a1b3c4d5e',
          username: `deepgram+x${injection}`,
          secret: 's'.repeat(64),
        },
      },
    });
    const { main, post } = await runAction(h.options());
    expectExit(main, 1);
    expectNoForeignCommands(main, post);
    expect(h.dockerArgv()).toEqual([]);
    expect(h.sandbox.credentials()).toEqual([]);
  });

  test("in every field of an error body, and through each retry's log line", async () => {
    const [a, b, c, d] = INJECTIONS;
    h.sandbox.addFault({
      op: 'create',
      status: 503,
      times: 2,
      headers: { 'retry-after': '0' },
      body: { err_code: `UNAVAILABLE${a}`, err_msg: `down${b}`, request_id: `req-1${c}` },
    });
    h.sandbox.addFault({
      op: 'list',
      status: 500,
      times: 0,
      body: { category: `INTERNAL${d}`, message: 'no list', details: `more${a}`, request_id: `req-2${b}` },
    });
    const { main, post } = await runAction(h.options({ login: 'false', 'max-attempts': '2' }));
    expectExit(main, 1);
    expectNoForeignCommands(main, post);
    // The retry's line, exactly, with the API's text folded onto it.
    expect(main.log.split('\n')).toContainEqual(
      'Attempt 1 of 2 to create distribution credentials failed: Deepgram API: create distribution credentials failed with HTTP 503 ' +
        'UNAVAILABLE ::set-output name=registry::evil.example: down ::save-state name=credentialsId::.. (request ID req-1 ::stop-commands::pwned). ' +
        'Retrying in 0.0 s (as the server asked with Retry-After).',
    );
  });

  test('in the text error form, with the older ##[ commands', async () => {
    h.sandbox.addFault({ op: 'create', status: 400, body: `bad request\n::set-output name=registry::evil.example\n##[set-env name=A;]b` });
    const main = await runStep(h.options({ login: 'false' }));
    expectExit(main, 1);
    expectNoForeignCommands(main);
    expect(main.log).toContain('bad request ::set-output name=registry::evil.example ##\\[set-env name=A;]b');
  });

  test('in a listed comment and id: our tagged sets are swept by valid id only, the rest named escaped', async () => {
    h.sandbox.addFault({ op: 'create', status: 502, afterAction: true });
    const main = await runStep(h.options({ login: 'false', 'prune-after': 'off' }));
    expectExit(main, 0);
    const marker = /\[(dg-action:[0-9a-f]{12}) job\]/.exec(h.sandbox.credentials()[0]!.comment ?? '')![1];
    h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: `note\n::set-output name=registry::evil.example [${marker}]` });
    h.sandbox.addFault({
      op: 'list',
      status: 200,
      body: {
        distribution_credentials: [
          ...h.sandbox.credentials().map((c) => ({ distribution_credentials: { distribution_credentials_id: c.id, comment: c.comment } })),
          { distribution_credentials: { distribution_credentials_id: '..\n::stop-commands::pwned', comment: `x [${marker}]` } },
        ],
      },
    });
    const post = await runStep(h.options({ login: 'false', 'prune-after': 'off' }), { ...main.state, sweep: 'true' });
    expectExit(post, 0);
    expectNoForeignCommands(main, post);
    expect(post.log).toContain('::warning::Could not delete stray distribution credentials "..\\n::stop-commands::pwned"');
    expect(h.sandbox.requests.filter((r) => r.method === 'DELETE').every((r) => /\/credentials\/[0-9a-f-]{36}$/.test(r.path))).toBe(true);
    expect(h.sandbox.credentials()).toEqual([]);
  });
});

describe('a list answer that is not JSON, though its entries read well', () => {
  const DAY = 86_400_000;
  /** The project's sets, as entries of a list answer. */
  const entries = () =>
    JSON.stringify(
      h.sandbox
        .credentials()
        .map((c) => ({ distribution_credentials: { distribution_credentials_id: c.id, comment: c.comment, created: c.created } })),
    );
  const deleted = () => h.sandbox.requests.filter((r) => r.op === 'delete').map((r) => r.path.split('/').at(-1));

  test.each([
    ['as JSON (the control: the old job set is pruned)', (list: string) => `{"distribution_credentials":${list}}`, true],
    ['with no colon after the key', (list: string) => `{"distribution_credentials" ${list}}`, false],
    ['with text after the array', (list: string) => `{"distribution_credentials":${list} garbage}`, false],
    ['with a colon and a value after the array', (list: string) => `{"distribution_credentials":${list} : "y"}`, false],
    [
      'with arrays nested 8 MiB deep after it',
      (list: string) => `{"distribution_credentials":${list},"x":${'['.repeat(8 * 1024 * 1024)}`,
      false,
    ],
  ])('%s: post revokes its own set, and prunes only on a whole JSON answer', async (_, answer, prunes) => {
    const old = h.sandbox.issue(SANDBOX_PROJECT_ID, {
      comment: 'nightly [dg-action:bbbbbbbbbbbb job]',
      created: new Date(Date.now() - 6 * DAY).toISOString(),
    });
    const main = await runStep(h.options({ login: 'false' }));
    h.sandbox.addFault({ op: 'list', status: 200, times: 0, body: answer(entries()) });
    const post = await runStep(h.options({ login: 'false' }), main.state);
    expectExit(post, 0);
    const own = main.outputs['credentials-id'];
    expect(deleted().sort()).toEqual((prunes ? [own, old.id] : [own]).sort());
    expect(h.sandbox.credentials().map((c) => c.id)).toEqual(prunes ? [] : [old.id]);
    if (!prunes)
      expect(post.visibleLog).toMatch(/::warning::.*list distribution credentials returned an unexpected response: the answer is/);
  });
});
