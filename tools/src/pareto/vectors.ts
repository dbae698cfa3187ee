// Checks on the value vectors the Pareto functions take: one length for all, finite numbers.
// Every function here compares or subtracts values, and NaN or an infinity would silently give
// an order that depends on the input's order (NaN) or NaN volumes and distances (Infinity);
// callers drop failed or diverged trials first, as the scheduler's promotion does.

/** Throws unless every vector has `dimension` finite numbers (`dimension` >= 1). */
export function checkVectors(vectors: readonly (readonly number[])[], dimension: number, what: string): void {
  if (!Number.isInteger(dimension) || dimension < 1) throw new Error(`${what}: need at least one objective, got ${dimension}`);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimension) throw new Error(`${what}: point ${i} has ${vector.length} values, expected ${dimension}`);
    vector.forEach((value, k) => {
      if (!Number.isFinite(value)) throw new Error(`${what}: point ${i} has a non-finite value ${value} in objective ${k}`);
    });
  });
}

/** The common length of the vectors (0 for none), after checking them with checkVectors. */
export function dimensionOf(vectors: readonly (readonly number[])[], what: string): number {
  const dimension = vectors[0]?.length ?? 0;
  if (vectors.length > 0) checkVectors(vectors, dimension, what);
  return dimension;
}
