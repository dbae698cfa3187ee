// What a trial that did not succeed leaves in place of its outputs, inside a search with
// max_failed_trials: Bazel needs every declared output, and the run record says why these are
// empty. A failure before this run (an earlier segment, the training of the model to score)
// passes on without running the script.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readOutcome } from "../formats/outcome.ts";
import type { RunOutcome } from "./contract-run.ts";

/** Stands in for the model of a trial that has none; the eval shim never scores it. */
export function writePlaceholderModel(path: string, isDirectory: boolean, outcome: RunOutcome): void {
  const text = `databazel: no model: this trial ${outcome.outcome.replace("_", " ")} (${outcome.error}).\n`;
  if (!isDirectory) {
    writeFileSync(path, text);
    return;
  }
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, "NO_MODEL"), text);
}

/**
 * The outcome at `path` (an outcome file, or a run record) when it did not succeed, else undefined. This run
 * then does not run its script; its log (a declared output) says why. A trial that an adaptive
 * search stopped ("pruned") passes on only with `passPruned`: its last checkpoint is a real model,
 * which the final evaluation scores.
 */
export function earlierFailure(path: string | undefined, logPath: string, passPruned = false): RunOutcome | undefined {
  if (path === undefined) return undefined;
  const { outcome, error, failure_message, log_tail } = readOutcome(path);
  if (outcome === "succeeded" || (outcome === "pruned" && !passPruned)) return undefined;
  writeFileSync(logPath, notRunLog(outcome, error));
  return { outcome, error, failure_message, log_tail };
}

/** The log of a run that did not run its script, because of what happened before it. */
export function notRunLog(outcome: string, error: string | null): string {
  return outcome === "pruned"
    ? `databazel: not run: the search stopped this trial, ${error}\n`
    : `databazel: not run: an earlier run of this trial did not succeed (${outcome}): ${error}\n`;
}
