// A search `metric` the eval script never writes is a mistake in the BUILD file (or the script),
// not a trial's failure: the first eval that finishes fails the build, naming the metrics the
// script did write, instead of the leaderboard after every trial has trained. What ran is read
// from Bazel's execution log.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schedulerSearch } from "./harness/scheduler.ts";
import type { SearchAttrs } from "./harness/build-file.ts";
import { loggedBuild } from "./harness/execution-log.ts";
import { SAMPLER_HEADER, samplerSearch, samplerWorkspace } from "./harness/sampler.ts";
import { removeWorkspace } from "./harness/workspace.ts";

/** tests/scheduler/eval.sh writes accuracy and seen_epochs; the searches below rank by "acc". */
const WRONG = (build: string): string => build.replace('metric = "accuracy"', 'metric = "acc"');

/** A grid search of :train and :eval whose trials sleep `sleep` seconds per epoch (3 epochs). */
const gridSearch = (name: string, sleeps: string[], extra: SearchAttrs = {}): string =>
  schedulerSearch(name, { validation_data: undefined, grid: { sleep: sleeps }, hyperparams: { lr: "0.05" }, metric: "acc", ...extra });

let ws = "";
let scratch = "";

/** Builds `target`, which must fail; returns its output and what executed. */
async function failingBuild(target: string): Promise<{ output: string; executed: Record<string, number> }> {
  // Room for every trial of a search at once, whatever the machine's cores: the fast trial's eval
  // then always finishes while the slow one trains.
  const parallel = ["--jobs=4", "--local_cpu_resources=4"];
  const { result, executed } = await loggedBuild([target, ...parallel], { cwd: ws, logDir: scratch, allowFailure: true });
  expect(result.exitCode, result.all).not.toBe(0);
  return { output: result.all ?? "", executed };
}

function expectMessage(output: string, target: string): void {
  expect(output).toMatch(new RegExp(`databazel: ${target} \\(trial \\w+\\): metric = "acc" is not among the metrics the eval executable wrote \\(accuracy, seen_epochs\\), so no trial can be ranked\\.`));
  expect(output).toContain('Fix: set metric to one of them, e.g. metric = "accuracy", or make the eval executable write "acc".');
}

beforeAll(() => {
  ws = samplerWorkspace(
    SAMPLER_HEADER +
      WRONG(samplerSearch({ name: "tpe", sampler: "tpe", nTrials: 4, batchSize: 2 })) +
      gridSearch("grid", ["0", "20"]) +
      gridSearch("tolerant", ["0", "20"], { max_failed_trials: 2 }) +
      // Several objectives and a constraint on a metric the script does not write either.
      gridSearch("objectives", ["0"], {
        metric: undefined,
        objectives: { accuracy: "maximize", seen_epochs: "minimize" },
        constraints: { latency_ms: "<= 3" },
      }),
  );
  scratch = mkdtempSync(join(tmpdir(), "databazel-wrong-metric-"));
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("a search metric the eval script does not write", () => {
  it("TPE: fails at the first batch's validation, before the second batch is proposed or trained", async () => {
    const { output, executed } = await failingBuild("//:tpe");
    expectMessage(output, "//:tpe");
    expect(executed.DatabazelSampler ?? 0).toBe(0);
    expect(executed.DatabazelTrain ?? 0).toBeLessThanOrEqual(2);
  });

  it("grid: fails at the first eval, before the slow trial has trained", async () => {
    const { output, executed } = await failingBuild("//:grid");
    expectMessage(output, "//:grid");
    // The fast trial trained and its eval failed; the slow one (60 s) was stopped unfinished.
    expect(executed.DatabazelTrain).toBe(1);
    expect(existsSync(join(ws, "bazel-bin", "grid", "sleep_20", "model"))).toBe(false);
  });

  it("several objectives: a constrained metric it does not write fails the same way, named", async () => {
    const { output } = await failingBuild("//:objectives");
    expect(output).toMatch(
      /databazel: \/\/:objectives \(trial \w+\): the search ranks by "latency_ms", which is not among the metrics the eval executable wrote \(accuracy, seen_epochs\), so no trial can be ranked\./,
    );
    expect(output).toContain('Fix: set objectives or constraints to metrics among them, or make the eval executable write "latency_ms".');
  });

  it("with max_failed_trials, it is not a trial's failure: the build fails all the same", async () => {
    const { output } = await failingBuild("//:tolerant");
    expectMessage(output, "//:tolerant");
    expect(output).not.toContain("diverged");
  });
});
