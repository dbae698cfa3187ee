// Checks that Bazel runs with node_test, where there is no vitest: each is a name and a function
// that throws (node:assert) when something is wrong. The checkers of //tests/rules:outputs_test
// and //tests/sampler:tpe_test run theirs with runChecks, bundled with them by esbuild.

export interface Check {
  name: string;
  run(): void;
}

/** Runs every check, prints `ok` or `FAIL` with the error for each, and exits 1 when one failed. */
export function runChecks(checks: readonly Check[]): void {
  let failed = 0;
  for (const check of checks) {
    try {
      check.run();
      console.log(`ok    ${check.name}`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL  ${check.name}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  console.log(`${checks.length - failed} passed, ${failed} failed (Node ${process.version})`);
  process.exitCode = failed ? 1 : 0;
}
