// Multi-objective TPE (Ozaki et al., "Multiobjective tree-structured Parzen estimator for
// computationally expensive optimization problems", GECCO 2020), as Optuna's TPESampler does
// it with several objectives: TPE (tpe.ts) whose good trials are the best ceil(gamma * n) by
// non-dominated sorting instead of by one value. Fronts are taken whole, best first; the front
// that does not fit is cut by greedy hypervolume subset selection (the paper's HSSP, Optuna's
// _solve_hssp): the point adding the most hypervolume to those chosen so far, one at a time.
// The Parzen estimators, the candidates and the l / g score are exactly TPE's.
import { hypervolume, nonDominatedRanks, referencePoint } from "../pareto/front.ts";
import { checkGoals, type Goal, type MultiObservation, type Success, successes } from "./multi.ts";
import { type ParzenOptions, proposeParzen } from "./tpe.ts";

export interface MotpeOptions extends ParzenOptions {
  history: readonly MultiObservation[];
  /** One goal per objective, in the order of each trial's `values`. */
  goals: readonly Goal[];
}

/**
 * `count` new configurations, as proposeTpe proposes them (the same options, defaults, seeding,
 * no repeats and errors), the good trials chosen by Pareto fronts. Constraints use Deb's
 * constrained domination: every feasible trial ranks before every infeasible one, and the
 * infeasible ones by violation, so an infeasible trial is good only when fewer feasible trials
 * succeeded than the good group holds (as Optuna's split: then the least violating ones).
 */
export function proposeMotpe(options: MotpeOptions): Record<string, string>[] {
  checkGoals(options.goals);
  const trials = successes(options.history, options.goals);
  return proposeParzen(options, { successes: trials.length, good: (nGood) => bestByFronts(trials, nGood) });
}

/** The history indices of `count` trials, whole fronts first, the last front cut by hypervolume. */
export function bestByFronts(trials: readonly Success[], count: number): number[] {
  const ranks = nonDominatedRanks(trials.map((t) => t.point));
  const chosen: number[] = [];
  for (let rank = 1; chosen.length < count; rank++) {
    const front = trials.filter((_, i) => ranks[i] === rank);
    if (front.length === 0) break;
    const room = count - chosen.length;
    if (front.length <= room) chosen.push(...front.map((t) => t.index));
    // Infeasible trials of equal violation share a rank: cut in history order.
    else if (front[0]!.point.violation > 0) chosen.push(...front.slice(0, room).map((t) => t.index));
    else chosen.push(...greedyHypervolume(front, room));
  }
  return chosen;
}

/**
 * `count` of one front's trials chosen greedily: each time the one whose point adds the most
 * hypervolume to those chosen before it (ties: the earliest in history). The reference point is
 * the front's own (pareto/front.ts's referencePoint), so the ends of the front add something too.
 */
function greedyHypervolume(front: readonly Success[], count: number): number[] {
  const reference = referencePoint(front.map((t) => t.point.values));
  const chosen: (readonly number[])[] = [];
  const left = [...front];
  const indices: number[] = [];
  while (indices.length < count) {
    let best = 0;
    let bestVolume = -Infinity;
    left.forEach((t, k) => {
      const volume = hypervolume([...chosen, t.point.values], reference);
      if (volume > bestVolume) [best, bestVolume] = [k, volume];
    });
    const [taken] = left.splice(best, 1);
    chosen.push(taken!.point.values);
    indices.push(taken!.index);
  }
  return indices;
}
