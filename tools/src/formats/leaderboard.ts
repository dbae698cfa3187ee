// The leaderboard (`<search>.leaderboard.json`) and the best trial (`<search>.best.json`) that the
// DatabazelLeaderboard action writes (tools/src/bin/leaderboard.ts); `databazel show`, `databazel
// diff`, `databazel lineage` and the search report read them. The CSV and Markdown leaderboards
// are rendered from the same rows (tools/src/leaderboard/render.ts).
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { arrayOf, boolean, literal, nullable, number, object, readJsonFile, recordOf, string, type ShapeOf } from "./shape.ts";
import { outcome } from "./run-record.ts";
import { checkVersionedFile, formatVersion, rebuildFix } from "./versioned.ts";

// 2: every trial has an outcome (and an error); those that did not succeed rank last, without a value.
// 3: searches with a scheduler: each trial's bracket, rung and epochs trained, the outcome "pruned", and
//    the schedule with every rung's decisions.
export const LEADERBOARD_FORMAT = 3;

export const goal = literal("maximize", "minimize");
export type Goal = ShapeOf<typeof goal>;

/** One trial of the leaderboard, ranked: those that succeeded by value, then the others in declaration order. */
export const ranked = object({
  rank: number,
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  /**
   * "succeeded", "failed", "timed_out" or "diverged" (see the run record's outcome), or with a
   * scheduler "pruned": stopped at a rung, and scored at its last checkpoint.
   */
  outcome,
  /** What went wrong, in one line; null when it succeeded. */
  error: nullable(string),
  /** The value of the search's metric; null when the trial did not succeed. */
  value: nullable(number),
  /** Every scalar metric, by dotted name; {} when the trial did not succeed. */
  metrics: recordOf(number),
  /** The trial's model, relative to the workspace's bazel-bin. */
  model: string,
  /** With a scheduler: the Hyperband bracket (0 for successive halving); else null. */
  bracket: nullable(number),
  /** With a scheduler: the last rung the trial reached, 1-based; else null. */
  rung: nullable(number),
  /** With a scheduler: the epochs the trial trained (null when it failed); else null. */
  epochs: nullable(number),
});
export type Ranked = ShapeOf<typeof ranked>;

/** One trial at one rung of the schedule. */
export const scheduleEntry = object({
  trial: string,
  outcome,
  /** The metric on the validation data at a deciding rung; on the test data at the last rung. */
  value: nullable(number),
  /** "continue" or "stop" at a deciding rung; "final" at the last. */
  decision: literal("continue", "stop", "final"),
  /** Whether continue_trials made it go on though it was not among the best. */
  forced: boolean,
});

export const scheduleRung = object({
  epochs: number,
  /** How many trials go on to the next rung; null at the last rung. */
  keep: nullable(number),
  trials: arrayOf(scheduleEntry),
});

export const schedule = object({
  scheduler: literal("successive_halving", "hyperband"),
  min_epochs: number,
  max_epochs: number,
  reduction_factor: number,
  brackets: arrayOf(object({ bracket: number, rungs: arrayOf(scheduleRung) })),
});
export type Schedule = ShapeOf<typeof schedule>;

export const leaderboard = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  label: string,
  metric: string,
  goal,
  /** The name of the best trial (rank 1), which succeeded. */
  best: string,
  /** Best first. */
  trials: arrayOf(ranked),
  /** The rungs of a search with a scheduler, with every decision; null for grid and random search. */
  schedule: nullable(schedule),
});
export type LeaderboardJson = ShapeOf<typeof leaderboard>;

/** `<search>.best.json`: the best trial alone. */
export const best = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  metric: string,
  goal,
  value: number,
  model: string,
});
export type BestJson = ShapeOf<typeof best>;

export function writeLeaderboard(path: string, board: LeaderboardJson): void {
  writeFileSync(path, stableJson(board));
}

export function writeBest(path: string, value: BestJson): void {
  writeFileSync(path, stableJson(value));
}

/** Checks a parsed leaderboard; `label` (the search) makes the fix a command. */
export function parseLeaderboard(value: unknown, file: string, label?: string): LeaderboardJson {
  return checkVersionedFile(leaderboard, value, file, "leaderboard", LEADERBOARD_FORMAT, rebuildFix(label));
}

export function readLeaderboard(path: string, label?: string): LeaderboardJson {
  return parseLeaderboard(readJsonFile(path, "the leaderboard", rebuildFix(label)), path, label);
}

export function parseBest(value: unknown, file: string, label?: string): BestJson {
  return checkVersionedFile(best, value, file, "best-trial file", LEADERBOARD_FORMAT, rebuildFix(label));
}

/** The hyperparameter columns of a leaderboard: every name any trial has, sorted. */
export function hyperparamNames(trials: readonly { hyperparams: Record<string, string> }[]): string[] {
  return [...new Set(trials.flatMap((t) => Object.keys(t.hyperparams)))].sort();
}
