// Which trials of a rung go on to the next (successive halving, Hyperband): the
// `keep` best by the search's metric on the validation data. The decision depends only on the
// rung's results, never on the order in which they arrived, so a rebuild decides the same.
import type { Goal } from "../formats/leaderboard.ts";
import type { Outcome } from "../formats/run-record.ts";
import { selectSurvivors, toMinimized } from "../pareto/front.ts";

export interface RungResult {
  trial: string;
  /** The trial's place in the search's declared order: breaks ties. */
  order: number;
  outcome: Outcome;
  /** The metric on the validation data; undefined when the trial did not get that far. */
  value: number | undefined;
}

export type Decision = "continue" | "stop";

/**
 * The decision for every trial of the rung: the `keep` best that succeeded with a finite value
 * continue (equal values in declared order); all others stop. A trial that failed, timed out
 * or diverged is never promoted, so fewer than `keep` may continue.
 */
export function promote(results: readonly RungResult[], goal: Goal, keep: number): Map<string, Decision> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number >= 1, got ${keep}`);
  const sign = goal === "maximize" ? -1 : 1;
  const eligible = results
    .filter((r) => r.outcome === "succeeded" && r.value !== undefined && Number.isFinite(r.value))
    .sort((a, b) => sign * (a.value! - b.value!) || a.order - b.order);
  const promoted = new Set(eligible.slice(0, keep).map((r) => r.trial));
  return new Map(results.map((r) => [r.trial, promoted.has(r.trial) ? "continue" : "stop"]));
}

/** One trial at a rung of a search by several objectives or with constraints. */
export interface ParetoRungResult {
  trial: string;
  order: number;
  outcome: Outcome;
  /** Its objectives' values, in the objectives' order; undefined when it did not get that far. */
  values: readonly number[] | undefined;
  /** How far it is outside the constraints; 0 when it keeps them. */
  violation: number;
}

/**
 * The decision for every trial of the rung by Pareto fronts, as NSGA-II selects survivors (Deb et
 * al. 2002) and as MO-ASHA promotes (Schmucker et al. 2021, "Multi-objective Asynchronous
 * Successive Halving"; here synchronous): whole fronts in order (infeasible trials after every
 * feasible one, by violation), and from the front that does not fit, the largest crowding
 * distances, ties in declared order. Only trials that succeeded with finite values go on.
 */
export function promoteByFronts(results: readonly ParetoRungResult[], goals: readonly Goal[], keep: number): Map<string, Decision> {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be a whole number >= 1, got ${keep}`);
  const eligible = results
    .filter((r) => r.outcome === "succeeded" && r.values !== undefined && r.values.every(Number.isFinite))
    .sort((a, b) => a.order - b.order);
  const kept = selectSurvivors(
    eligible.map((r) => ({ values: toMinimized(r.values!, goals), violation: r.violation })),
    keep,
  );
  const promoted = new Set(kept.map((i) => eligible[i]!.trial));
  return new Map(results.map((r) => [r.trial, promoted.has(r.trial) ? "continue" : "stop"]));
}
