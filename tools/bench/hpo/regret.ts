// Anytime regret of one study: after each trial, how far its best value so far is from the best
// value the table records for any run of any configuration (never negative). One study of the
// largest budget gives the regret at every smaller budget, since trial n of a study does not depend
// on how many trials follow it. Also against cumulative simulated training time.
import type { Goal, Study, TaskInfo } from "./results.ts";

/** The best value after each trial (the lowest for "minimize", the highest for "maximize"); NaN never improves. */
export function incumbents(values: number[], goal: Goal): number[] {
  let best = Number.NaN;
  return values.map((v) => {
    if (!Number.isNaN(v) && (Number.isNaN(best) || (goal === "minimize" ? v < best : v > best))) best = v;
    return best;
  });
}

/** Regret after each trial: |best so far - best recorded|, in the direction of the goal. */
export function regretCurve(study: Study, task: TaskInfo): number[] {
  return incumbents(
    study.trials.map((t) => t.value),
    task.goal,
  ).map((best) => (task.goal === "minimize" ? best - task.bestRecorded : task.bestRecorded - best));
}

/** Regret after the first n trials. */
export function regretAfter(study: Study, task: TaskInfo, n: number): number {
  if (n < 1 || n > study.trials.length) throw new Error(`${study.method} on ${study.task}, seed ${study.seed}: no regret after ${n} trials (it ran ${study.trials.length})`);
  return regretCurve(study, task)[n - 1]!;
}

/** The cumulative simulated training time (s) after each trial: the trials run one after another. */
export function cumulativeTime(study: Study): number[] {
  let sum = 0;
  return study.trials.map((t) => (sum += t.trainTime));
}

/**
 * Regret once `seconds` of simulated training are spent: that of the last trial finished by then,
 * or NaN before the first has finished.
 */
export function regretAtTime(curve: number[], times: number[], seconds: number): number {
  let lo = 0;
  let hi = times.length;
  // The number of trials finished by `seconds` (times ascend).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= seconds) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? Number.NaN : curve[lo - 1]!;
}
