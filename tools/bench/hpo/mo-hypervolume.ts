// The multi-objective benchmark's measure: the hypervolume of a study's trials after each trial,
// in a space fixed per task by its whole table, so that no method moves it. Each objective is
// scaled to [0, 1] between the best (0) and the worst (1) value any run of any configuration
// recorded, minimized; the reference point is (1, 1), the table's worst in every objective.
// HPOLib's val_loss is scaled by its logarithm: it spans 1e-4 to 1e8 (diverged networks), and on a
// linear scale every trial that did not diverge would sit at 0 and the hypervolume would rank by
// model size alone. Hypervolume regret is the hypervolume of the table's own front for the seed
// (every configuration with the run that seed's trials see) minus the study's: 0 when a study has
// found the whole front, and what the ranks and tests compare (for one seed, lower regret is
// exactly higher hypervolume).
import { hypervolume, toMinimized, weaklyDominates } from "../../src/pareto/front.ts";
import { ln } from "../../src/sampler/fmath.ts";
import type { MoStudy, MoTaskInfo, ObjectiveBounds } from "./mo-results.ts";

/** Objectives measured by their logarithm (see above); the others linearly. */
export const LOG_SCALE_OBJECTIVES: ReadonlySet<string> = new Set(["val_loss"]);

/** The reference point in the scaled space: the table's worst value of each objective. */
export const REFERENCE = [1, 1];

/**
 * Maps raw objective values (in the task's order, each in its own direction) to the scaled,
 * minimized space: 0 the table's best, 1 its worst. fmath's ln, not Math.log: the same bits on
 * every platform.
 */
export function scaler(objectives: readonly ObjectiveBounds[]): (values: readonly number[]) => number[] {
  const goals = objectives.map((o) => o.goal);
  const transform = (values: readonly number[]) =>
    values.map((v, k) => {
      if (!LOG_SCALE_OBJECTIVES.has(objectives[k]!.name)) return v;
      if (!(v > 0)) throw new Error(`${objectives[k]!.name} = ${v}: it is measured by its logarithm, so it must be positive`);
      return ln(v);
    });
  const best = toMinimized(transform(objectives.map((o) => o.best)), goals);
  const worst = toMinimized(transform(objectives.map((o) => o.worst)), goals);
  return (values) => toMinimized(transform(values), goals).map((m, k) => (worst[k] === best[k] ? 0 : (m - best[k]!) / (worst[k]! - best[k]!)));
}

/**
 * The hypervolume after each trial of `values` (raw, in the task's order). A trial with a value
 * that is not finite (it failed) adds nothing. Only the non-dominated trials so far are kept.
 */
export function hypervolumeCurve(values: readonly (readonly number[])[], objectives: readonly ObjectiveBounds[]): number[] {
  const scale = scaler(objectives);
  let front: number[][] = [];
  let volume = 0;
  return values.map((raw) => {
    if (!raw.every((v) => Number.isFinite(v))) return volume;
    const p = scale(raw);
    if (front.some((q) => weaklyDominates(q, p))) return volume;
    front = [...front.filter((q) => !weaklyDominates(p, q)), p];
    volume = hypervolume(front, REFERENCE);
    return volume;
  });
}

/** The hypervolume of the table's front for `seed`: the most any study of that seed can reach. */
export function tableHypervolume(info: MoTaskInfo, seed: number): number {
  const front = info.fronts.find((f) => f.seed === seed);
  if (!front) throw new Error(`${info.task}: the results hold no table front for seed ${seed}`);
  const scale = scaler(info.objectives);
  return hypervolume(
    front.points.map((p) => scale(p)),
    REFERENCE,
  );
}

/**
 * Hypervolume regret after each trial of the study: the table's hypervolume minus the study's.
 * Never negative in exact arithmetic (the table's front weakly dominates every trial of the
 * seed); the two sums run over different points, so a rounding below 0 is read as 0.
 */
export function hypervolumeRegretCurve(study: MoStudy, info: MoTaskInfo): number[] {
  const best = tableHypervolume(info, study.seed);
  return hypervolumeCurve(
    study.trials.map((t) => t.values),
    info.objectives,
  ).map((v) => Math.max(0, best - v));
}

function checkBudget(study: MoStudy, n: number): void {
  if (n < 1 || n > study.trials.length) throw new Error(`${study.method} on ${study.task}, seed ${study.seed}: no hypervolume after ${n} trials (it ran ${study.trials.length})`);
}

/** The hypervolume after the first n trials. */
export function hypervolumeAfter(study: MoStudy, info: MoTaskInfo, n: number): number {
  checkBudget(study, n);
  return hypervolumeCurve(
    study.trials.slice(0, n).map((t) => t.values),
    info.objectives,
  )[n - 1]!;
}

/** The hypervolume regret after the first n trials. */
export function hypervolumeRegretAfter(study: MoStudy, info: MoTaskInfo, n: number): number {
  checkBudget(study, n);
  return hypervolumeRegretCurve(study, info)[n - 1]!;
}

/** How many distinct non-dominated points the first n trials hold. */
export function frontSize(study: MoStudy, info: MoTaskInfo, n: number): number {
  checkBudget(study, n);
  const scale = scaler(info.objectives);
  const points = study.trials
    .slice(0, n)
    .filter((t) => t.values.every((v) => Number.isFinite(v)))
    .map((t) => scale(t.values));
  const distinct = points.filter((p, i) => points.findIndex((q) => q.every((v, k) => v === p[k])) === i);
  return distinct.filter((p) => !distinct.some((q) => q !== p && weaklyDominates(q, p))).length;
}
