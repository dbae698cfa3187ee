// NSGA-II's crowding distance: how much room a point of a front has around it, so that
// survivor selection keeps the front spread out rather than bunched.
import { dimensionOf } from "./vectors.ts";

/**
 * NSGA-II crowding distance of each point of ONE front (minimized values), in input order
 * (Deb et al. 2002, section III-B): per objective, sort (stable: ties by input order); the
 * first and last points get Infinity, interior ones add (next - prev) / (max - min). An
 * objective whose range is 0 adds nothing to anyone (its boundary points included: all points
 * are equal in it, so none is at its edge). A front of 1 or 2 points is all Infinity. The sum
 * runs in the objectives' order, so the bits do not depend on the input's order.
 */
export function crowdingDistances(front: readonly (readonly number[])[]): number[] {
  const dimension = dimensionOf(front, "crowdingDistances");
  const n = front.length;
  if (n <= 2) return new Array<number>(n).fill(Infinity);
  const distance = new Array<number>(n).fill(0);
  for (let k = 0; k < dimension; k++) {
    const order = front.map((_, i) => i).sort((i, j) => front[i]![k]! - front[j]![k]! || i - j);
    const min = front[order[0]!]![k]!;
    const max = front[order[n - 1]!]![k]!;
    const range = max - min;
    if (range === 0) continue;
    distance[order[0]!] = Infinity;
    distance[order[n - 1]!] = Infinity;
    for (let s = 1; s < n - 1; s++) {
      const i = order[s]!;
      distance[i] = distance[i]! + (front[order[s + 1]!]![k]! - front[order[s - 1]!]![k]!) / range;
    }
  }
  return distance;
}
