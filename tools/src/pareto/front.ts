// PROVISIONAL STAND-IN, written by the h-mosamp helper so that the multi-objective samplers can
// be built and tested before branch h-pareto lands. It follows the signatures of
// /work/briefs/s36-pareto.md with the plainest algorithms. On merging main, take h-pareto's
// tools/src/pareto/ instead of this file.

export type Goal = "maximize" | "minimize";
/** A trial's objectives (minimized) and how far it is outside the constraints (0 = feasible). */
export interface Point {
  values: readonly number[];
  violation: number;
}

/** Values turned into "smaller is better" (maximized ones negated), in the objectives' order. */
export function toMinimized(values: readonly number[], goals: readonly Goal[]): number[] {
  return values.map((v, i) => (goals[i] === "maximize" ? -v : v));
}

/** a dominates b (both minimized): no worse in every objective, better in at least one. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! > b[i]!) return false;
    if (a[i]! < b[i]!) better = true;
  }
  return better;
}

/** 1-based ranks with constrained domination: feasible fronts first, then by violation. */
export function nonDominatedRanks(points: readonly Point[]): number[] {
  const ranks = new Array<number>(points.length).fill(0);
  const feasible = points.flatMap((p, i) => (p.violation === 0 ? [i] : []));
  let left = feasible;
  let rank = 0;
  while (left.length > 0) {
    rank++;
    const front = left.filter((i) => !left.some((j) => dominates(points[j]!.values, points[i]!.values)));
    for (const i of front) ranks[i] = rank;
    left = left.filter((i) => ranks[i] === 0);
  }
  const infeasible = points.flatMap((p, i) => (p.violation === 0 ? [] : [i]));
  const violations = [...new Set(infeasible.map((i) => points[i]!.violation))].sort((a, b) => a - b);
  for (const i of infeasible) ranks[i] = rank + 1 + violations.indexOf(points[i]!.violation);
  return ranks;
}

/** NSGA-II crowding distances of one front, in input order; boundary points get Infinity. */
export function crowdingDistances(front: readonly (readonly number[])[]): number[] {
  const n = front.length;
  const distances = new Array<number>(n).fill(0);
  if (n <= 2) return distances.fill(Infinity);
  for (let m = 0; m < front[0]!.length; m++) {
    const order = front.map((_, i) => i).sort((a, b) => front[a]![m]! - front[b]![m]! || a - b);
    const min = front[order[0]!]![m]!;
    const max = front[order[n - 1]!]![m]!;
    distances[order[0]!] = Infinity;
    distances[order[n - 1]!] = Infinity;
    if (max === min) continue;
    for (let k = 1; k < n - 1; k++) {
      distances[order[k]!]! += (front[order[k + 1]!]![m]! - front[order[k - 1]!]![m]!) / (max - min);
    }
  }
  return distances;
}

/** The indices of the `keep` survivors (whole fronts, then by crowding), in input order. */
export function selectSurvivors(points: readonly Point[], keep: number): number[] {
  if (keep >= points.length) return points.map((_, i) => i);
  const ranks = nonDominatedRanks(points);
  const chosen: number[] = [];
  for (let rank = 1; chosen.length < keep; rank++) {
    const front = points.flatMap((_, i) => (ranks[i] === rank ? [i] : []));
    if (chosen.length + front.length <= keep) {
      chosen.push(...front);
      continue;
    }
    const crowding = crowdingDistances(front.map((i) => points[i]!.values));
    const order = front.map((_, k) => k).sort((a, b) => (crowding[b]! > crowding[a]! ? 1 : crowding[b]! < crowding[a]! ? -1 : a - b));
    chosen.push(...order.slice(0, keep - chosen.length).map((k) => front[k]!));
  }
  return chosen.sort((a, b) => a - b);
}

/** Hypervolume dominated by `points` and bounded by `reference` (all minimized), by slicing. */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const inside = points.filter((p) => p.every((v, i) => v < reference[i]!));
  if (inside.length === 0) return 0;
  const d = reference.length;
  if (d === 1) return reference[0]! - Math.min(...inside.map((p) => p[0]!));
  // Slice along the last objective: between consecutive values, the (d-1)-volume of the points below.
  const sorted = [...inside].sort((a, b) => a[d - 1]! - b[d - 1]!);
  let volume = 0;
  for (let k = 0; k < sorted.length; k++) {
    const top = k + 1 < sorted.length ? sorted[k + 1]![d - 1]! : reference[d - 1]!;
    const height = top - sorted[k]![d - 1]!;
    if (height > 0) volume += height * hypervolume(sorted.slice(0, k + 1).map((p) => p.slice(0, d - 1)), reference.slice(0, d - 1));
  }
  return volume;
}

/** Each point's exclusive contribution: hypervolume of all minus hypervolume without it. */
export function hypervolumeContributions(points: readonly (readonly number[])[], reference: readonly number[]): number[] {
  const all = hypervolume(points, reference);
  return points.map((_, i) => all - hypervolume(points.filter((_, j) => j !== i), reference));
}

/** Per objective, the worst value plus 10 % of the range (+ 1 when the range is 0). */
export function referencePoint(points: readonly (readonly number[])[]): number[] {
  return points[0]!.map((_, m) => {
    const column = points.map((p) => p[m]!);
    const [min, max] = [Math.min(...column), Math.max(...column)];
    return max === min ? max + 1 : max + 0.1 * (max - min);
  });
}
