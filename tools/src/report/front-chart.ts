// The Pareto front charts of a multi-objective search: one scatter per pair of objectives, every
// trial with values a point, the front's trials joined by a line along the x objective,
// dominated trials dimmed, infeasible ones hollow red rings, the selected trial gold.
// Styling is in attributes and inline style (not the page's CSS), so that the pages of
// single-objective searches, which share that CSS, stay byte for byte as they were.
import type { LeaderboardJson, Ranked } from "../formats/leaderboard.ts";
import type { Objective } from "../formats/objectives.ts";
import { esc, formatNumber, note } from "./html.ts";
import { axes, FADED, figure, linearScale, logScale, PALETTE, px, X_RANGE, Y_RANGE, type Scale } from "./svg.ts";

/** How a trial is drawn, by increasing precedence: a spot shared by several takes the highest. */
export type PointKind = "pruned" | "infeasible" | "dominated" | "front" | "best";
const PRECEDENCE: readonly PointKind[] = ["pruned", "infeasible", "dominated", "front", "best"];

const INFEASIBLE = "#cf222e";
const GOLD = "#d4a72c";

/** "higher is better" or "lower is better". */
export const betterWord = (goal: Objective["goal"]): string => (goal === "maximize" ? "higher is better" : "lower is better");

/** A trial's kind in the charts; undefined when it has no values to draw (it did not succeed). */
export function pointKind(t: Ranked, board: Pick<LeaderboardJson, "best" | "front">): PointKind | undefined {
  if (t.outcome === "pruned") return "pruned";
  if (t.outcome !== "succeeded") return undefined;
  if (t.trial === board.best) return "best";
  // Before the front: when no trial keeps the constraints, the front is of infeasible trials.
  if (t.violation !== null && t.violation > 0) return "infeasible";
  return board.front.includes(t.trial) ? "front" : "dominated";
}

/**
 * A tick label kept short: 200000 as 200k, 1500000 as 1.5M (parameter counts, sizes in bytes);
 * from 1000 up when `from` says so, so that one axis's labels share a unit.
 */
export function compactLabel(label: string, from = 10000): string {
  const n = Number(label);
  if (!Number.isFinite(n) || Math.abs(n) < from) return label;
  const [div, unit] = Math.abs(n) >= 1e9 ? [1e9, "G"] : Math.abs(n) >= 1e6 ? [1e6, "M"] : [1e3, "k"];
  return `${formatNumber(Number((n / div).toPrecision(4)))}${unit}`;
}

/**
 * An objective's axis: logarithmic when its values are all positive and span more than two
 * decades (parameter counts, sizes), else linear with a margin so points clear the axes; large
 * tick labels compact, so they leave room for the axis title.
 */
export function objectiveScale(values: number[], range: [number, number]): Scale {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const scale = min > 0 && max / min > 100 ? logScale(values, range) : linearScale(values, range, { pad: 0.06 });
  // An axis reaching 10000 writes every label from 1000 up in k (8000 as 8k beside 12k).
  const from = scale.ticks.some((t) => Math.abs(Number(t.label)) >= 10000) ? 1000 : 10000;
  return { ...scale, ticks: scale.ticks.map((t) => ({ at: t.at, label: compactLabel(t.label, from) })) };
}

/** The value of `t`'s objective `name`; undefined when it has none (or not a finite one). */
const valueOf = (t: Ranked, name: string): number | undefined => {
  const v = t.metrics[name];
  return v !== undefined && Number.isFinite(v) ? v : undefined;
};

/** The worse of two values of an objective. */
const worse = (goal: Objective["goal"], a: number, b: number): number => (goal === "maximize" ? Math.min(a, b) : Math.max(a, b));

/**
 * The front's trials that have both values, in order along x (then y, then declaration), and
 * the corners of the line through them. With two objectives the line is the staircase that
 * bounds what the front dominates (between consecutive points, a corner at the worse value of
 * each); with more, a front's points need not be non-dominated in one pair's projection, so it
 * is a plain polyline.
 */
export function frontLine(
  trials: readonly Ranked[],
  front: readonly string[],
  x: Objective,
  y: Objective,
  staircase: boolean,
): { trials: string[]; corners: [number, number][] } {
  const onFront = trials
    .map((t, i) => ({ t, i, x: valueOf(t, x.name), y: valueOf(t, y.name) }))
    .filter((p): p is { t: Ranked; i: number; x: number; y: number } => front.includes(p.t.trial) && p.x !== undefined && p.y !== undefined)
    .sort((a, b) => a.x - b.x || a.y - b.y || a.i - b.i);
  const corners: [number, number][] = [];
  onFront.forEach((p, k) => {
    const prev = onFront[k - 1];
    if (prev && staircase) corners.push([worse(x.goal, prev.x, p.x), worse(y.goal, prev.y, p.y)]);
    corners.push([p.x, p.y]);
  });
  return { trials: onFront.map((p) => p.t.trial), corners };
}

