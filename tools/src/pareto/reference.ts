// The default reference point for hypervolume, for a search whose user gives none.
import { dimensionOf } from "./vectors.ts";

const view = new DataView(new ArrayBuffer(8));

/** The smallest double above finite x (from its bits, exact). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  view.setFloat64(0, x);
  // The bits order doubles by magnitude: one more is the next away from 0, one less towards it.
  view.setBigUint64(0, view.getBigUint64(0) + (x > 0 ? 1n : -1n));
  return view.getFloat64(0);
}

/**
 * A reference point for hypervolume when the user gives none: per objective (minimized), the
 * worst (largest) value among `points` plus a tenth of that objective's range (range / 10), or
 * plus 1 when the range is 0. This is the usual "nadir plus a margin" choice (e.g. Ishibuchi
 * et al. 2018, "How to Specify a Reference Point in Hypervolume Calculation"): every point is
 * strictly better than it, so each counts, and the boundary points of the front still add
 * volume. When rounding swallows the margin (a range below about 1e-15 of the values), the next
 * larger double is used instead. The point depends on the set, so hypervolumes are comparable
 * only under the same reference: a report comparing searches must compute one over all of them.
 * Throws on no points.
 */
export function referencePoint(points: readonly (readonly number[])[]): number[] {
  const dimension = dimensionOf(points, "referencePoint");
  if (points.length === 0) throw new Error("referencePoint: no points to take a reference point from");
  const reference: number[] = [];
  for (let k = 0; k < dimension; k++) {
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) {
      if (p[k]! < min) min = p[k]!;
      if (p[k]! > max) max = p[k]!;
    }
    const range = max - min;
    let value = max + (range === 0 ? 1 : range / 10);
    if (!(value > max)) value = nextUp(max);
    if (!Number.isFinite(value)) throw new Error(`referencePoint: objective ${k}'s reference overflows (worst value ${max})`);
    reference.push(value);
  }
  return reference;
}
