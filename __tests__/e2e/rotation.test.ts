/**
 * The "Rotate a Kubernetes pull secret" workflow (docs/kubernetes-pull-secret.md), run as written:
 * its steps are read from the doc, the actions run from the built bundle through their own
 * action.yml files, the shell step runs under bash as the runner runs it, and kubectl (the real one)
 * renders the Secret offline. The cluster is the only stand-in: `kubectl apply` keeps the manifest
 * it is given and its command line, since an apply needs an API server to talk to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { actionYml, ROOT } from '../../sandbox/runner.js';
import { expectNothingLeaked, runStep, SANDBOX_PROJECT_ID, secretForms, startHarness, type Harness, type StepResult } from './fixtures.js';

const REAL_KUBECTL = execFileSync('sh', ['-c', 'command -v kubectl']).toString().trim();
// The recipe's DEEPGRAM_ADMIN_API_KEY: a key with the admin role, the least it says both steps need.
const ADMIN_KEY = `dgadmin${Math.random().toString(36).slice(2)}`;
const DOC = join(ROOT, 'docs', 'kubernetes-pull-secret.md');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

/** The doc's first yaml block: the recipe. */
function recipe(): Workflow {
  const block = /```yaml\n([\s\S]*?)\n```/.exec(readFileSync(DOC, 'utf8'));
  if (!block) throw new Error(`${DOC} has no yaml block`);
  return parse(block[1]!) as Workflow;
}

const ACTIONS: Record<string, string> = {
  'deepgram/self-hosted-login-action@v2': join(ROOT, 'action.yml'),
  'deepgram/self-hosted-login-action/retire@v2': join(ROOT, 'retire', 'action.yml'),
};

let h: Harness;
let cluster: string;
let runnerTemp: string;
let bin: string;
beforeAll(async () => {
  h = await startHarness({ keys: { [ADMIN_KEY]: { role: 'admin' } } });
  cluster = join(h.workdir, 'cluster');
  runnerTemp = join(h.workdir, 'runner-temp');
  bin = join(h.workdir, 'kubectl-bin');
  mkdirSync(bin);
  // The cluster: apply keeps the manifest. Every other command is the real kubectl, and the test
  // sees each command line and the mode of the file given to --from-file while it exists.
  writeFileSync(
    join(bin, 'kubectl'),
    `#!/bin/sh
printf '%s\\n' "$*" >> "$CLUSTER/argv.log"
printf '%s\\n' "$KUBECONFIG" >> "$CLUSTER/kubeconfig.log"
for arg; do
  case "$arg" in
    apply) cat > "$CLUSTER/applied.yaml"; printf '%s\\n' "$*" > "$CLUSTER/apply-argv.log"; echo "secret/applied"; exit 0 ;;
    --from-file=*=*) file="\${arg#--from-file=*=}"; stat -c '%a %n' "$file" >> "$CLUSTER/files.log" ;;
  esac
done
exec '${REAL_KUBECTL}' "$@"
`,
  );
  chmodSync(join(bin, 'kubectl'), 0o755);
});
afterAll(async () => h.close());
beforeEach(() => {
  h.reset();
  for (const dir of [cluster, runnerTemp]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
  }
  // The recipe's KUBECONFIG_DATA: a context whose server nothing answers, so the client-side dry
  // run is seen to need no cluster.
  writeFileSync(
    join(cluster, 'kubeconfig'),
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{ name: c, cluster: { server: "https://127.0.0.1:9" } }]',
      'users: [{ name: u, user: { token: none } }]',
      'contexts: [{ name: x, context: { cluster: c, user: u } }]',
      'current-context: x',
      '',
    ].join('\n'),
  );
});

interface JobRun {
  steps: Record<string, StepResult>;
  /** Each shell step's output. */
  shell: string[];
}

