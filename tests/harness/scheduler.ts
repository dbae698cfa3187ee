// The consumer workspace of the scheduler tests, from the fixture tests/scheduler: its train
// script (it continues from checkpoints and records every run in its model), its eval script
// (accuracy peaks at lr = 0.05) and its data files, whose `bias` tells validation from test
// metrics.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./bazel.ts";
import { hyperparamSearch, type SearchAttrs } from "./build-file.ts";
import { consumerWorkspace } from "./workspace.ts";

/** BUILD lines that load hyperparam_search and make :train (checkpointing) and :eval from the fixture's scripts. */
export const SCHEDULER_HEADER = `load("@databazel//databazel:defs.bzl", "hyperparam_search")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "train", srcs = ["train.sh"], tags = ["databazel:checkpoints"])

sh_binary(name = "eval", srcs = ["eval.sh"])
`;

/**
 * A search of :train and :eval on the fixture's train, validation and test data, ranked by
 * accuracy; `attrs` add the space, the scheduler or sampler and the rest, and may override the
 * executables.
 */
export function schedulerSearch(name: string, attrs: SearchAttrs): string {
  const { train_executable = ":train", eval_executable = ":eval", ...rest } = attrs;
  return hyperparamSearch({
    name,
    training_data: "train.csv",
    validation_data: "validation.csv",
    test_data: "test.csv",
    train_executable,
    eval_executable,
    metric: "accuracy",
    ...rest,
  });
}

/**
 * A consumer workspace with the fixture's scripts and data files, `scripts` of tests/scheduler
 * beside them, and `files` (its BUILD.bazel among them). The caller removes it.
 */
export function schedulerWorkspace(files: Record<string, string>, scripts: string[] = []): string {
  const ws = consumerWorkspace(files);
  for (const file of ["train.sh", "eval.sh", "train.csv", "validation.csv", "test.csv", ...scripts]) {
    copyFileSync(join(repoRoot, "tests", "scheduler", file), join(ws, file));
  }
  return ws;
}
