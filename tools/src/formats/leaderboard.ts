// The leaderboard (`<search>.leaderboard.json`) and the best trial (`<search>.best.json`) that the
// DatabazelAggregate action writes (tools/src/bin/aggregate.ts); `databazel show`, `databazel
// diff`, `databazel lineage` and the search report read them. The CSV and Markdown leaderboards
// are rendered from the same rows (tools/src/leaderboard/render.ts).
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { arrayOf, checkFile, literal, nullable, number, object, readJsonFile, recordOf, string, type ShapeOf } from "./shape.ts";
import { outcome } from "./run-record.ts";
import { checkFormatVersion, formatVersion, rebuildFix } from "./versioned.ts";

// 2: every trial has an outcome (and an error); those that did not succeed rank last, without a value.
export const LEADERBOARD_FORMAT = 2;

export const goal = literal("maximize", "minimize");
export type Goal = ShapeOf<typeof goal>;

/** One trial of the leaderboard, ranked: those that succeeded by value, then the others in declaration order. */
export const ranked = object({
  rank: number,
  trial: string,
  hyperparams: recordOf(string),
  seed: number,
  /** "succeeded", "failed", "timed_out" or "diverged" (see the run record's outcome). */
  outcome,
  /** What went wrong, in one line; null when it succeeded. */
  error: nullable(string),
  /** The value of the search's metric; null when the trial did not succeed. */
  value: nullable(number),
  /** Every scalar metric, by dotted name; {} when the trial did not succeed. */
  metrics: recordOf(number),
  /** The trial's model, relative to the workspace's bazel-bin. */
  model: string,
});
export type Ranked = ShapeOf<typeof ranked>;

export const leaderboard = object({
  format: formatVersion(LEADERBOARD_FORMAT),
  label: string,
  metric: string,
  goal,
  /** The name of the best trial (rank 1), which succeeded. */
  best: string,
  /** Best first. */
  trials: arrayOf(ranked),
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
  const fix = rebuildFix(label);
  checkFormatVersion(value, file, "leaderboard", LEADERBOARD_FORMAT, fix);
  return checkFile(leaderboard, value, file, "leaderboard", fix);
}

export function readLeaderboard(path: string, label?: string): LeaderboardJson {
  return parseLeaderboard(readJsonFile(path, "the leaderboard", rebuildFix(label)), path, label);
}

export function parseBest(value: unknown, file: string, label?: string): BestJson {
  const fix = rebuildFix(label);
  checkFormatVersion(value, file, "best-trial file", LEADERBOARD_FORMAT, fix);
  return checkFile(best, value, file, "best-trial file", fix);
}

/** The hyperparameter columns of a leaderboard: every name any trial has, sorted. */
export function hyperparamNames(trials: readonly { hyperparams: Record<string, string> }[]): string[] {
  return [...new Set(trials.flatMap((t) => Object.keys(t.hyperparams)))].sort();
}