/** Runs the recipe's job once, as the runner would: steps in order, then the post steps in reverse. */
async function runJob(workflow: Workflow): Promise<JobRun> {
  const [job] = Object.values(workflow.jobs);
  const outputs: Record<string, Record<string, string>> = {};
  const result: JobRun = { steps: {}, shell: [] };
  const posts: (() => Promise<void>)[] = [];
  // The runner's GITHUB_ENV: what a step writes there is in the environment of the steps after it.
  const githubEnv = join(h.workdir, 'github-env');
  writeFileSync(githubEnv, '');
  const exported: Record<string, string> = {};
  const expand = (text: string): string =>
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_all, expression: string) => {
      if (expression === 'secrets.DEEPGRAM_ADMIN_API_KEY') return ADMIN_KEY;
      if (expression === 'secrets.KUBECONFIG_DATA') return readFileSync(join(cluster, 'kubeconfig'), 'utf8');
      if (expression === 'vars.DEEPGRAM_PROJECT_ID') return SANDBOX_PROJECT_ID;
      const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
      if (output) return outputs[output[1]!]?.[output[2]!] ?? '';
      throw new Error(`the test cannot evaluate \${{ ${expression} }}`);
    });
  const expandAll = (values: Record<string, string> = {}) =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, expand(String(value))]));

  for (const [index, step] of job!.steps.entries()) {
    const key = step.id ?? step.name ?? `step ${index}`;
    if (step.uses) {
      const action = ACTIONS[step.uses];
      if (!action) throw new Error(`unknown action ${step.uses}`);
      const spec = actionYml(action);
      const options = {
        workdir: h.workdir,
        action,
        entry: resolve(dirname(action), spec.runs.main),
        // Only the API's address differs from the recipe: the sandbox instead of api.deepgram.com.
        inputs: { ...expandAll(step.with), 'api-url': h.sandbox.url },
        env: { RUNNER_TEMP: runnerTemp },
      };
      const main = await runStep(options);
      result.steps[key] = main;
      expect({ step: key, exitCode: main.exitCode, log: main.exitCode === 0 ? '' : main.log }).toEqual({ step: key, exitCode: 0, log: '' });
      outputs[key] = main.outputs;
      if (spec.runs.post) {
        const postEntry = resolve(dirname(action), spec.runs.post);
        posts.unshift(async () => {
          result.steps[`${key}-post`] = await runStep({ ...options, entry: postEntry }, main.state);
        });
      }
    } else if (step.run) {
      const script = join(h.workdir, `step-${index}.sh`);
      writeFileSync(script, step.run);
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !/^(INPUT|STATE)_/.test(name)) env[name] = value;
      delete env.KUBECONFIG;
      Object.assign(env, exported, expandAll(job!.env), expandAll(step.env), {
        RUNNER_TEMP: runnerTemp,
        GITHUB_ENV: githubEnv,
        PATH: `${bin}:${process.env.PATH}`,
        CLUSTER: cluster,
      });
      // The runner's default shell on Linux: bash --noprofile --norc -eo pipefail {0}.
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (chunk) => (log += chunk));
      child.stderr.on('data', (chunk) => (log += chunk));
      const code = await new Promise((done) => child.on('close', done));
      expect({ step: step.name, code, log }).toEqual({
        step: step.name,
        code: 0,
        log: step.run.includes('kubectl') ? 'secret/applied\n' : '',
      });
      result.shell.push(log);
      for (const line of readFileSync(githubEnv, 'utf8').split('\n')) {
        const [name, ...value] = line.split('=');
        if (name && value.length > 0) exported[name] = value.join('=');
      }
    }
  }
  for (const post of posts) await post();
  return result;
}

/** The manifest kubectl rendered and the cluster was given, and what its docker config holds. */
function appliedSecret() {
  const manifest = parse(readFileSync(join(cluster, 'applied.yaml'), 'utf8'));
  const config = JSON.parse(Buffer.from(manifest.data['.dockerconfigjson'], 'base64').toString('utf8'));
  const [registry, entry] = Object.entries(config.auths as Record<string, { auth: string }>)[0]!;
  return { manifest, registry, userSecret: Buffer.from(entry.auth, 'base64').toString('utf8') };
}

const keptAs = (name: string) => h.sandbox.credentials(SANDBOX_PROJECT_ID).filter((c) => c.comment?.endsWith(` keep=${name}]`));

/**
 * What of the manifest is not the Secret's data, as text: where the credentials must not be. A
 * client-side `kubectl apply` would copy the whole object into the last-applied-configuration
 * annotation; a rendered manifest with --save-config would carry it already.
 */
function outsideData(manifest: { data: Record<string, string> }): string {
  const { data, ...rest } = manifest;
  const { '.dockerconfigjson': _config, ...otherData } = data;
  return JSON.stringify({ ...rest, otherData });
}

