// Mean ranks: on each (task, seed), the methods ranked by regret after a budget (1 the best; tied
// methods share their mean rank), then averaged over seeds per task, and over every task and seed.
import { regretAfter } from "./regret.ts";
import { hasStudy, type Study, type TaskInfo } from "./results.ts";
import { averageRanks } from "./wilcoxon.ts";

export interface RankTable {
  budget: number;
  methods: string[];
  /** Per task, each method's mean rank over seeds (in `methods` order). */
  perTask: { task: string; seeds: number; ranks: number[] }[];
  /** Each method's mean rank over every task and seed. */
  overall: number[];
}

/** Every study of (task, seed), found by method: throws if one is missing. */
export function studyOf(studies: Study[], task: string, seed: number, method: string): Study {
  const study = studies.find((s) => s.task === task && s.seed === seed && s.method === method);
  if (!study) throw new Error(`no study of ${method} on ${task}, seed ${seed}`);
  return study;
}

/**
 * The mean ranks after `budget` trials of `methods` on the tasks and seeds: on each task, the
 * seeds that every method ran (all of them, but for a stopped run's last tasks).
 */
export function meanRanks(studies: Study[], tasks: TaskInfo[], seeds: number[], methods: string[], budget: number): RankTable {
  const info = new Map(tasks.map((t) => [t.task, t]));
  return ranksOf(
    tasks.map((t) => t.task),
    seeds,
    methods,
    budget,
    (task, seed, method) => regretAfter(studyOf(studies, task, seed, method), info.get(task)!, budget),
    (task, seed, method) => hasStudy(studies, task, seed, method),
  );
}

/**
 * The mean ranks of `methods` by `regret(task, seed, method)` (lower is better) on every task and
 * seed that `ran` says every method ran: the tabular kind's regret after a number of trials, or
 * the multi-fidelity kind's final regret.
 */
export function ranksOf(
  tasks: string[],
  seeds: number[],
  methods: string[],
  budget: number,
  regret: (task: string, seed: number, method: string) => number,
  ran: (task: string, seed: number, method: string) => boolean = () => true,
): RankTable {
  const total = methods.map(() => 0);
  let pairs = 0;
  const perTask = tasks.map((task) => {
    const sums = methods.map(() => 0);
    const done = seeds.filter((seed) => methods.every((m) => ran(task, seed, m)));
    pairs += done.length;
    for (const seed of done) {
      const regrets = methods.map((m) => regret(task, seed, m));
      averageRanks(regrets).ranks.forEach((r, i) => {
        sums[i]! += r;
        total[i]! += r;
      });
    }
    return { task, seeds: done.length, ranks: sums.map((s) => s / done.length) };
  });
  return { budget, methods, perTask, overall: total.map((s) => s / pairs) };
}
