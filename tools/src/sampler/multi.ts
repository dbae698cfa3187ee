// The history of a multi-objective search as the samplers read it: each trial's objectives
// turned into "smaller is better" and its constraint violation, or nothing for a failed trial.
import { type Goal, type Point, toMinimized } from "../pareto/front.ts";

export type { Goal } from "../pareto/front.ts";

/** A finished trial of a multi-objective search. */
export interface MultiObservation {
  hyperparams: Record<string, string>;
  /** The objectives' values, in the objectives' (goals') order; null when the trial failed. */
  values: readonly number[] | null;
  /** How far the trial is outside its constraints: 0 when feasible (pareto/front.ts's violation). */
  violation: number;
}

/** Fails unless there is at least one goal and each is "maximize" or "minimize". */
export function checkGoals(goals: readonly Goal[]): void {
  if (goals.length === 0) throw new Error("goals: a multi-objective search needs at least one objective");
  for (const goal of goals) {
    if (goal !== "maximize" && goal !== "minimize") throw new Error(`goals must be "maximize" or "minimize", got ${goal}`);
  }
}

/** A successful trial: its index in the history and its point (minimized values, violation). */
export interface Success {
  index: number;
  point: Point;
}

/**
 * The successful trials, in history order. A failed trial (values null), and one with a NaN or
 * infinite objective, has no usable point and is left out, as single-objective TPE leaves out a
 * non-finite metric. A wrong number of values or a negative or NaN violation is an error.
 */
export function successes(history: readonly MultiObservation[], goals: readonly Goal[]): Success[] {
  return history.flatMap((h, index) => {
    if (h.values === null) return [];
    if (h.values.length !== goals.length) {
      throw new Error(`history[${index}] has ${h.values.length} objective value(s), but there are ${goals.length} goals`);
    }
    if (!h.values.every((v) => Number.isFinite(v))) return [];
    if (!(h.violation >= 0)) throw new Error(`history[${index}]: violation must be a number >= 0, got ${h.violation}`);
    return [{ index, point: { values: toMinimized(h.values, goals), violation: h.violation } }];
  });
}
