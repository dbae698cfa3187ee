// The HPO benchmark's figures from one study's trials, in the order they were proposed: the best
// value after each trial, and the regret against the best value the table records.

/** One study's trials in proposal order, as the benchmark reads them from databazel or Optuna. */
export interface Study {
  method: string;
  task: string;
  seed: number;
  /** Each trial's val_loss and simulated training time (s), in proposal order. */
  trials: { trial: string; valLoss: number; trainTime: number }[];
  /** Wall time of the study's run, s: a clean build for databazel, the loop for Optuna. */
  wallSeconds: number;
}

/** The lowest value seen after each trial (minimized metric). */
export function incumbents(values: number[]): number[] {
  let best = Number.POSITIVE_INFINITY;
  return values.map((v) => (best = Math.min(best, v)));
}

/** Regret after the first n trials: the best value so far minus the table's best. */
export function regretAfter(study: Study, n: number, bestRecorded: number): number {
  const curve = incumbents(study.trials.slice(0, n).map((t) => t.valLoss));
  return curve[curve.length - 1]! - bestRecorded;
}
