/** What the registry's login and logout read of the main action's settings (login/inputs.ts's Settings holds every one). */
import type { ApiSettings } from '../inputs/api.js';

export interface LoginSettings extends Pick<ApiSettings, 'maxAttempts' | 'requestTimeoutMs'> {
  /** The registry host, with an optional port (inputs/registry-host.ts). */
  registry: string;
  /** Log out at job end (and put back the login this one replaced). */
  logout: boolean;
  /** The registry CLI: docker where it is on PATH, else podman (auto), or the one named. */
  cli: 'auto' | 'docker' | 'podman';
  /** default: the CLI's usual config; job: a config of this job's own under RUNNER_TEMP. */
  dockerConfig: 'default' | 'job';
  /** dockerConfig is what `auto` chose: job on a self-hosted runner, default elsewhere. */
  dockerConfigAuto: boolean;
}
