// A run's outcome alone (`<run>.outcome.json`): what the next action of a trial needs to know of
// the run before it (an earlier segment, the training of the model to score, a rung's
// evaluations), without the run record's wall time. Being deterministic, it keeps those actions'
// keys the same in every build: local, remote, or after a cache lost an entry.
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { outcome } from "./run-record.ts";
import { arrayOf, checkFile, nullable, object, readJsonFile, string, type ShapeOf } from "./shape.ts";
import { formatVersion, rebuildFix } from "./versioned.ts";

// 1: the first format.
export const OUTCOME_FORMAT = 1;

/** The fields a reader needs; a run record has them too, so one can stand in for this file. */
export const runOutcome = object({
  outcome,
  error: nullable(string),
  failure_message: nullable(string),
  log_tail: arrayOf(string),
});
export type RunOutcomeFile = ShapeOf<typeof runOutcome>;

const written = object({ format: formatVersion(OUTCOME_FORMAT), ...runOutcome.fields });

export function writeOutcome(path: string, value: RunOutcomeFile): void {
  const { outcome: o, error, failure_message, log_tail } = value;
  const file: ShapeOf<typeof written> = { format: OUTCOME_FORMAT, outcome: o, error, failure_message, log_tail };
  writeFileSync(path, stableJson(file));
}

export function readOutcome(path: string): RunOutcomeFile {
  const fix = rebuildFix(undefined);
  return checkFile(runOutcome, readJsonFile(path, "run outcome", fix), path, "run outcome", fix);
}
