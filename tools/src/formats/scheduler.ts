// The files of a search with a scheduler (successive halving, Hyperband; databazel/private/scheduler.bzl):
// the manifest the rules write for each rung's DatabazelPromote action, the one-line promotion file it
// writes for each trial (the only file a trial's next segment reads from the rung), and the rung
// summary the leaderboard, the report and `databazel show` read.
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { readManifest } from "./manifest.ts";
import { goal } from "./leaderboard.ts";
import { constraint, objective } from "./objectives.ts";
import { outcome } from "./run-record.ts";
import { arrayOf, boolean, literal, nullable, number, object, readJsonFile, readShapedFile, string, type ShapeOf } from "./shape.ts";
import { checkVersionedFile, formatVersion, rebuildFix } from "./versioned.ts";

export const SCHEDULERS = ["successive_halving", "hyperband"] as const;
export const scheduler = literal(...SCHEDULERS);

/** One trial at a rung, as the DatabazelPromote manifest names its files (exec-root paths). */
export const promoteTrial = object({
  name: string,
  /** Its metrics on the validation data at this rung. */
  metrics: string,
  /** The validation eval's outcome: a trial that failed or was stopped earlier passes that on. */
  outcome: string,
  /** Where its promotion file goes. */
  promotion: string,
});

/** Which rung of which search: the promote manifest names it, and the rung summary repeats it. */
const rungFields = {
  label: string,
  metric: string,
  goal,
  bracket: number,
  /** 1-based: the first rung is 1. */
  rung: number,
  /** How many rungs the bracket has, the last at max_epochs. */
  rungs: number,
  /** The epochs every trial of this rung has trained. */
  epochs: number,
  /** How many go on to the next rung. */
  keep: number,
};

export const promoteManifest = object({
  ...rungFields,
  /** What the rung ranks by; several objectives or any constraint promote by Pareto fronts. */
  objectives: arrayOf(objective),
  constraints: arrayOf(constraint),
  /** Trials that go on whatever their metric (`continue_trials`), besides the `keep` best. */
  continue_trials: arrayOf(string),
  /** In declared order: ties keep it. */
  trials: arrayOf(promoteTrial),
});
export type PromoteManifest = ShapeOf<typeof promoteManifest>;

export function readPromoteManifest(path: string): PromoteManifest {
  return readManifest(promoteManifest, path, "promote manifest");
}

export const DECISIONS = ["continue", "stop"] as const;
export const decisionValue = literal(...DECISIONS);

/**
 * One trial's decision. It holds only what is the same whenever the decision is (no rank, no
 * other trial's metric, not how many rungs follow), so a trial whose decision did not change
 * keeps its cache hits, also when max_epochs adds a rung.
 */
export const promotion = object({
  decision: decisionValue,
  bracket: number,
  rung: number,
  epochs: number,
  keep: number,
  /** How many trials the rung had. */
  of: number,
});
export type Promotion = ShapeOf<typeof promotion>;

export function writePromotion(path: string, value: Promotion): void {
  writeFileSync(path, stableJson(value));
}

export function readPromotion(path: string): Promotion {
  const fix = "rebuild with one databazel version; if it persists, report a databazel bug.";
  return readShapedFile(promotion, path, "promotion file", fix);
}

/** Why a trial stopped, in one line: the run records and the leaderboard say it. */
export function prunedError(d: Promotion): string {
  return (
    `pruned at epoch ${d.epochs} (rung ${d.rung}): not among the ${d.keep} best of ` +
    `${d.of} on the validation data`
  );
}

// 1: the first format.
export const RUNG_SUMMARY_FORMAT = 1;

export const rungEntry = object({
  trial: string,
  /** The validation eval's outcome: "pruned" for a trial stopped at an earlier rung. */
  outcome,
  /** The metric on the validation data; null when the trial did not succeed. */
  value: nullable(number),
  decision: decisionValue,
  /** Set when `continue_trials` made it go on, though it was not among the best. */
  forced: boolean,
});
export type RungEntry = ShapeOf<typeof rungEntry>;

export const rungSummary = object({
  format: formatVersion(RUNG_SUMMARY_FORMAT),
  ...rungFields,
  /** In declared order. */
  trials: arrayOf(rungEntry),
});
export type RungSummary = ShapeOf<typeof rungSummary>;

export function writeRungSummary(path: string, value: RungSummary): void {
  writeFileSync(path, stableJson(value));
}

export function readRungSummary(path: string, label?: string): RungSummary {
  const fix = rebuildFix(label);
  return checkVersionedFile(rungSummary, readJsonFile(path, "rung summary", fix), path, "rung summary", RUNG_SUMMARY_FORMAT, fix);
}
