export declare const ROOT: string;
export declare const BUNDLE: string;
export declare const ACTION_NODE: string;

export interface ActionYml {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string };
}
export declare function actionYml(): ActionYml;

export interface RunOptions {
  /** Inputs by their action.yml names; the others take action.yml's defaults. */
  inputs: Record<string, string>;
  /** Extra environment for the step (PATH, DOCKER_CONFIG, RUNNER_DEBUG, proxies...). */
  env?: Record<string, string>;
  /** A folder for the runner's files; DOCKER_CONFIG defaults to <workdir>/docker. */
  workdir: string;
  /** The script to run instead of the bundle, in the same environment (the benchmark's floor). */
  entry?: string;
  /** The node binary that runs the step; default ACTION_NODE (the benchmark picks its own). */
  node?: string;
  /** Node options before the script, such as --cpu-prof (which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
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
  elapsedMs: number;
}

export declare function runStep(options: RunOptions, state?: Record<string, string>): Promise<StepResult>;
export declare function runAction(options: RunOptions): Promise<{ main: StepResult; post: StepResult }>;
export declare function parseFileCommands(text: string): Record<string, string>;
export declare function maskedLog(result: StepResult): string;
export declare function makeWorkdir(prefix?: string): { path: string; remove: () => void };
