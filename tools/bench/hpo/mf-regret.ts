// The multi-fidelity benchmark's figures: a databazel study's evaluations in sequential order, and
// regret at the full fidelity after some epochs, from a method's evaluations in the order they ran.
import type { LeaderboardJson } from "../../src/formats/leaderboard.ts";

/** One evaluation of a configuration: the epochs it cost, and at full fidelity its losses. */
export interface MfEvaluation {
  trial: string;
  /** Epochs this evaluation trained (from its checkpoint, or from scratch). */
  epochs: number;
  /** Whether it reached the full fidelity (max_epochs). */
  full: boolean;
  /** The searched loss, with the function's noise. */
  loss: number;
  /** The loss without noise: what regret is measured on. */
  trueLoss: number;
  /** Simulated training time (s) this evaluation adds. */
  runtime: number;
}

/**
 * Regret after the evaluations that fit in `budget` epochs, counting only full-fidelity ones:
 * `best`, the lowest true loss among them minus the optimum; `incumbent`, the true loss of the one
 * with the lowest noisy loss (what the method itself would pick) minus the optimum. Undefined
 * while no evaluation has reached the full fidelity.
 */
export function mfRegret(evaluations: readonly MfEvaluation[], optimum: number, budget: number): { best?: number; incumbent?: number } {
  let spent = 0;
  let best: number | undefined;
  let incumbent: MfEvaluation | undefined;
  for (const e of evaluations) {
    spent += e.epochs;
    if (spent > budget) break;
    if (!e.full) continue;
    if (best === undefined || e.trueLoss < best) best = e.trueLoss;
    if (!incumbent || e.loss < incumbent.loss) incumbent = e;
  }
  return { best: best === undefined ? undefined : best - optimum, incumbent: incumbent ? incumbent.trueLoss - optimum : undefined };
}

/**
 * databazel's evaluations in Hyperband's sequential order: bracket by bracket (the most
 * aggressive first), rung by rung; a trial at a rung costs the epochs since the previous rung.
 * Trials that reach the last rung are the full-fidelity evaluations, with the leaderboard's
 * loss (test data, which scores as the validation data) and true_loss.
 */
export function scheduleEvaluations(board: LeaderboardJson): MfEvaluation[] {
  if (!board.schedule) throw new Error(`${board.label}: the leaderboard has no schedule (not a search with a scheduler)`);
  const byName = new Map(board.trials.map((t) => [t.trial, t]));
  const brackets = [...board.schedule.brackets].sort((a, b) => b.bracket - a.bracket);
  const evaluations: MfEvaluation[] = [];
  for (const { rungs } of brackets) {
    let previous = 0;
    for (const rung of rungs) {
      for (const entry of rung.trials) {
        const trial = byName.get(entry.trial);
        const full = rung.keep === null && rung.epochs === board.schedule.max_epochs;
        evaluations.push({
          trial: entry.trial,
          epochs: rung.epochs - previous,
          full,
          loss: full ? (trial?.metrics["loss"] ?? Number.NaN) : (entry.value ?? Number.NaN),
          trueLoss: full ? (trial?.metrics["true_loss"] ?? Number.NaN) : Number.NaN,
          runtime: 0,
        });
      }
      previous = rung.epochs;
    }
  }
  // The simulated time of a trial that trains on from its checkpoint is the runtime model at the
  // epochs it reached: count it once, on its first evaluation.
  const seen = new Set<string>();
  for (const e of evaluations) {
    if (seen.has(e.trial)) continue;
    seen.add(e.trial);
    e.runtime = byName.get(e.trial)?.metrics["runtime"] ?? Number.NaN;
  }
  return evaluations;
}
