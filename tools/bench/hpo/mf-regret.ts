// The multi-fidelity benchmark's figures: a databazel study's evaluations in sequential order, and
// regret at the full fidelity after some epochs, from a method's evaluations in the order they ran.
import type { LeaderboardJson } from "../../src/formats/leaderboard.ts";
import { summarize, type Band } from "./curves.ts";

/** The fidelities of every multi-fidelity method: studies.bzl's MF_MIN_EPOCHS, MF_MAX_EPOCHS and MF_REDUCTION_FACTOR (mf_task.py's too). */
export const MF_SCHEDULE = { minEpochs: 9, maxEpochs: 81, reductionFactor: 3 };

/**
 * The epochs one Hyperband iteration spends when every trial continues from its checkpoint
 * (databazel/private/rungs.bzl's brackets, for max_epochs = min_epochs * eta^k): bracket s starts
 * ceil((s_max + 1) / (s + 1) * eta^s) configurations at max_epochs / eta^s epochs and keeps 1/eta
 * at each rung. 621 for 9 to 81 epochs by 3: the baselines' budget.
 */
export function hyperbandEpochs({ minEpochs, maxEpochs, reductionFactor: eta }: typeof MF_SCHEDULE): number {
  let sMax = 0;
  while (minEpochs * eta ** (sMax + 1) <= maxEpochs) sMax++;
  if (minEpochs * eta ** sMax !== maxEpochs) throw new Error(`hyperbandEpochs: ${maxEpochs} is not ${minEpochs} times a power of ${eta}`);
  let total = 0;
  for (let s = sMax; s >= 0; s--) {
    let n = Math.ceil(((sMax + 1) * eta ** s) / (s + 1));
    let previous = 0;
    for (let i = 0; i <= s; i++) {
      const epochs = maxEpochs / eta ** (s - i);
      total += n * (epochs - previous);
      previous = epochs;
      n = Math.max(1, Math.floor(n / eta));
    }
  }
  return total;
}

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

/** The epochs an evaluation sequence spends. */
export const epochsSpent = (evaluations: readonly MfEvaluation[]): number => evaluations.reduce((sum, e) => sum + e.epochs, 0);

/**
 * The regret (best) at the full fidelity after each epoch count from `start` to `end`, over seeds:
 * the mean and the seeds' lowest and highest. The curve starts when every seed has an evaluation
 * at the full fidelity and ends when the first seed has spent all its epochs (no seed is extrapolated).
 */
export function mfBand(method: string, perSeed: readonly (readonly MfEvaluation[])[], optimum: number): Band {
  const firstFull = (evaluations: readonly MfEvaluation[]) => {
    let spent = 0;
    for (const e of evaluations) {
      spent += e.epochs;
      if (e.full) return spent;
    }
    return Number.POSITIVE_INFINITY;
  };
  const start = Math.max(...perSeed.map(firstFull));
  const end = Math.min(...perSeed.map(epochsSpent));
  const x: number[] = [];
  for (let epochs = start; epochs <= end; epochs++) x.push(epochs);
  return summarize(
    method,
    x,
    perSeed.map((evaluations) => x.map((epochs) => mfRegret(evaluations, optimum, epochs).best!)),
  );
}
