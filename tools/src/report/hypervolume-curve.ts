// The hypervolume of a multi-objective search as it went: after each trial (in declaration
// order), the hypervolume (Zitzler and Thiele 1998) of the feasible trials that succeeded so
// far. The standard way to see whether a multi-objective search was still improving its front.
import type { Ranked } from "../formats/leaderboard.ts";
import type { Objective } from "../formats/objectives.ts";
import { hypervolume, referencePoint, toMinimized, weaklyDominates } from "../pareto/front.ts";
import { formatNumber, note } from "./html.ts";
import { lineChart, PALETTE } from "./svg.ts";

/** Beyond this many objectives the exact hypervolume costs too much to draw per trial. */
export const MAX_CURVE_OBJECTIVES = 3;

export interface HypervolumeCurve {
  /** The reference point, minimized (maximized objectives negated), over every counted trial. */
  reference: number[];
  /** values[n - 1]: the hypervolume of the counted trials among the first n. */
  values: number[];
}

/**
 * The curve over `trials` in declaration order. A trial counts when it succeeded (pruned ones
 * were scored at an earlier rung, failed ones have no values), keeps every constraint
 * (violation 0) and has every objective's value. The reference point is referencePoint over
 * all counted trials, so the last value is the whole search's hypervolume. Each value is
 * computed over the non-dominated points so far (equal to all of them's up to rounding in the
 * last bits, and as deterministic): 1000 trials of 3 objectives take about 0.15 s. Undefined
 * when no trial counts.
 */
export function hypervolumeCurve(trials: readonly Ranked[], objectives: readonly Objective[]): HypervolumeCurve | undefined {
  const goals = objectives.map((o) => o.goal);
  const vectors = trials.map((t) => {
    if (t.outcome !== "succeeded" || t.violation !== 0) return undefined;
    const values = objectives.map((o) => t.metrics[o.name]);
    return values.every((v): v is number => v !== undefined && Number.isFinite(v)) ? toMinimized(values, goals) : undefined;
  });
  const counted = vectors.filter((v): v is number[] => v !== undefined);
  if (counted.length === 0) return undefined;
  const reference = referencePoint(counted);
  const values: number[] = [];
  // The non-dominated points so far: they alone make the hypervolume, and stay few.
  let front: number[][] = [];
  let current = 0;
  for (const v of vectors) {
    // A point no better than one already in changes nothing; else it joins and may push some out.
    if (v && !front.some((p) => weaklyDominates(p, v))) {
      front = [...front.filter((p) => !weaklyDominates(v, p)), v];
      current = hypervolume(front, reference);
    }
    values.push(current);
  }
  return { reference, values };
}

/** The curve's chart (a <figure>), or a note saying why there is none. */
export function hypervolumeChart(trials: readonly Ranked[], objectives: readonly Objective[]): string {
  if (objectives.length > MAX_CURVE_OBJECTIVES) {
    return note(`Not drawn for more than ${MAX_CURVE_OBJECTIVES} objectives: exact hypervolume grows too costly to compute after every trial.`, "hypervolume");
  }
  const curve = hypervolumeCurve(trials, objectives);
  if (!curve) return note("No trial succeeded and kept every constraint: there is no hypervolume to draw.", "hypervolume");
  // The reference in the objectives' own units: maximized ones were negated.
  const reference = objectives.map((o, k) => `${o.name} ${formatNumber(o.goal === "maximize" ? 0 - curve.reference[k]! : curve.reference[k]!)}`).join(", ");
  const chart = lineChart({
    name: "hypervolume",
    title: "Hypervolume over trials",
    xTitle: "trials (declaration order)",
    yTitle: "hypervolume",
    series: [{ id: "hypervolume", label: "hypervolume", color: PALETTE[0]!, points: curve.values.map((y, i) => ({ x: i + 1, y })) }],
    legend: [],
    caption:
      `After each trial, the hypervolume of the trials so far that succeeded and keep every constraint: the area (volume) ` +
      `of objective space their front dominates, up to a reference point. Higher is better; a flat stretch added nothing to the front. ` +
      `Reference point: each objective's worst value over all those trials plus a tenth of its range (${reference}).` +
      (trials.some((t) => t.outcome === "pruned") ? " Pruned trials, scored at an earlier rung, are left out." : ""),
  });
  return chart;
}
