/**
 * The main step: validate inputs, create credentials, mask them, log the registry CLI in, set
 * outputs and the job summary, and leave the post step what it needs to revoke them.
 */
import * as core from '@actions/core';
import { errorMessage } from '../deepgram/errors.js';
import { ProjectApi } from '../deepgram/project-api.js';
import { setOutput } from '../runner/file-commands.js';
import type { CreatedCredentials } from '../deepgram/types.js';
import { readSettings, type Settings } from './inputs.js';
import { keptBefore } from '../deepgram/kept.js';
import * as log from '../runner/log.js';
import { findLoginCli, logIn } from '../registry/login.js';
import { chooseConfig } from '../registry/config.js';
import type { RegistryCli } from '../registry/cli.js';
import { protectSecret, redact } from '../runner/secrets.js';
import * as state from '../runner/state.js';
import { appendToSummary } from '../runner/summary-file.js';
import { jobSummary } from './summary.js';
import { newMarker, tagComment, tagKindFor } from '../deepgram/tags.js';

/**
 * The main step's entry: runs it and turns an error into the step's failure. Importing this module
 * does nothing, so a tool that imports it and calls run() itself (GitHub's local-action) runs the
 * step once; the runner's dist/index.js is a one-line caller of it (through src/action.ts).
 */
export async function run(): Promise<void> {
  try {
    await runMain();
  } catch (error) {
    core.setFailed(redact(error instanceof Error ? error.message : String(error)));
  }
}

export async function runMain(): Promise<void> {
  // First thing: a key passed through `vars` or `env` is not masked by the runner on its own.
  protectSecret(core.getInput('api-key'));
  const { settings, warnings, notes } = readSettings((name) => core.getInput(name));
  warnings.forEach(log.warning);
  notes.forEach(log.info);
  // Without docker or podman there is nothing to log in with: fail before anything is created.
  const cli = settings.login ? await findLoginCli(settings.cli) : undefined;

  const marker = newMarker();
  state.saveMarker(marker);
  const api = ProjectApi.forStep(settings);
  const comment = tagComment(settings.comment, { marker, kind: tagKindFor(settings) });
  // One list, alongside the create rather than after it: kept-before costs no extra round trip.
  const before = keptBefore(api, settings.keep, marker);
  const credentials = await api.create({ comment, scopes: settings.scopes, provider: settings.provider }, marker, {
    inFlight: state.saveCreateInFlight,
    created: state.saveCredentialsId,
    mayHaveStrays: state.saveSweepNeeded,
  });
  const dockerConfigJson = protectCredentials(credentials, settings.registry);
  log.info(`Created distribution credentials ${credentials.id} (${credentials.username}).`);

  // The CLI starts logging in at once; the job summary is built meanwhile, and written once it has.
  const loggingIn = cli && logInOrTakeBack(api, cli, settings, marker, credentials);
  const summary = jobSummary(settings, credentials, comment);
  await loggingIn;

  setOutput('username', credentials.username);
  setOutput('secret', credentials.secret);
  setOutput('credentials-id', credentials.id);
  setOutput('registry', settings.registry);
  setOutput('docker-config-json', dockerConfigJson);
  const keptIds = await before;
  if (keptIds !== undefined) setOutput('kept-before', keptIds);
  await appendToSummary(summary);
}

/** Logs the CLI in; credentials it cannot log in with are of no use to anyone: they are taken back before failing. */
async function logInOrTakeBack(api: ProjectApi, cli: RegistryCli, settings: Settings, marker: string, credentials: CreatedCredentials) {
  // The config is chosen here, once: post undoes what state records of it, never working it out again.
  const config = chooseConfig(cli.name, settings.dockerConfig, settings.dockerConfigAuto, marker);
  state.saveRegistryConfig({ mode: config.mode, cli: config.cli, file: config.file });
  // Saved before the login: a step stopped mid-login may have written the login, and post must undo it.
  state.saveLoggedInTo(settings.registry);
  const login = {
    registry: settings.registry,
    username: credentials.username,
    cli,
    config,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxAttempts: settings.maxAttempts,
  };
  try {
    await logIn(login, marker, credentials.secret);
  } catch (error) {
    await api.revoke(credentials.id).then(
      () => state.saveCredentialsId(''),
      (revokeError: unknown) =>
        log.warning(`Could not revoke ${credentials.id} after the failed login (the post step tries again): ${errorMessage(revokeError)}`),
    );
    throw error;
  }
  log.info(`Logged in to ${settings.registry} as ${credentials.username}.`);
}

/** Masks the secret and every form derived from it, and returns the docker config JSON. */
function protectCredentials(credentials: CreatedCredentials, registry: string): string {
  protectSecret(credentials.secret);
  const auth = Buffer.from(`${credentials.username}:${credentials.secret}`).toString('base64');
  protectSecret(auth);
  const dockerConfigJson = JSON.stringify({ auths: { [registry]: { auth } } });
  protectSecret(dockerConfigJson);
  return dockerConfigJson;
}
