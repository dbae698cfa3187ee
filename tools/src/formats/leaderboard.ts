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
// 4: multi-objective searches: the objectives, constraints and select; each trial's Pareto rank,
//    crowding distance and feasibility; the front (also in the best-trial file).
export const LEADERBOARD_FORMAT = 4;

import { constraint, goal, objective } from "./objectives.ts";

export { goal, type Goal } from "./objectives.ts";

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
  /** With a scheduler: the Hyperband iteration of its bracket, from 1 (1 for successive halving); else null. */
  iteration: nullable(number),
  /** With a scheduler: the last rung the trial reached, 1-based; else null. */
  rung: nullable(number),
  /** With a scheduler: the epochs the trial trained (null when it failed); else null. */
  epochs: nullable(number),
  /**
   * Its front in non-dominated sorting (1 is the Pareto front), among the trials that trained as
   * far (with a scheduler); infeasible trials come after every feasible one. With one objective
   * and no constraints, trials of equal value share a rank. Null when the trial did not succeed.
   */
  pareto_rank: nullable(number),
  /**
   * Its crowding distance in its front (NSGA-II's: the normalized size of the gap around it);
   * null when it is infinite (an extreme of its front) or the trial is not ranked.
   */
  crowding: nullable(number),
  /** How far it is outside the constraints (0 when it keeps them all); null when the trial did not succeed. */
  violation: nullable(number),
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
  /** How many times Hyperband ran its brackets (1 for successive halving). */
  iterations: number,
  brackets: arrayOf(object({ iteration: number, bracket: number, rungs: arrayOf(scheduleRung) })),
});
export type Schedule = ShapeOf<typeof schedule>;

/** A trial of the Pareto front, as the best-trial file lists it. */
export const frontTrial = object({
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  /** Its objectives' values, by name. */
  values: recordOf(number),
  model: string,
});

export const leaderboard = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  label: string,
  /** The objective whose value `value` holds: the only one, or `select`'s, or the first. */
  metric: string,
  goal,
  /** What trials are ranked by, in the order given: one for a search by `metric`. */
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** With several objectives, how the best trial is picked from the front ("knee" or an objective); else null. */
  select: nullable(string),
  /** The name of the best trial (rank 1), which succeeded. */
  best: string,
  /** The Pareto front: the trials of pareto_rank 1 that trained to the end, in leaderboard order. */
  front: arrayOf(string),
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
  objectives: arrayOf(objective),
  select: nullable(string),
  /** The best trial's objective values, by name. */
  values: recordOf(number),
  /** Every trial of the Pareto front, the best first. */
  front: arrayOf(frontTrial),
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
