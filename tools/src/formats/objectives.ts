// What a search ranks its trials by, as every manifest that ranks, promotes or proposes trials
// carries it (databazel/private/objectives.bzl): the objectives in the order the BUILD file gave
// them (one, `{metric: goal}`, for a search by one metric) and the constraints.
import { literal, number, object, string, type ShapeOf } from "./shape.ts";

export const goal = literal("maximize", "minimize");
export type Goal = ShapeOf<typeof goal>;

export const objective = object({ name: string, goal });
export type Objective = ShapeOf<typeof objective>;

/** Feasible while `metric op bound` holds. */
export const constraint = object({ metric: string, op: literal("<=", ">="), bound: number });
export type Constraint = ShapeOf<typeof constraint>;

/** `select`: the front's trial nearest the ideal point, each objective scaled to [0, 1] over the front. */
export const KNEE = "knee";

/** Whether the search ranks by Pareto fronts (several objectives, or constraints) rather than by one value. */
export function isPareto(objectives: readonly Objective[], constraints: readonly Constraint[]): boolean {
  return objectives.length > 1 || constraints.length > 0;
}

/** Every metric a trial's eval must write: the objectives', then the constrained ones not among them. */
export function rankingMetrics(objectives: readonly Objective[], constraints: readonly Constraint[]): string[] {
  const names = objectives.map((o) => o.name);
  return [...names, ...constraints.map((c) => c.metric).filter((m, i, all) => !names.includes(m) && all.indexOf(m) === i)];
}