/** The lines of a point's tooltip: the trial, every objective, its front and feasibility. */
function tooltip(t: Ranked, board: LeaderboardJson, kind: PointKind): string {
  const lines = [
    `${t.trial}${kind === "best" ? ` (selected: ${board.select === "knee" ? "the knee" : `best by ${board.select}`})` : ""}`,
    ...board.objectives.map((o) => `${o.name} = ${formatNumber(t.metrics[o.name] ?? NaN)}`),
    ...board.constraints.map((c) => `${c.metric} = ${formatNumber(t.metrics[c.metric] ?? NaN)} (constraint ${c.op} ${formatNumber(c.bound)})`),
  ];
  if (kind === "pruned") lines.push(`pruned after ${t.epochs} epoch${t.epochs === 1 ? "" : "s"}: values from that rung`);
  else if (kind === "infeasible") lines.push(`infeasible: violation ${formatNumber(t.violation ?? 0)}`);
  else lines.push(kind === "dominated" ? `dominated: Pareto front ${t.pareto_rank}` : "on the Pareto front");
  return lines.join("\n");
}

/** A point's marker, centred at (cx, cy). */
function marker(kind: PointKind, cx: string, cy: string): string {
  switch (kind) {
    case "best":
      return `<circle class="point best front" cx="${cx}" cy="${cy}" r="7" fill="${GOLD}"`;
    case "front":
      return `<circle class="point front" cx="${cx}" cy="${cy}" r="5.5" fill="${PALETTE[0]}"`;
    case "dominated":
      // Dimmed: the front's colour, faint.
      return `<circle class="point dominated" cx="${cx}" cy="${cy}" r="4.5" fill="${PALETTE[0]}" opacity="0.35"`;
    case "infeasible":
      // Hollow: inline style, since the page's CSS strokes every .point white.
      return `<circle class="point infeasible" cx="${cx}" cy="${cy}" r="4.5" fill="none" style="stroke:${INFEASIBLE};stroke-width:1.6"`;
    case "pruned":
      return `<circle class="point faded pruned" cx="${cx}" cy="${cy}" r="4" fill="${FADED}"`;
  }
}

/** A legend swatch: the marker itself, in a small SVG of its own. */
function swatch(kind: PointKind | "line", dashed: boolean): string {
  const inner =
    kind === "line"
      ? `<line x1="-8" x2="8" y1="0" y2="0" stroke="${PALETTE[0]}" stroke-width="2"${dashed ? ` stroke-dasharray="4 3"` : ""}/>`
      : `${marker(kind, "0", "0").replace(/ class="[^"]*"/, "")}${kind === "best" ? ` stroke="#1f2328" stroke-width="1.5"` : kind === "infeasible" ? "" : ` stroke="#fff"`}/>`;
  return `<svg width="18" height="16" viewBox="-9 -8 18 16" aria-hidden="true">${inner}</svg>`;
}

function markerLegend(kinds: Set<PointKind>, staircase: boolean, select: string | null, line: boolean): string {
  const items: [PointKind | "line", string][] = [
    ["best", `selected (${select === "knee" ? "the knee" : `best by ${select}`})`],
    ["front", "Pareto front"],
    ["line", staircase ? "the front's boundary" : "the front, along x"],
    ["dominated", "dominated"],
    ["infeasible", "infeasible (breaks a constraint)"],
    ["pruned", "pruned at a rung"],
  ];
  const lis = items
    .filter(([k]) => (k === "line" ? line : kinds.has(k)))
    .map(([k, label]) => `<li data-kind="${k}">${swatch(k, !staircase)}${esc(label)}</li>`);
  return `<ul class="legend">${lis.join("")}</ul>`;
}

