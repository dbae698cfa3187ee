// Real data sizes: a training file larger than a Node Buffer may hold (2 GiB) goes through the
// shims, whose run records still carry its sha256: taken from the digest Bazel computed for it
// when the helpers run as workers, else hashed once for the whole search, streamed.
import { execa } from "execa";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { executedByMnemonic } from "./harness/execution-log.ts";
import { PLAIN_SPAWNS } from "./harness/strategies.ts";
import { consumerWorkspace, removeWorkspace } from "./harness/workspace.ts";
import { readRunRecord } from "../tools/src/formats/run-record.ts";

// Just over 2 GiB, sparse: cheap on disk, but no single read can hold it.
const BIG_BYTES = 2 * 1024 ** 3 + 4096;

// Reads only the data's size and first bytes, as a real trainer that streams would.
const TRAIN = `#!/bin/sh
set -eu
while [ $# -gt 0 ]; do
  case "$1" in
    --training_data) data=$2 ;;
    --model) model=$2 ;;
    --hyperparams) hp=$2 ;;
  esac
  shift 2
done
echo "size=$(stat -L -c %s "$data") head=$(head -c 4 "$data") hp=$hp" >"$model"
`;

const EVAL = `#!/bin/sh
set -eu
while [ $# -gt 0 ]; do
  case "$1" in
    --metrics) metrics=$2 ;;
    --model) model=$2 ;;
  esac
  shift 2
done
case "$(cat "$model")" in *0.1*) echo '{"accuracy": 0.9}' ;; *) echo '{"accuracy": 0.8}' ;; esac >"$metrics"
`;

let ws = "";
/** big.bin's sha256, by sha256sum: what every run record must carry. */
let expected = "";

beforeAll(async () => {
  ws = consumerWorkspace({
    "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "hyperparam_search")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "train", srcs = ["train.sh"])

sh_binary(name = "eval", srcs = ["eval.sh"])

hyperparam_search(
    name = "search",
    training_data = "big.bin",
    test_data = "test.csv",
    train_executable = ":train",
    eval_executable = ":eval",
    grid = {"lr": ["0.1", "0.2"]},
    metric = "accuracy",
)
`,
    "train.sh": TRAIN,
    "eval.sh": EVAL,
    "test.csv": "x\n1\n",
    "big.bin": "BIG!",
  });
  await execa("truncate", ["-s", String(BIG_BYTES), join(ws, "big.bin")]);
  expected = (await execa("sha256sum", [join(ws, "big.bin")])).stdout.split(" ")[0]!;
}, 60_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

async function checkSearch(flags: string[]): Promise<Record<string, number>> {
  const log = join(ws, "exec.log");
  await bazel(["build", "//:search", "--output_groups=+records", `--execution_log_json_file=${log}`, ...flags], { cwd: ws });
  const board = JSON.parse(readFileSync(join(ws, "bazel-bin", "search.leaderboard.json"), "utf8")) as { best: string };
  expect(board.best).toBe("lr_0.1");
  for (const trial of ["lr_0.1", "lr_0.2"]) {
    expect(readFileSync(join(ws, "bazel-bin", "search", trial, "model"), "utf8")).toContain(`size=${BIG_BYTES} head=BIG!`);
    const record = readRunRecord(join(ws, "bazel-bin", "search", trial, "run.train.json"));
    if (record.kind !== "train") throw new Error("expected a train record");
    expect(record.inputs.training_data).toEqual([{ path: "big.bin", sha256: expected, bytes: BIG_BYTES }]);
  }
  return executedByMnemonic(log);
}

describe("a training file larger than 2 GiB", () => {
  // One digest action per data attribute, whatever the number of trials.
  const ONCE = { DatabazelDigest: 2, DatabazelTrain: 2, DatabazelEval: 2 };

  it("trains every trial, and each run record carries the file's sha256, from Bazel's own digest (workers)", async () => {
    expect(await checkSearch([])).toMatchObject(ONCE);
  });

  it("the same with plain spawns, which hash the file once, streamed", async () => {
    await bazel(["clean"], { cwd: ws });
    expect(await checkSearch(PLAIN_SPAWNS)).toMatchObject(ONCE);
  });
});
