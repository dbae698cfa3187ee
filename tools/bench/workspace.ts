// The search benchmark's consumer workspace (tools/bench/fixtures/search): one hyperparam_search
// with exactly N trials, plus the fixture's one-trial search that warms the server up without
// analysing the big one.
import { appendBuild, makeWorkspace } from "./fixtures.ts";

/** Two factors of n, as close to each other as possible, so the grid has two similar keys. */
export function gridShape(n: number): [number, number] {
  let a = Math.floor(Math.sqrt(n));
  while (n % a !== 0) a--;
  return [a, n / a];
}

const range = (k: number): string[] => Array.from({ length: k }, (_, i) => String(i));

/** Writes a fresh workspace under the temp directory whose //:search has exactly n trials. */
export function makeBenchWorkspace(n: number): string {
  const dir = makeWorkspace(`databazel-bench-${n}-`, [{ dir: "common" }, { dir: "search" }]);
  const [a, b] = gridShape(n);
  appendBuild(
    dir,
    `
# ${a} x ${b} = ${n} trials.
hyperparam_search(
    name = "search",
    eval_executable = ":eval",
    grid = ${JSON.stringify({ a: range(a), b: range(b) })},
    metric = "accuracy",
    test_data = "test.csv",
    train_executable = ":train",
    training_data = "train.csv",
)
`,
  );
  return dir;
}
