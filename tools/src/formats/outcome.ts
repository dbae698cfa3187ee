// A run's outcome alone (`<run>.outcome.json`): what the next action of a trial needs to know of
// the run before it (an earlier segment, the training of the model to score, a rung's
// evaluations), without the run record's wall time. Being deterministic, it keeps those actions'
// keys the same in every build: local, remote, or after a cache lost an entry.
import { readFileSync, writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { metricAt } from "../lib/metrics.ts";
import { parseJsonAllowingNonFinite } from "../lib/nonfinite-json.ts";
import { outcomeFields, type Outcome } from "./run-record.ts";
import { object, readShapedFile, type ShapeOf } from "./shape.ts";
import { formatVersion, rebuildFix } from "./versioned.ts";

// 1: the first format.
export const OUTCOME_FORMAT = 1;

/** The fields a reader needs; a run record has them too, so one can stand in for this file. */
export const runOutcome = object(outcomeFields);
/** How a run ended, as its outcome file and its run record keep it. */
export type RunOutcome = ShapeOf<typeof runOutcome>;

const written = object({ format: formatVersion(OUTCOME_FORMAT), ...runOutcome.fields });

export function writeOutcome(path: string, value: RunOutcome): void {
  const { outcome: o, error, failure_message, log_tail } = value;
  const file: ShapeOf<typeof written> = { format: OUTCOME_FORMAT, outcome: o, error, failure_message, log_tail };
  writeFileSync(path, stableJson(file));
}

export function readOutcome(path: string): RunOutcome {
  return readShapedFile(runOutcome, path, "run outcome", rebuildFix(undefined));
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

/**
 * The outcome and the named metrics of a scored run: null values when it did not succeed, or when
 * one of them is missing or not finite (a trial that cannot be placed on a front).
 */
export function readScoredMetrics(outcomePath: string, metricsPath: string, names: readonly string[]): { outcome: Outcome; values: Record<string, number> | null } {
  const { outcome: o } = readOutcome(outcomePath);
  if (o !== "succeeded") return { outcome: o, values: null };
  const metrics = parseJsonAllowingNonFinite(readFileSync(metricsPath, "utf8"));
  const values: Record<string, number> = {};
  for (const name of names) {
    const value = metricAt(metrics, name);
    if (value === undefined || !Number.isFinite(value)) return { outcome: o, values: null };
    values[name] = value;
  }
  return { outcome: o, values };
}
