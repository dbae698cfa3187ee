// The hypervolume indicator (Zitzler and Thiele 1998): the volume of objective space that a
// set of points dominates, up to a reference point. The report draws it per trial, and MO-TPE
// and hypervolume-based selection use each point's exclusive contribution. Computed exactly
// with +, -, * and comparisons only, so it is the same bits on every platform; points are
// processed in a canonical order (sorted, ties by value), so permuting the input changes no bit.
import { weaklyDominates } from "./objectives.ts";
import { checkVectors } from "./vectors.ts";

type Vector = readonly number[];

/** The points strictly better than the reference in every objective: only they add volume. */
function inside(points: readonly Vector[], reference: Vector): Vector[] {
  return points.filter((p) => p.every((v, k) => v < reference[k]!));
}

/** Checks the reference (finite, at least one objective) and the points against it. */
function checkInput(points: readonly Vector[], reference: Vector, what: string): void {
  checkVectors([reference], reference.length, `${what}'s reference point`);
  checkVectors(points, reference.length, what);
}

/** Compares two vectors lexicographically from the last objective down. */
function fromLast(a: Vector, b: Vector): number {
  for (let k = a.length - 1; k >= 0; k--) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
  return 0;
}

/** 2-D: sweep the points by the first objective, adding each step of the staircase. */
function area(points: readonly Vector[], reference: Vector): number {
  const sorted = [...points].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let total = 0;
  let lowest = reference[1]!;
  for (const p of sorted) {
    if (p[1]! >= lowest) continue;
    total += (reference[0]! - p[0]!) * (lowest - p[1]!);
    lowest = p[1]!;
  }
  return total;
}

/** The area of a 2-D staircase (x increasing, y strictly decreasing): `area`'s sum, same order. */
function staircaseArea(xs: readonly number[], ys: readonly number[], reference: Vector): number {
  let total = 0;
  let lowest = reference[1]!;
  for (let i = 0; i < xs.length; i++) {
    total += (reference[0]! - xs[i]!) * (lowest - ys[i]!);
    lowest = ys[i]!;
  }
  return total;
}

/**
 * 3-D: `volume`'s slicing, with the passed points kept as their 2-D staircase in two sorted
 * arrays, so a point is tested and inserted by binary search instead of a scan, and nothing
 * is allocated per point (3-D contributions call this once per point).
 */
function volume3(points: readonly Vector[], reference: Vector): number {
  const sorted = [...points].sort(fromLast);
  const xs: number[] = [];
  const ys: number[] = [];
  let slice = 0;
  let total = 0;
  for (let s = 0; s < sorted.length; s++) {
    const p = sorted[s]!;
    const x = p[0]!;
    const y = p[1]!;
    // How many steps have x' <= x; the last of them has the lowest y' of those.
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    if (!(lo > 0 && ys[lo - 1]! <= y)) {
      // Not covered: drop the steps it covers (x' >= x and y' >= y: a run starting at lo, or
      // at lo - 1 when that step has x' = x) and put it in their place.
      const start = lo > 0 && xs[lo - 1] === x ? lo - 1 : lo;
      let end = lo;
      while (end < xs.length && ys[end]! >= y) end++;
      xs.splice(start, end - start, x);
      ys.splice(start, end - start, y);
      slice = staircaseArea(xs, ys, reference);
    }
    const top = s + 1 < sorted.length ? sorted[s + 1]![2]! : reference[2]!;
    if (top > p[2]!) total += slice * (top - p[2]!);
  }
  return total;
}

/**
 * The volume of points all strictly inside the reference, by slicing along the last objective
 * (HSO: While, Hingston, Barone and Huband 2006, "A Faster Algorithm for Calculating
 * Hypervolume", IEEE TEVC 10(1)): between consecutive last-objective values, the slab's
 * volume is its depth times the (d-1)-dimensional volume of the points already passed, kept
 * non-dominated as they are added so each slice works on a small set.
 */
function volume(points: readonly Vector[], reference: Vector): number {
  const d = reference.length;
  if (points.length === 0) return 0;
  if (d === 1) return reference[0]! - points.reduce((m, p) => Math.min(m, p[0]!), Infinity);
  if (d === 2) return area(points, reference);
  if (d === 3) return volume3(points, reference);
  const sorted = [...points].sort(fromLast);
  const lowerReference = reference.slice(0, d - 1);
  let passed: Vector[] = [];
  let slice = 0; // the (d-1)-volume of `passed`
  let total = 0;
  for (let s = 0; s < sorted.length; s++) {
    const p = sorted[s]!;
    const projection = p.slice(0, d - 1);
    if (!passed.some((q) => weaklyDominates(q, projection))) {
      passed = passed.filter((q) => !weaklyDominates(projection, q));
      passed.push(projection);
      slice = volume(passed, lowerReference);
    }
    const top = s + 1 < sorted.length ? sorted[s + 1]![d - 1]! : reference[d - 1]!;
    if (top > p[d - 1]!) total += slice * (top - p[d - 1]!);
  }
  return total;
}

/**
 * Hypervolume dominated by `points` (minimized) and bounded by `reference` (also minimized):
 * points not strictly better than the reference in every objective count 0. Exact, any
 * dimension (2-D by a sweep, 3 or more by HSO slicing; 3-D in O(N^2) at worst, O(N log N) when
 * the slices' fronts stay small). Values must be finite.
 */
export function hypervolume(points: readonly Vector[], reference: Vector): number {
  checkInput(points, reference, "hypervolume");
  return volume(inside(points, reference), reference);
}

/**
 * Each point's exclusive hypervolume contribution: hypervolume of all minus hypervolume
 * without it, computed as in WFG (While, Bradstreet and Barone 2012, "A Fast Way of
 * Calculating Exact Hypervolumes", IEEE TEVC 16(1)): the volume of the point's own box minus
 * that of the other points "limited" to it (each raised to at least the point's values), which
 * is mathematically the same difference without recomputing the whole volume per point. A
 * point outside the reference, dominated by another or equal to another contributes 0.
 * Rounding may make it differ from the difference of two hypervolume calls in the last bits;
 * integer-valued inputs below 2^53 give exactly equal results.
 */
export function hypervolumeContributions(points: readonly Vector[], reference: Vector): number[] {
  checkInput(points, reference, "hypervolumeContributions");
  const d = reference.length;
  const counted = points.map((p) => p.every((v, k) => v < reference[k]!));
  return points.map((p, i) => {
    if (!counted[i]) return 0;
    const limited: Vector[] = [];
    for (let j = 0; j < points.length; j++) {
      if (j === i || !counted[j]) continue;
      const q = points[j]!;
      if (weaklyDominates(q, p)) return 0;
      limited.push(q.map((v, k) => (v > p[k]! ? v : p[k]!)));
    }
    let box = 1;
    for (let k = 0; k < d; k++) box *= reference[k]! - p[k]!;
    const rest = volume(limited, reference);
    return box > rest ? box - rest : 0;
  });
}
