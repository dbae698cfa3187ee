// A segment of a trial that the scheduler stopped: it runs nothing, carries the trial's last
// checkpoint forward as its model (so the final evaluation scores what the trial last trained),
// and records the outcome "pruned". Declared-but-skipped segments thus cost a file copy.
import { mkdirSync, writeFileSync } from "node:fs";
import { copyResolved, discard } from "../lib/outputs.ts";
import { readOutcome, type RunOutcome } from "../formats/outcome.ts";
import { prunedError, readPromotion } from "../formats/scheduler.ts";
import { notRunLog } from "./earlier-failure.ts";

/**
 * The outcome "pruned" when this segment's decision says stop, or the segment before it was
 * pruned; undefined when it trains. A failure before it is not this function's: the contract
 * run passes it on.
 */
export function prunedOutcome(promotionPath: string | undefined, previousOutcome: string | undefined): RunOutcome | undefined {
  const previous = previousOutcome === undefined ? undefined : readOutcome(previousOutcome);
  if (previous && previous.outcome !== "succeeded") {
    return previous.outcome === "pruned"
      ? { outcome: "pruned", error: previous.error, failure_message: null, log_tail: [] }
      : undefined;
  }
  if (promotionPath === undefined) return undefined;
  const promotion = readPromotion(promotionPath);
  if (promotion.decision === "continue") return undefined;
  return { outcome: "pruned", error: prunedError(promotion), failure_message: null, log_tail: [] };
}

/** Writes a pruned segment's outputs: the checkpoint it continues, an empty output dir, the log. */
export function carryForward(options: {
  initCheckpoint: string;
  model: string;
  modelIsDir: boolean;
  outputDir: string;
  logPath: string;
  outcome: RunOutcome;
}): void {
  if (options.modelIsDir) discard(options.model, true);
  copyResolved(options.initCheckpoint, options.model);
  mkdirSync(options.outputDir, { recursive: true });
  writeFileSync(options.logPath, notRunLog("pruned", options.outcome.error));
}
