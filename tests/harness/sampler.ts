// The consumer workspace of the sampler tests: the adaptive tests' train and eval
// scripts (accuracy peaks at lr = 0.05), the sampler executable of tests/adaptive, and data
// files whose `bias` tells validation from test metrics.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./bazel.ts";
import { consumerWorkspace } from "./workspace.ts";

/** BUILD lines that load hyperparam_search and make :train, :eval and the :sweep_<mode> samplers. */
export const SAMPLER_HEADER = `load("@databazel//databazel:defs.bzl", "hyperparam_search")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "train", srcs = ["train.sh"])

sh_binary(name = "eval", srcs = ["eval.sh"])

[sh_binary(name = "sweep_" + mode, srcs = ["sweep_sampler.sh"]) for mode in ["ok", "count", "range", "repeat", "crash", "garbage"]]
`;

export interface SamplerSearch {
  name: string;
  /** "tpe" or a sampler executable's label. */
  sampler: string;
  /** Name to distribution; by default lr alone, log-uniform in [0.001, 1). */
  space?: Record<string, string>;
  seed?: number;
  nTrials?: number;
  batchSize?: number;
}

/** A hyperparam_search of the workspace's :train and :eval whose batches `sampler` proposes. */
export function samplerSearch({ name, sampler, space = { lr: "loguniform(0.001, 1)" }, seed = 1, nTrials = 8, batchSize = 4 }: SamplerSearch): string {
  const spaceText = Object.entries(space)
    .map(([k, v]) => `"${k}": "${v}"`)
    .join(", ");
  return `
hyperparam_search(
    name = "${name}",
    training_data = "train.csv",
    validation_data = "validation.csv",
    test_data = "test.csv",
    train_executable = ":train",
    eval_executable = ":eval",
    space = {${spaceText}},
    seed = ${seed},
    metric = "accuracy",
    sampler = "${sampler}",
    n_trials = ${nTrials},
    batch_size = ${batchSize},
)
`;
}

/** A consumer workspace with the scripts and data files the searches above use, and `build` as its BUILD.bazel. */
export function samplerWorkspace(build: string): string {
  const ws = consumerWorkspace({
    "BUILD.bazel": build,
    "train.csv": "bias=0\n",
    "validation.csv": "bias=0.01\n",
    "test.csv": "bias=0\n",
  });
  for (const script of ["train.sh", "eval.sh", "sweep_sampler.sh"]) copyFileSync(join(repoRoot, "tests", "adaptive", script), join(ws, script));
  return ws;
}
