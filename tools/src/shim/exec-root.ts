// Where a shim runs, told from its working directory: an action runs in
// <output_base>/execroot/<ws>, a sandboxed one in <output_base>/sandbox/<strategy>/<n>/execroot/<ws>,
// a sandboxed persistent worker in <output_base>/bazel-workers/worker-<n>-<mnemonic>/<ws>. On a
// remote executor none of these: there is no output base above it.

const EXEC_ROOT_BELOW_OUTPUT_BASE = [
  /^(.+)\/execroot\/[^/]+$/,
  /^(.+)\/sandbox\/[^/]+\/\d+\/execroot\/[^/]+$/,
  /^(.+)\/bazel-workers\/[^/]+\/[^/]+$/,
];

/** The output base above an action's working directory, or undefined (remote execution, say). */
export function outputBaseOf(cwd: string): string | undefined {
  // The sandbox patterns first: a sandbox's own execroot also matches the first one.
  for (const pattern of [...EXEC_ROOT_BELOW_OUTPUT_BASE].reverse()) {
    const match = pattern.exec(cwd);
    if (match) return match[1];
  }
  return undefined;
}

/** Whether the working directory is a sandbox's or a sandboxed worker's, private to the action. */
export function isPrivateExecRoot(cwd: string): boolean {
  return EXEC_ROOT_BELOW_OUTPUT_BASE.slice(1).some((p) => p.test(cwd));
}
