// A run's outcome alone (`<run>.outcome.json`): what the next action of a trial needs to know of
// the run before it (an earlier segment, the training of the model to score, a rung's
// evaluations), without the run record's wall time. Being deterministic, it keeps those actions'
// keys the same in every build: local, remote, or after a cache lost an entry.
import { readFileSync, writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { metricAt } from "../lib/metrics.ts";
import { parseJsonAllowingNonFinite } from "../lib/nonfinite-json.ts";
import { outcome, type Outcome } from "./run-record.ts";
import { arrayOf, checkFile, nullable, object, readJsonFile, string, type ShapeOf } from "./shape.ts";
import { formatVersion, rebuildFix } from "./versioned.ts";

// 1: the first format.
export const OUTCOME_FORMAT = 1;

/**
 * How a run ended: `outcome`; `error`, one line saying what went wrong (null when it succeeded);
 * `failure_message`, the message the action would have failed with (cause, fix, last lines,
 * command to rerun; null when it succeeded); `log_tail`, the last lines the script printed when
 * it did not succeed ([] when it did). A run record has these fields too, so one can stand in
 * for this file.
 */
export const runOutcome = object({
  outcome,
  error: nullable(string),
  failure_message: nullable(string),
  log_tail: arrayOf(string),
});
/** How a run ended, as its outcome file and its run record keep it. */
export type RunOutcome = ShapeOf<typeof runOutcome>;

const written = object({ format: formatVersion(OUTCOME_FORMAT), ...runOutcome.fields });

export function writeOutcome(path: string, value: RunOutcome): void {
  const { outcome: o, error, failure_message, log_tail } = value;
  const file: ShapeOf<typeof written> = { format: OUTCOME_FORMAT, outcome: o, error, failure_message, log_tail };
  writeFileSync(path, stableJson(file));
}

export function readOutcome(path: string): RunOutcome {
  const fix = rebuildFix(undefined);
  return checkFile(runOutcome, readJsonFile(path, "run outcome", fix), path, "run outcome", fix);
}

/**
 * A trial's validation result, as a rung's decision and a sampler read it: its outcome, and its
 * metric when it succeeded with a finite one (null otherwise: never promoted, a bad trial).
 */
export function readScoredOutcome(outcomePath: string, metricsPath: string, metric: string): { outcome: Outcome; value: number | null } {
  const { outcome: o } = readOutcome(outcomePath);
  const value = o === "succeeded" ? metricAt(parseJsonAllowingNonFinite(readFileSync(metricsPath, "utf8")), metric) : undefined;
  return { outcome: o, value: value !== undefined && Number.isFinite(value) ? value : null };
}
