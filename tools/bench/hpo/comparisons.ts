// Each databazel method against its Optuna counterpart: the Wilcoxon signed-rank test of their
// regrets after a budget, paired by (task, seed), per task and over every task.
import { median } from "./median.ts";
import { studyOf } from "./ranks.ts";
import { regretAfter } from "./regret.ts";
import { hasStudy, type Study, type TaskInfo } from "./results.ts";
import { wilcoxon, type WilcoxonResult } from "./wilcoxon.ts";

/** databazel's method and the Optuna method it is compared with. */
export const COUNTERPARTS: [databazel: string, optuna: string][] = [
  ["databazel_random", "optuna_random"],
  ["databazel_tpe_b1", "optuna_tpe"],
  ["databazel_tpe_b4", "optuna_tpe"],
];

export interface Comparison {
  budget: number;
  databazel: string;
  /** The counterpart: an Optuna method, or on the multi-fidelity tasks also DEHB. */
  optuna: string;
  /** A task's id, or "all" for every task's pairs together. */
  task: string;
  /** Pairs where databazel's regret is lower, higher, or the same. */
  better: number;
  worse: number;
  same: number;
  /** Median of databazel's regret minus Optuna's over the pairs of one task (NaN over several). */
  medianDifference: number;
  test: WilcoxonResult;
}

/** One comparison of the two methods on the tasks' pairs (one per task and seed). */
function compare(studies: Study[], tasks: TaskInfo[], seeds: number[], budget: number, [databazel, optuna]: [string, string], label: string): Comparison {
  const x: number[] = [];
  const y: number[] = [];
  for (const task of tasks) {
    // A stopped run's tasks may lack some seeds (completePart): only the pairs both methods ran.
    for (const seed of seeds.filter((seed) => hasStudy(studies, task.task, seed, databazel) && hasStudy(studies, task.task, seed, optuna))) {
      x.push(regretAfter(studyOf(studies, task.task, seed, databazel), task, budget));
      y.push(regretAfter(studyOf(studies, task.task, seed, optuna), task, budget));
    }
  }
  // Over tasks of different scales (val_loss, val_acc in percent) a median means nothing.
  return pairedComparison(budget, databazel, optuna, label, x, y, tasks.length === 1);
}

/**
 * The Wilcoxon test of databazel's regrets `x` against a counterpart's `y`, paired (by task and
 * seed), with the counts and, when `withMedian` (one task's pairs), the median difference.
 */
export function pairedComparison(budget: number, databazel: string, optuna: string, label: string, x: number[], y: number[], withMedian: boolean): Comparison {
  const diffs = x.map((v, i) => v - y[i]!);
  return {
    budget,
    databazel,
    optuna,
    task: label,
    better: diffs.filter((d) => d < 0).length,
    worse: diffs.filter((d) => d > 0).length,
    same: diffs.filter((d) => d === 0).length,
    medianDifference: withMedian ? median(diffs) : Number.NaN,
    test: wilcoxon(x, y),
  };
}

/**
 * Every counterpart pair whose methods both ran, per task and over all tasks (regrets of tasks
 * of different scales are paired within their task, so pooling them is fair for a rank test).
 */
export function comparisons(studies: Study[], tasks: TaskInfo[], seeds: number[], methods: string[], budget: number): Comparison[] {
  const out: Comparison[] = [];
  for (const pair of COUNTERPARTS) {
    if (!methods.includes(pair[0]) || !methods.includes(pair[1])) continue;
    for (const task of tasks) out.push(compare(studies, [task], seeds, budget, pair, task.task));
    if (tasks.length > 1) out.push(compare(studies, tasks, seeds, budget, pair, "all"));
  }
  return out;
}
