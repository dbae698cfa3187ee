// Objectives of a multi-objective search, and Pareto domination between their values. Every
// other function in tools/src/pareto works on "minimized" vectors, where smaller is better in
// every position, so the direction of each objective is handled once, here.

/** Whether an objective is better when larger or when smaller. */
export type Goal = "maximize" | "minimize";

/** One objective of a search: a metric's name and its direction. */
export interface Objective {
  name: string;
  goal: Goal;
}

/**
 * Values turned into "smaller is better" (maximized ones negated), in the objectives' order.
 * Negation is written 0 - v so that a maximized 0 becomes +0, never -0.
 */
export function toMinimized(values: readonly number[], goals: readonly Goal[]): number[] {
  if (values.length !== goals.length) throw new Error(`toMinimized: ${values.length} values for ${goals.length} objectives`);
  return values.map((value, k) => (goals[k] === "maximize" ? 0 - value : value));
}

/** a dominates b (both minimized): no worse in every objective, better in at least one. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) throw new Error(`dominates: vectors of ${a.length} and ${b.length} values`);
  let better = false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x > y) return false;
    if (x < y) better = true;
  }
  return better;
}

/** a is no worse than b in every objective (a equal to b included). */
export function weaklyDominates(a: readonly number[], b: readonly number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k]! > b[k]!) return false;
  return true;
}
