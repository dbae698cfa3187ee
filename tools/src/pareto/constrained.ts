// Deb's constrained domination between two trials, for the pairwise comparisons of NSGA-II's
// binary tournament; nonDominatedRanks ranks whole sets by the same rule.
import { dominates } from "./objectives.ts";
import type { Point } from "./sorting.ts";

/**
 * a constrained-dominates b (Deb et al. 2002, section IV-B): a is feasible and b is not; or
 * both are infeasible and a violates less; or both are feasible and a's values dominate b's.
 */
export function constrainedDominates(a: Point, b: Point): boolean {
  if (a.violation === 0 && b.violation === 0) return dominates(a.values, b.values);
  if (a.violation === 0) return true;
  if (b.violation === 0) return false;
  return a.violation < b.violation;
}
