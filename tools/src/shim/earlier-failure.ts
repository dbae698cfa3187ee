// Inside a search with max_failed_trials, a failure before this run (an earlier segment, the
// training of the model to score) passes on without running the script; its log says why.
import { writeFileSync } from "node:fs";
import { readOutcome, type RunOutcome } from "../formats/outcome.ts";

/**
 * The outcome at `path` (an outcome file, or a run record) when it did not succeed, else undefined. This run
 * then does not run its script; its log (a declared output) says why. A trial that the
 * scheduler stopped ("pruned") passes on only with `passPruned`: its last checkpoint is a real model,
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
