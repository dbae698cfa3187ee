// The run record: what one DatabazelTrain or DatabazelEval action ran and read and wrote, with
// digests. The shims write it (tools/src/shim/contract-run.ts); `databazel lineage`, `databazel
// diff` and the model report read it. Users may read it too (the `records` output group).
import { writeFileSync } from "node:fs";
import { stableJson } from "../lib/json.ts";
import { arrayOf, checkFile, literal, nullable, number, object, readJsonFile, recordOf, string, type ShapeOf } from "./shape.ts";
import { checkFormatVersion, formatVersion, rebuildFix } from "./versioned.ts";

export const RUN_RECORD_FORMAT = 1;

/** A file or directory as a record names it: directories hash their sorted listing. */
export const fileDigest = object({ path: string, sha256: string, bytes: number });
export type FileDigest = ShapeOf<typeof fileDigest>;

const common = {
  format: formatVersion(RUN_RECORD_FORMAT),
  label: string,
  /** The trial (or segment) inside a search, or null. */
  trial: nullable(string),
  /** The exact command that ran the user's executable; rerunning it reproduces the run. */
  command: arrayOf(string),
  /** null when a signal ended the run; records are written for successful runs only, so 0. */
  exit_code: nullable(number),
  duration_ms: number,
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
  checkFormatVersion(value, file, WHAT, RUN_RECORD_FORMAT, fix);
  const kind = checkFile(object({ kind: literal("train", "eval") }), value, file, WHAT, fix).kind;
  return kind === "train" ? checkFile(trainRecord, value, file, WHAT, fix) : checkFile(evalRecord, value, file, WHAT, fix);
}

export function readRunRecord(path: string, label?: string): RunRecord {
  return parseRunRecord(readJsonFile(path, `the ${WHAT}`, rebuildFix(label)), path, label);
}
