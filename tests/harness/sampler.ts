// The consumer workspace of the sampler tests: the scheduler fixture's workspace
// (harness/scheduler.ts) with the sampler executable of tests/scheduler beside its scripts.
import { schedulerSearch, schedulerWorkspace } from "./scheduler.ts";

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
  return schedulerSearch(name, { space, seed, sampler, n_trials: nTrials, batch_size: batchSize });
}

/** A consumer workspace with the scripts and data files the searches above use, and `build` as its BUILD.bazel. */
export function samplerWorkspace(build: string): string {
  return schedulerWorkspace({ "BUILD.bazel": build }, ["sweep_sampler.sh"]);
}
