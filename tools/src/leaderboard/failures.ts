// The message of a search that failed because too many of its trials did not succeed: each
// one with its cause, its last lines and the command that reproduces it (from its run record).
import type { RunRecord } from "../formats/run-record.ts";

export function tooManyFailures(label: string, maxFailed: number, trials: number, failed: readonly RunRecord[]): string {
  const none = failed.length === trials;
  const head = none
    ? `databazel: ${label}: none of the ${trials} trials succeeded, so there is no best model.`
    : `databazel: ${label}: ${failed.length} of ${trials} trials did not succeed, more than max_failed_trials = ${maxFailed}.`;
  const fix = none
    ? "Fix: make the scripts work for at least one trial; each failure below says why it failed and how to rerun it."
    : `Fix: fix the failing trials (each below says why and how to rerun it), or raise max_failed_trials to ${failed.length} or more to rank the others.`;
  const lines = [head, fix, `Failed trials (${failed.length}):`];
  for (const record of failed) {
    lines.push(`- trial ${record.trial}: ${record.outcome}: ${record.error}`);
    lines.push(...(record.failure_message ?? "").split("\n").map((line) => `    ${line}`));
  }
  return lines.join("\n");
}
