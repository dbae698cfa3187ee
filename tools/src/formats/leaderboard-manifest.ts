// The manifest databazel/private/actions/leaderboard.bzl writes for the DatabazelLeaderboard action
// (tools/src/bin/leaderboard.ts): the search's ranking settings and every trial's files, by their
// unmapped exec-root paths. Its field names are generated into databazel/private/contract.bzl.
import { readManifest } from "./manifest.ts";
import { goal } from "./leaderboard.ts";
import { constraint, objective } from "./objectives.ts";
import { scheduler } from "./scheduler.ts";
import { arrayOf, nullable, number, object, recordOf, string, type ShapeOf } from "./shape.ts";

export const leaderboardTrial = object({
  name: string,
  hyperparams: recordOf(string),
  /** Set when the trial's hyperparameters are known only while building (proposed by a sampler): read them from here. */
  hyperparams_file: nullable(string),
  seed: number,
  /** The trial's model, exec-root relative: what the action reads and copies. */
  model: string,
  /** The same model relative to bazel-bin's root, for the leaderboard. */
  model_short_path: string,
  metrics: string,
  /** The trial's eval run record: its outcome (an eval of a failed training passes that on). */
  record: string,
});

/** The scheduler's settings, with where each deciding rung's summary is. */
export const schedulerSettings = object({
  scheduler,
  min_epochs: number,
  max_epochs: number,
  reduction_factor: number,
  /** How many times Hyperband runs its brackets (1 for successive halving). */
  iterations: number,
  brackets: arrayOf(
    object({
      /** The Hyperband iteration the bracket belongs to, from 1. */
      iteration: number,
      bracket: number,
      /** The bracket's trials, in declared order. */
      trials: arrayOf(string),
      /** keep and summary are null at the last rung, which decides nothing. */
      rungs: arrayOf(object({ epochs: number, keep: nullable(number), summary: nullable(string) })),
    }),
  ),
});
export type SchedulerSettings = ShapeOf<typeof schedulerSettings>;

export const leaderboardManifest = object({
  label: string,
  /** The objective whose value is the best trial's value: `select`'s, or the first. */
  metric: string,
  goal,
  /** In the order given; one, `{metric, goal}`, for a search by one metric. */
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** With several objectives: "knee" or an objective's name, which picks the best trial of the front; else null. */
  select: nullable(string),
  /** How many trials may fail (not succeed) before the search fails; 0 fails on the first. */
  max_failed_trials: number,
  /** In declaration order: equal scores keep it. */
  trials: arrayOf(leaderboardTrial),
  /** Set for successive halving and Hyperband; null for grid and random search. */
  schedule: nullable(schedulerSettings),
});
export type LeaderboardManifest = ShapeOf<typeof leaderboardManifest>;

export function readLeaderboardManifest(path: string): LeaderboardManifest {
  return readManifest(leaderboardManifest, path, "leaderboard manifest");
}