/** One pair's chart: `y` against `x`, every trial of `trials` (declaration order) that has both values. */
export function frontChart(board: LeaderboardJson, trials: readonly Ranked[], x: Objective, y: Objective): string {
  const staircase = board.objectives.length === 2;
  const drawn = trials.flatMap((t) => {
    const kind = pointKind(t, board);
    const vx = valueOf(t, x.name);
    const vy = valueOf(t, y.name);
    return kind && vx !== undefined && vy !== undefined ? [{ t, kind, x: vx, y: vy }] : [];
  });
  if (drawn.length === 0) return note(`No trial has values of both ${x.name} and ${y.name}: nothing to plot.`, `pareto-front-${x.name}-${y.name}`);
  const xs = objectiveScale(
    drawn.map((p) => p.x),
    X_RANGE,
  );
  const ys = objectiveScale(
    drawn.map((p) => p.y),
    Y_RANGE,
  );
  // Trials on one spot (duplicates) share a marker and a tooltip; the spot takes the highest kind.
  const spots = new Map<string, { cx: string; cy: string; kind: PointKind; trials: string[]; tips: string[] }>();
  for (const p of drawn) {
    const cx = px(xs.at(p.x));
    const cy = px(ys.at(p.y));
    const spot = spots.get(`${cx},${cy}`) ?? { cx, cy, kind: p.kind, trials: [], tips: [] };
    if (PRECEDENCE.indexOf(p.kind) > PRECEDENCE.indexOf(spot.kind)) spot.kind = p.kind;
    spot.trials.push(p.t.trial);
    spot.tips.push(tooltip(p.t, board, p.kind));
    spots.set(`${cx},${cy}`, spot);
  }
  // Lowest kinds first, so the front and the selected trial are drawn on top.
  const ordered = [...spots.values()].map((s, i) => ({ s, i })).sort((a, b) => PRECEDENCE.indexOf(a.s.kind) - PRECEDENCE.indexOf(b.s.kind) || a.i - b.i);
  const below = ordered.filter(({ s }) => s.kind !== "front" && s.kind !== "best");
  const above = ordered.filter(({ s }) => s.kind === "front" || s.kind === "best");
  const dot = ({ s }: { s: { cx: string; cy: string; kind: PointKind; trials: string[]; tips: string[] } }): string =>
    `${marker(s.kind, s.cx, s.cy)} data-trials="${esc(s.trials.join(" "))}"><title>${esc(s.tips.join("\n\n"))}</title></circle>`;

  const line = frontLine(trials, board.front, x, y, staircase);
  const points: string[] = [];
  for (const [cx, cy] of line.corners) {
    const at = `${px(xs.at(cx))},${px(ys.at(cy))}`;
    if (points.at(-1) !== at) points.push(at);
  }
  const path =
    points.length > 1
      ? `<path class="front-line" d="M${points.join("L")}" fill="none" stroke="${PALETTE[0]}" stroke-width="1.75"${staircase ? "" : ` stroke-dasharray="5 4"`} data-trials="${esc(line.trials.join(" "))}"/>`
      : "";
  const yTitle = `${y.name}, ${betterWord(y.goal)}${ys.kind === "log" ? " (log scale)" : ""}`;
  const body = [axes(xs, ys, `${x.name}, ${betterWord(x.goal)}`, yTitle), ...below.map(dot), path, ...above.map(dot)].filter(Boolean).join("\n");
  return figure({
    name: `pareto-front-${x.name}-${y.name}`,
    xScale: xs.kind,
    title: `${y.name} against ${x.name}`,
    body,
    legendHtml: markerLegend(new Set(drawn.map((p) => p.kind)), staircase, board.select, path !== ""),
  });
}

/** Every pair of objectives, in declared order: (0, 1), (0, 2), ..., (1, 2), ... */
export function objectivePairs(objectives: readonly Objective[]): [Objective, Objective][] {
  return objectives.flatMap((a, i) => objectives.slice(i + 1).map((b): [Objective, Objective] => [a, b]));
}

/** The charts of every pair, then `after` (the hypervolume's), with a hint that says how to read them. */
export function frontCharts(board: LeaderboardJson, trials: readonly Ranked[], after = ""): string {
  const many = board.objectives.length > 2;
  const pruned = trials.some((t) => t.outcome === "pruned");
  const failed = trials.filter((t) => t.outcome !== "succeeded" && t.outcome !== "pruned").length;
  const hint =
    `Each trial that succeeded is a point; hover one for its values. The Pareto front (${board.front.length} trial${board.front.length === 1 ? "" : "s"}) ` +
    `is the trials no other beats on every objective: ` +
    (many
      ? `over all ${board.objectives.length} objectives, so in one pair's view a front point may look dominated; the dashed line joins the front's points along x.`
      : `the line bounds what they dominate.`) +
    ` Dominated trials are faint` +
    (board.constraints.length ? `; trials that break a constraint are hollow red rings` : "") +
    `.` +
    (pruned ? ` Grey: trials pruned at a rung, scored there (not comparable with trials that trained to the end, and never on the front).` : "") +
    (failed ? ` ${failed} trial${failed === 1 ? "" : "s"} that did not succeed ${failed === 1 ? "has" : "have"} no values and ${failed === 1 ? "is" : "are"} not drawn.` : "");
  const charts = objectivePairs(board.objectives).map(([x, y]) => frontChart(board, trials, x, y));
  return `<p class="hint">${esc(hint)}</p>\n<div class="charts">\n${[...charts, after].filter(Boolean).join("\n")}\n</div>`;
}
