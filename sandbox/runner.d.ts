export declare const ROOT: string;
/** action.yml's runs.main, the main step's entry. */
export declare const BUNDLE: string;
export declare const ACTION_NODE: string;

export interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string };
}
/** The main action's action.yml by default, or the one at `file` (such as retire/action.yml). */
export declare function actionYml(file?: string): ActionYml;
/** The file the runner runs for a step: action.yml's runs.main or runs.post, absolute. */
export declare function entryOf(step: 'main' | 'post'): string;

export interface RunOptions {
  /** Inputs by their action.yml names; the others take action.yml's defaults. */
  inputs: Record<string, string>;
  /** Extra environment for the step (PATH, DOCKER_CONFIG, RUNNER_DEBUG, proxies...). */
  env?: Record<string, string>;
  /** A folder for the runner's files; DOCKER_CONFIG defaults to <workdir>/docker. */
  workdir: string;
  /** The step to run; by default main without a state argument and post with one. */
  step?: 'main' | 'post';
  /** The script to run instead of the bundle, in the same environment (the benchmark's floor, another action's entry). */
  entry?: string;
  /** The action.yml whose input defaults fill in the inputs not given (default: the main action's). */
  action?: string;
  /** The node binary that runs the step; default ACTION_NODE (the benchmark picks its own). */
  node?: string;
  /** Node options before the script, such as --cpu-prof (which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
  /**
   * Send the step `signal` (default SIGINT, as the runner stops a cancelled or timed-out step) once
   * `when` has resolved and the step has printed the text `logged` (each if given), if it is
   * still running;
   * with SIGKILL and `afterMs`, a bound for a test of a hang (never a moment to stop a step at).
   */
  stop?: { afterMs?: number; when?: Promise<unknown>; logged?: string; signal?: NodeJS.Signals };
}

export interface StepResult {
  exitCode: number;
  /** Everything the step printed, stdout and stderr as they arrived. */
  log: string;
  /** The log without ::add-mask:: commands (unmasked: what the process actually printed). */
  visibleLog: string;
  /** Values registered with ::add-mask::. */
  masks: string[];
  /** Node's own warnings on stderr, `(node:PID) ...Warning: ...` lines (deprecation, experimental, TLS). */
  warnings: string[];
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Variables the step exported to the job's later steps (GITHUB_ENV). */
  exported: Record<string, string>;
  elapsedMs: number;
  /** True when the `stop` signal was sent: the step was still running when it was due. */
  stopped: boolean;
}

export declare function runStep(options: RunOptions, state?: Record<string, string>): Promise<StepResult>;
export declare function runAction(options: RunOptions): Promise<{ main: StepResult; post: StepResult }>;
export declare function parseFileCommands(text: string): Record<string, string>;
export declare function maskedLog(result: StepResult): string;
export declare function makeWorkdir(prefix?: string): { path: string; remove: () => void };
