// Runs the studies in the benchmark's workspace: a databazel study is a clean build of its
// hyperparam_search target (no cache), read back from its leaderboard in the manifest's order;
// Optuna's studies of a task are one `bazel run //:<task>_optuna` for every sampler and seed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readLeaderboard, type LeaderboardJson } from "../../src/formats/leaderboard.ts";
import { bazel, NO_CACHE_FLAGS, round } from "../bazel.ts";
import { optunaSampler, studyTarget } from "./methods.ts";
import type { Goal, Study, TaskInfo, WallTime } from "./results.ts";
import type { TabularTask } from "./tasks.ts";

export interface StudyRun {
  study: Study;
  wall: WallTime;
}

/**
 * Builds the search `name` from a clean state and reads its leaderboard. Outputs and action cache
 * are gone, fetched packages kept: trials that another study shares (TPE's random first batch)
 * run again, so each study's wall time is its own. `prepare` is built first, untimed: the task's
 * data, which is not the search's cost.
 */
export async function cleanStudyBuild(dir: string, name: string, prepare: string[] = []): Promise<{ seconds: number; bin: string; board: LeaderboardJson }> {
  await bazel(dir, ["clean"]);
  if (prepare.length) await bazel(dir, ["build", ...NO_CACHE_FLAGS, ...prepare]);
  const { seconds } = await bazel(dir, ["build", ...NO_CACHE_FLAGS, `//:${name}`]);
  const bin = (await bazel(dir, ["info", "bazel-bin"])).stdout.trim();
  return { seconds, bin, board: readLeaderboard(join(bin, `${name}.leaderboard.json`)) };
}

/** `bazel run //:TARGET -- ARGS` in the workspace, with only the program's own output. */
export async function runBaseline(dir: string, target: string, args: string[]): Promise<void> {
  await bazel(dir, ["run", "--ui_event_filters=-info", "--noshow_progress", `//:${target}`, "--", ...args]);
}

/** One databazel study from a clean state: its trials in proposal order, and the build's wall time. */
export async function databazelStudy(dir: string, task: TabularTask, method: string, seed: number): Promise<StudyRun> {
  const name = studyTarget(task.key, method, seed);
  // The task's compact table (studies.bzl), written from the package's results.
  const { seconds, bin, board } = await cleanStudyBuild(dir, name, [`//:${task.key}_table`]);
  // The leaderboard ranks the trials; the manifest lists them in declaration order, which is the
  // draw order of random search and the batch order of a sampler.
  const manifest = JSON.parse(readFileSync(join(bin, `${name}.manifest.json`), "utf8")) as { trials: { name: string }[] };
  const byName = new Map(board.trials.map((t) => [t.trial, t]));
  const trials = manifest.trials.map(({ name: trial }) => {
    const t = byName.get(trial);
    if (!t) throw new Error(`${name}: trial ${trial} of the manifest is not in the leaderboard`);
    return { trial, hyperparams: t.hyperparams, value: t.value ?? Number.NaN, trainTime: t.metrics["train_time"] ?? Number.NaN };
  });
  return { study: { method, task: task.id, seed, trials }, wall: { method, task: task.id, seed, seconds: round(seconds) } };
}

interface OptunaOutput {
  task: string;
  metric: string;
  goal: Goal;
  best_recorded: number;
  studies: { method: string; seed: number; trials: { trial: number; hyperparams: Record<string, string>; value: number; train_time: number }[]; wall_time_s: number }[];
}

/**
 * Optuna's studies of a task, every method and seed, in one process; also the task's best recorded
 * value, which optuna_baseline.py reads from the task's table (so it runs even when no Optuna method does).
 */
export async function optunaStudies(dir: string, task: TabularTask, methods: string[], seeds: number[], trials: number): Promise<{ runs: StudyRun[]; info: TaskInfo }> {
  const out = join(dir, `optuna_${task.key}.json`);
  const samplers = methods.map(optunaSampler);
  const args = ["--samplers", samplers.join(","), "--n_trials", String(methods.length ? trials : 0), "--seeds", seeds.join(","), "--out", out];
  await runBaseline(dir, `${task.key}_optuna`, args);
  const results = JSON.parse(readFileSync(out, "utf8")) as OptunaOutput;
  if (results.goal !== task.goal || results.metric !== task.metric) throw new Error(`optuna_baseline.py says ${task.id} ${results.goal}s ${results.metric}; tasks.ts says it ${task.goal}s ${task.metric}`);
  const runs = results.studies.map((s) => ({
    study: {
      method: s.method,
      task: task.id,
      seed: s.seed,
      trials: s.trials.map((t) => ({ trial: String(t.trial), hyperparams: t.hyperparams, value: t.value, trainTime: t.train_time })),
    },
    wall: { method: s.method, task: task.id, seed: s.seed, seconds: s.wall_time_s },
  }));
  return { runs, info: { task: task.id, metric: task.metric, goal: task.goal, bestRecorded: results.best_recorded } };
}
