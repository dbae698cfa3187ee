// The run record: what one DatabazelTrain or DatabazelEval action ran and read and wrote, with
// digests. The shims write it (tools/src/shim/contract-run.ts); `databazel lineage`, `databazel
// diff` and the model report read it. Users may read it too (the `records` output group).
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { arrayOf, checkFile, literal, nullable, number, object, readJsonFile, recordOf, string, type ShapeOf } from "./shape.ts";
import { checkVersionedFile, formatVersion, rebuildFix } from "./versioned.ts";

// 2: the outcome fields (outcome, error, failure_message, log_tail). 3: the outcome "pruned".
export const RUN_RECORD_FORMAT = 3;

/**
 * How a run ended (what counts as an outcome: tools/src/shim/external-signal.ts); only a search
 * with max_failed_trials records a failure. "pruned": the scheduler stopped the trial at a
 * rung, and this run did not train.
 */
export const OUTCOMES = ["succeeded", "failed", "timed_out", "diverged", "pruned"] as const;
/** The outcomes that count as failures (toward max_failed_trials). */
export const FAILURES: readonly Outcome[] = ["failed", "timed_out", "diverged"];
export const outcome = literal(...OUTCOMES);
export type Outcome = ShapeOf<typeof outcome>;

/** A file or directory as a record names it: directories hash their sorted listing. */
export const fileDigest = object({ path: string, sha256: string, bytes: number });
export type FileDigest = ShapeOf<typeof fileDigest>;

/** How a run ended: the fields a run record shares with the outcome file (./outcome.ts). */
export const outcomeFields = {
  /**
   * "succeeded", or, in a search with max_failed_trials, "failed" (a non-zero exit or a broken
   * contract), "timed_out" or "diverged" (its search metric is NaN, infinite or missing); with a
   * scheduler, "pruned" for the segments of a stopped trial, which do not train. An eval
   * run whose model failed to train passes the train run's outcome on without running.
   */
  outcome,
  /** One line saying what went wrong; null when it succeeded. */
  error: nullable(string),
  /** The whole message the action would have failed with: cause, fix, last lines, command to rerun. */
  failure_message: nullable(string),
  /** The last lines the script printed, when it did not succeed; [] when it did. */
  log_tail: arrayOf(string),
};

const common = {
  format: formatVersion(RUN_RECORD_FORMAT),
  label: string,
  /** The trial (or segment) inside a search, or null. */
  trial: nullable(string),
  /** The exact command that ran the user's executable; rerunning it reproduces the run. */
  command: arrayOf(string),
  /** The script's exit code; null when a signal (or its timeout) ended it, or it did not run. */
  exit_code: nullable(number),
  duration_ms: number,
  ...outcomeFields,
};

export const trainRecord = object({
  ...common,
  kind: literal("train"),
  hyperparams: recordOf(string),
  seed: number,
  /** Set when the model trains in segments: the epochs this action trained. */
  epochs: nullable(object({ start: number, end: number })),
  inputs: object({ training_data: arrayOf(fileDigest), executable: fileDigest, init_checkpoint: nullable(fileDigest) }),
  outputs: object({ model: fileDigest }),
});
export type TrainRecord = ShapeOf<typeof trainRecord>;

export const evalRecord = object({
  ...common,
  kind: literal("eval"),
  inputs: object({ model: fileDigest, test_data: arrayOf(fileDigest), executable: fileDigest }),
  outputs: object({ metrics: fileDigest }),
});
export type EvalRecord = ShapeOf<typeof evalRecord>;

export type RunRecord = TrainRecord | EvalRecord;

const WHAT = "run record";

export function writeRunRecord(path: string, record: RunRecord): void {
  writeFileSync(path, stableJson(record));
}

/** Checks a parsed run record; `label` (the target that wrote it) makes the fix a command. */
export function parseRunRecord(value: unknown, file: string, label?: string): RunRecord {
  const fix = rebuildFix(label);
  const kind = checkVersionedFile(object({ kind: literal("train", "eval") }), value, file, WHAT, RUN_RECORD_FORMAT, fix).kind;
  return kind === "train" ? checkFile(trainRecord, value, file, WHAT, fix) : checkFile(evalRecord, value, file, WHAT, fix);
}

export function readRunRecord(path: string, label?: string): RunRecord {
  return parseRunRecord(readJsonFile(path, `the ${WHAT}`, rebuildFix(label)), path, label);
}