describe('docs/kubernetes-pull-secret.md: the rotation recipe', () => {
  test('three rotations: the Secret holds the newest set each time, and one set per name is left', async () => {
    const workflow = recipe();
    const steps = workflow.jobs.rotate!.steps;
    const name = steps.find((s) => s.id === 'dg')!.with!.keep!;
    const retireStep = steps.find((s) => s.uses?.endsWith('/retire@v2'))!.name!;
    // Another Secret's name and a hand-made set: the rotations must not touch them.
    const staging = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'staging [dg-action:0123456789ab keep=staging-pull-secret]' });
    const byHand = h.sandbox.issue(SANDBOX_PROJECT_ID, { comment: 'made by hand' });

    let previous: string | undefined;
    for (let rotation = 1; rotation <= 3; rotation++) {
      // The schedule runs weekly: a week passes on the API's clock between rotations. (Sets made in
      // the same second cannot be ordered, and retire leaves those alone; a quiet machine can run two
      // rotations within one.)
      if (rotation > 1) h.sandbox.shiftClock(7 * 86_400_000);
      const job = await runJob(workflow);
      const id = job.steps.dg!.outputs['credentials-id']!;
      const issued = h.sandbox.credentials().find((c) => c.id === id)!;
      expect(job.steps.dg!.outputs['kept-before']).toBe(previous ?? '');

      const { manifest, registry, userSecret } = appliedSecret();
      expect(manifest).toMatchObject({
        kind: 'Secret',
        type: 'kubernetes.io/dockerconfigjson',
        metadata: { name: 'dg-regcred', namespace: 'deepgram' },
      });
      expect(registry).toBe('quay.io');
      expect(userSecret).toBe(`${issued.username}:${issued.secret}`);

      // The credentials are in the Secret's data and nowhere else: no annotation holds a copy, and
      // the apply is server-side with a field manager of its own, so the API server writes none
      // (it keeps an existing annotation up to date only for the field manager "kubectl").
      expect(manifest.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeUndefined();
      const rest = outsideData(manifest);
      for (const form of [...secretForms(issued.username, issued.secret), manifest.data['.dockerconfigjson']]) {
        expect(rest).not.toContain(form);
      }
      const apply = readFileSync(join(cluster, 'apply-argv.log'), 'utf8').trim().split(' ');
      expect(apply).toContain('--server-side');
      expect(apply.find((arg) => arg.startsWith('--field-manager='))).toMatch(/^--field-manager=(?!kubectl$)\S+$/);
      expect(apply).not.toContain('--save-config');

      // The secret went through a file under RUNNER_TEMP that only its owner could read, gone after
      // the step; what is left there is the kubeconfig the first step wrote, for kubectl alone, which
      // the runner removes when it empties RUNNER_TEMP after the job.
      const files = readFileSync(join(cluster, 'files.log'), 'utf8').trim().split('\n');
      expect(files).toHaveLength(rotation);
      expect(files.at(-1)).toMatch(new RegExp(`^600 ${runnerTemp}/[^/]+$`));
      expect(readdirSync(runnerTemp)).toEqual(['kubeconfig']);
      expect(statSync(join(runnerTemp, 'kubeconfig')).mode & 0o777).toBe(0o600);
      expect(new Set(readFileSync(join(cluster, 'kubeconfig.log'), 'utf8').trim().split('\n'))).toEqual(
        new Set([join(runnerTemp, 'kubeconfig')]),
      );

      expect(job.steps[retireStep]!.outputs.retired).toBe(previous ?? '');
      expect(keptAs(name).map((c) => c.id)).toEqual([id]);
      const forms = secretForms(issued.username, issued.secret);
      expectNothingLeaked(h, Object.values(job.steps), [...forms, ADMIN_KEY, job.steps.dg!.outputs['docker-config-json']!]);
      for (const text of [...job.shell, readFileSync(join(cluster, 'argv.log'), 'utf8')]) {
        for (const form of forms) expect(text).not.toContain(form);
      }
      previous = id;
    }
    expect(keptAs('staging-pull-secret').map((c) => c.id)).toEqual([staging.id]);
    expect(
      h.sandbox
        .credentials()
        .map((c) => c.id)
        .sort(),
    ).toEqual([staging.id, byHand.id, previous].sort());
  });
});
