// Constraints of a multi-objective search ("latency_ms <= 20"), and how far a trial's metrics
// are outside them: the measure Deb's constrained domination ranks infeasible trials by.

/** A bound on a metric: feasible when `metric op bound` holds. */
export interface Constraint {
  metric: string;
  op: "<=" | ">=";
  bound: number;
}

/**
 * How far `metrics` (name -> value) are outside the constraints: the sum over constraints of
 * max(0, value - bound) for "<=", max(0, bound - value) for ">="; 0 = feasible. The sum runs
 * in the constraints' order, so the result is the same bits everywhere. A constrained metric
 * that is missing or non-finite, or a non-finite bound, is an error naming it.
 */
export function violation(metrics: Readonly<Record<string, number>>, constraints: readonly Constraint[]): number {
  let total = 0;
  for (const { metric, op, bound } of constraints) {
    const where = `the constraint ${metric} ${op} ${bound}`;
    if (!Number.isFinite(bound)) throw new Error(`${where}: its bound must be a finite number`);
    if (!Object.prototype.hasOwnProperty.call(metrics, metric)) {
      const known = Object.keys(metrics).sort();
      throw new Error(`${where}: the trial reported no metric "${metric}" (it reported: ${known.length ? known.join(", ") : "none"})`);
    }
    const value = metrics[metric]!;
    if (typeof value !== "number" || !Number.isFinite(value)) throw new Error(`${where}: the trial's "${metric}" is ${value}, not a finite number`);
    if (op === "<=") total += value > bound ? value - bound : 0;
    else if (op === ">=") total += value < bound ? bound - value : 0;
    else throw new Error(`${where}: unknown operator "${String(op)}" (use "<=" or ">=")`);
  }
  return total;
}
