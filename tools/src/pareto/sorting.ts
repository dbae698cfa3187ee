// Non-dominated sorting with constraints: the ranking the leaderboard shows, the scheduler
// promotes by and NSGA-II selects by.
import { dominates } from "./objectives.ts";
import { dimensionOf } from "./vectors.ts";

/** A trial as the sorting sees it: its minimized objective values and its constraint violation. */
export interface Point {
  /** Minimized objective values (see toMinimized). */
  values: readonly number[];
  /** How far outside the constraints (see violation); 0 = feasible. */
  violation: number;
}

/** Compares two vectors lexicographically (objective 0 first). */
function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether any of `members` dominates v. Newest member first: the one placed last in
 *  lexicographic order is the likeliest to dominate, so the scan usually stops early. */
function dominatedByAny(vectors: readonly (readonly number[])[], members: readonly number[], v: readonly number[]): boolean {
  for (let m = members.length - 1; m >= 0; m--) if (dominates(vectors[members[m]!]!, v)) return true;
  return false;
}

/**
 * The 1-based Pareto front of each vector, by efficient non-dominated sort with sequential
 * search (ENS-SS: Zhang, Tian, Cheng and Jin 2015, "An Efficient Approach to Nondominated
 * Sorting for Evolutionary Multiobjective Optimization", IEEE TEVC 19(2)). In lexicographic
 * order a dominator always comes before the point it dominates, so each point goes to the
 * first front none of whose members dominates it (every member of a later front has a
 * dominator in this one, which would dominate the point too). O(M N^2) at worst, O(N) memory.
 */
function paretoFronts(vectors: readonly (readonly number[])[]): number[] {
  const order = vectors.map((_, i) => i).sort((i, j) => lexicographic(vectors[i]!, vectors[j]!) || i - j);
  const fronts: number[][] = [];
  const rank = new Array<number>(vectors.length).fill(0);
  for (const i of order) {
    const v = vectors[i]!;
    let f = 0;
    while (f < fronts.length && dominatedByAny(vectors, fronts[f]!, v)) f++;
    if (f === fronts.length) fronts.push([]);
    fronts[f]!.push(i);
    rank[i] = f + 1;
  }
  return rank;
}

/**
 * Non-dominated sorting with Deb's constrained domination (Deb, Pratap, Agarwal and Meyarivan
 * 2002, "A Fast and Elitist Multiobjective Genetic Algorithm: NSGA-II", IEEE TEVC 6(2)):
 * feasible points (violation 0) are sorted into Pareto fronts 1, 2, ...; every infeasible
 * point comes after all feasible ones, ranked by violation (equal violations share a rank,
 * whatever their values). Equal value vectors never dominate each other (same front). Returns
 * each point's 1-based rank, in input order. O(M N^2) at worst. Values must be finite and of
 * one length, violations finite and >= 0.
 */
export function nonDominatedRanks(points: readonly Point[]): number[] {
  dimensionOf(
    points.map((p) => p.values),
    "nonDominatedRanks",
  );
  points.forEach((p, i) => {
    if (!(Number.isFinite(p.violation) && p.violation >= 0)) throw new Error(`nonDominatedRanks: point ${i} has violation ${p.violation}; expected a finite number >= 0`);
  });
  const feasible = points.flatMap((p, i) => (p.violation === 0 ? [i] : []));
  const feasibleRanks = paretoFronts(feasible.map((i) => points[i]!.values));
  const ranks = new Array<number>(points.length).fill(0);
  feasible.forEach((i, n) => (ranks[i] = feasibleRanks[n]!));
  const worstFeasible = feasibleRanks.reduce((a, b) => Math.max(a, b), 0);
  const violations = [...new Set(points.map((p) => p.violation).filter((v) => v > 0))].sort((a, b) => a - b);
  const violationRank = new Map(violations.map((v, n) => [v, worstFeasible + n + 1]));
  points.forEach((p, i) => {
    if (p.violation > 0) ranks[i] = violationRank.get(p.violation)!;
  });
  return ranks;
}
