// What every tool runs: the same grid, the same trivial Python train and eval scripts (databazel's
// flag contract, docs/contract.md), the same data, and the same per-trial output layout.
import { gridShape } from "../workspace.ts";

export interface Grid {
  /** The key with fewer values: the one the "one value changed" phase edits. */
  a: string[];
  b: string[];
}

export type Trial = readonly [a: string, b: string];

const range = (k: number): string[] => Array.from({ length: k }, (_, i) => String(i));

/** The N-trial grid, and the same grid with one value of its smaller key changed. */
export function grids(n: number): { original: Grid; changed: Grid; changedValue: string } {
  const [ka, kb] = gridShape(n);
  const original = { a: range(ka), b: range(kb) };
  // A value the grid does not have yet, so exactly the kb = N / ka trials that use it must run.
  const changedValue = String(ka);
  return { original, changed: { a: [changedValue, ...original.a.slice(1)], b: original.b }, changedValue };
}

export const trials = (grid: Grid): Trial[] => grid.a.flatMap((a) => grid.b.map((b): Trial => [a, b]));

/** Where a trial's files go, for the tools that lay the outputs out themselves. */
export const trialDir = ([a, b]: Trial) => `out/a${a}_b${b}`;

// Reads every flag of the contract, as a real script would, and does almost nothing with them:
// the benchmark measures the tools' overhead per trial, not training.
export const TRAIN_PY = `import argparse, hashlib, json, os

p = argparse.ArgumentParser()
p.add_argument("--training_data", action="append", required=True)
p.add_argument("--model", required=True)
p.add_argument("--hyperparams", required=True)
p.add_argument("--hyperparams_file", required=True)
p.add_argument("--seed", type=int, required=True)
p.add_argument("--output_dir", required=True)
args = p.parse_args()

digest = hashlib.sha256()
for path in args.training_data:
    with open(path, "rb") as f:
        digest.update(f.read())
with open(args.hyperparams_file) as f:
    assert json.load(f) == json.loads(args.hyperparams)
os.makedirs(args.output_dir, exist_ok=True)
with open(args.model, "w") as f:
    json.dump({"hyperparams": json.loads(args.hyperparams), "seed": args.seed, "data": digest.hexdigest()}, f)
`;

// The accuracy is a checksum of the model, so trials differ and a leaderboard is not all ties.
export const EVAL_PY = `import argparse, hashlib, json

p = argparse.ArgumentParser()
p.add_argument("--model", required=True)
p.add_argument("--test_data", action="append", required=True)
p.add_argument("--metrics", required=True)
args = p.parse_args()

with open(args.model, "rb") as f:
    accuracy = int(hashlib.sha256(f.read()).hexdigest()[:8], 16) / 2**32
with open(args.metrics, "w") as f:
    json.dump({"accuracy": accuracy}, f)
`;

export const DATA = { "train.csv": "x,y\n1,0\n", "test.csv": "x,y\n2,1\n" };

/**
 * train.sh A B DIR: one trial's training, as Snakemake, DVC and the bare loops run it. It writes
 * the hyperparameters file that databazel writes for its trials, so every tool does the same work.
 */
export const trainSh = (python: string) => `#!/bin/sh
set -eu
a=$1 b=$2 dir=$3
hp="{\\"a\\": \\"$a\\", \\"b\\": \\"$b\\"}"
mkdir -p "$dir"
printf '%s\\n' "$hp" >"$dir/hyperparams.json"
exec ${python} train.py --training_data train.csv --model "$dir/model" --hyperparams "$hp" \\
  --hyperparams_file "$dir/hyperparams.json" --seed 1 --output_dir "$dir/extras"
`;

/** eval.sh DIR: one trial's evaluation. */
export const evalSh = (python: string) => `#!/bin/sh
set -eu
exec ${python} eval.py --model "$1/model" --test_data test.csv --metrics "$1/metrics.json"
`;
