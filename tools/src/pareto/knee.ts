// The knee of a Pareto front: the single trial a report or `databazel export` proposes when
// the search has several objectives and the user asks for "the best".
import { dimensionOf } from "./vectors.ts";

/**
 * The knee of a front (minimized values): each objective scaled to [0, 1] over the front
 * ((v - min) / (max - min); a zero range scales to 0), the point nearest the ideal point (all
 * zeros) in squared Euclidean distance; ties by input order. Returns its index. Throws on an
 * empty front. Scaling makes the choice independent of each objective's units.
 */
export function kneeIndex(front: readonly (readonly number[])[]): number {
  const dimension = dimensionOf(front, "kneeIndex");
  if (front.length === 0) throw new Error("kneeIndex: the front is empty");
  const min: number[] = [];
  const range: number[] = [];
  for (let k = 0; k < dimension; k++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of front) {
      if (p[k]! < lo) lo = p[k]!;
      if (p[k]! > hi) hi = p[k]!;
    }
    min.push(lo);
    range.push(hi - lo);
  }
  let best = 0;
  let bestDistance = Infinity;
  front.forEach((p, i) => {
    let distance = 0;
    for (let k = 0; k < dimension; k++) {
      const scaled = range[k] === 0 ? 0 : (p[k]! - min[k]!) / range[k]!;
      distance += scaled * scaled;
    }
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}
