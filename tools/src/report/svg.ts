// Inline SVG charts, written as text: scales with "nice" ticks, axes, a scatter and a line chart.
// Coordinates are rounded to 0.1 px so the output is short and stable.
import type { DistributionFields } from "../formats/sampler-manifest.ts";
import { esc, formatNumber, isNumeric } from "./html.ts";

// Two charts side by side on a laptop screen.
const WIDTH = 560;
const HEIGHT = 320;
const MARGIN = { left: 60, right: 18, top: 14, bottom: 46 };
export const X_RANGE: [number, number] = [MARGIN.left, WIDTH - MARGIN.right];
export const Y_RANGE: [number, number] = [HEIGHT - MARGIN.bottom, MARGIN.top];

/** Tableau 10: distinct hues that stay readable on white. */
export const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/** Pruned trials' points. */
export const FADED = "#8c959f";

/** Line styles: solid, dashed, dotted (legend swatches: CSS classes dash1, dash2). */
const DASHES = ["", "6 4", "1.5 3.5"];

export interface Tick {
  at: number;
  label: string;
}

export interface Scale {
  kind: "linear" | "log" | "band";
  /** Pixel position of a value: a number, or a category of a band scale. */
  at(value: number | string): number;
  ticks: Tick[];
}

export const px = (n: number): string => String(Math.round(n * 10) / 10);
const tickLabel = (n: number): string => formatNumber(Number(n.toPrecision(12)));

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * pow;
}

export interface LinearOptions {
  /** Margin added on both sides, as a fraction of the data's span, so points clear the axes. */
  pad?: number;
  /** Ticks at whole numbers only (epochs). */
  integer?: boolean;
}

export function linearScale(values: number[], range: [number, number], options: LinearOptions = {}): Scale {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    // One value: centre it in a span of +-10% (or +-1 around 0).
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  } else {
    const p = (hi - lo) * (options.pad ?? 0.05);
    // Non-negative data (losses, accuracies) keeps a non-negative axis.
    lo = Math.min(...values) >= 0 ? Math.max(0, lo - p) : lo - p;
    hi += p;
  }
  let step = niceStep(hi - lo, 5);
  if (options.integer) step = Math.max(1, Math.round(step));
  const ticks: Tick[] = [];
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) {
    const v = i * step;
    ticks.push({ at: range[0] + ((v - lo) / (hi - lo)) * (range[1] - range[0]), label: tickLabel(v) });
  }
  return {
    kind: "linear",
    at: (v) => range[0] + ((Number(v) - lo) / (hi - lo)) * (range[1] - range[0]),
    ticks,
  };
}

export interface LogOptions {
  /** Margin added on both sides, as a fraction of the data's span in decades. */
  pad?: number;
}

/**
 * For positive values spanning decades (learning rates, regularisation): a tick at each power of
 * ten, and at 2 and 5 times each when the axis spans less than two decades.
 */
export function logScale(values: number[], range: [number, number], options: LogOptions = {}): Scale {
  const logs = values.map(Math.log10);
  let lo = Math.min(...logs);
  let hi = Math.max(...logs);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  } else {
    const p = (hi - lo) * (options.pad ?? 0.05);
    lo -= p;
    hi += p;
  }
  const at = (v: number | string): number => range[0] + ((Math.log10(Number(v)) - lo) / (hi - lo)) * (range[1] - range[0]);
  const steps = hi - lo < 2 ? [1, 2, 5] : [1];
  const ticks: Tick[] = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    for (const m of steps) {
      const v = Number((m * 10 ** k).toPrecision(12));
      const l = Math.log10(v);
      if (l >= lo - 1e-9 && l <= hi + 1e-9) ticks.push({ at: at(v), label: tickLabel(v) });
    }
  }
  return { kind: "log", at, ticks };
}

/** Evenly spaced categories, in the given order. */
export function bandScale(categories: string[], range: [number, number]): Scale {
  const step = (range[1] - range[0]) / Math.max(1, categories.length);
  const index = new Map(categories.map((c, i) => [c, i]));
  return {
    kind: "band",
    at: (v) => range[0] + ((index.get(String(v)) ?? 0) + 0.5) * step,
    ticks: categories.map((c, i) => ({ at: range[0] + (i + 0.5) * step, label: c })),
  };
}

/** What the search says a hyperparameter is: a distribution of its `space`, or its `grid` values. */
export type ParamKind = { kind: DistributionFields["kind"]; low: number; high: number; choices: string[] } | { kind: "grid"; values: string[] };

/**
 * The scale of a hyperparameter's values along `range`. With its kind from the search:
 * loguniform is a log axis and uniform and int a linear one, each spanning the whole of
 * [low, high]; choice is one category per option, in its order; a grid is one category per
 * value (in increasing order when they are numbers, else as the grid lists them), so each tick
 * is a value the grid tried. Without a kind: numeric when every value parses as a number, log
 * when they are all positive and span more than two decades; otherwise one category per value.
 */
export function paramScale(values: string[], param: ParamKind | undefined, range: [number, number]): Scale {
  const numeric = values.every(isNumeric);
  const nums = numeric ? values.map(Number) : [];
  if (param?.kind === "choice") return bandScale([...new Set([...param.choices, ...values])], range);
  if (param?.kind === "grid") {
    const all = [...new Set([...param.values, ...values])];
    return bandScale(all.every(isNumeric) ? all.sort((a, b) => Number(a) - Number(b)) : all, range);
  }
  if (param && numeric) {
    const bounds = [...nums, param.low, param.high];
    if (param.kind === "loguniform") return logScale(bounds, range, { pad: 0.03 });
    return linearScale(bounds, range, { pad: 0.03, integer: param.kind === "int" });
  }
  if (!numeric) return bandScale([...new Set(values)], range);
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  return min > 0 && max / min > 100 ? logScale(nums, range) : linearScale(nums, range);
}

/** The x scale of a hyperparameter in a metric-against-hyperparameter chart (paramScale). */
export function valueScale(values: string[], param?: ParamKind): Scale {
  return paramScale(values, param, X_RANGE);
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}\u2026`;
}

/** The grid, ticks, axis lines and titles of a 560 x 320 chart (X_RANGE by Y_RANGE). */
export function axes(x: Scale, y: Scale, xTitle: string, yTitle: string): string {
  const bottom = Y_RANGE[0];
  const parts: string[] = [];
  for (const t of y.ticks) {
    parts.push(`<line class="grid" x1="${X_RANGE[0]}" x2="${X_RANGE[1]}" y1="${px(t.at)}" y2="${px(t.at)}"/>`);
    parts.push(`<text x="${X_RANGE[0] - 6}" y="${px(t.at)}" dy="0.32em" text-anchor="end">${esc(t.label)}</text>`);
  }
  // Category names can be long: each gets the room of its band, the full name in a tooltip.
  const room = x.kind === "band" ? Math.max(3, Math.floor((X_RANGE[1] - X_RANGE[0]) / Math.max(1, x.ticks.length) / 6.5)) : 12;
  for (const t of x.ticks) {
    parts.push(`<line class="axis" x1="${px(t.at)}" x2="${px(t.at)}" y1="${bottom}" y2="${bottom + 4}"/>`);
    const shown = truncate(t.label, room);
    const title = shown === t.label ? "" : `<title>${esc(t.label)}</title>`;
    parts.push(`<text x="${px(t.at)}" y="${bottom + 16}" text-anchor="middle">${title}${esc(shown)}</text>`);
  }
  parts.push(`<line class="axis" x1="${X_RANGE[0]}" x2="${X_RANGE[1]}" y1="${bottom}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${X_RANGE[0]}" x2="${X_RANGE[0]}" y1="${Y_RANGE[1]}" y2="${bottom}"/>`);
  const xLabel = x.kind === "log" ? `${xTitle} (log scale)` : xTitle;
  parts.push(`<text class="axis-title" x="${px((X_RANGE[0] + X_RANGE[1]) / 2)}" y="${HEIGHT - 10}" text-anchor="middle">${esc(xLabel)}</text>`);
  const midY = px((Y_RANGE[0] + Y_RANGE[1]) / 2);
  parts.push(`<text class="axis-title" x="14" y="${midY}" text-anchor="middle" transform="rotate(-90 14 ${midY})">${esc(yTitle)}</text>`);
  return parts.join("\n");
}

export interface LegendItem {
  label: string;
  color: string;
  /** Index of the line style (DASHES); solid by default. */
  dash?: number;
  /** Links the item to the chart's series with this data-series, for hover highlighting. */
  series?: string;
  best?: boolean;
  /** Drawn faint, like its series (a pruned trial's curve). */
  faded?: boolean;
  /** A short word after the label, e.g. "pruned". */
  tag?: string;
}

export function legend(items: LegendItem[]): string {
  if (items.length === 0) return "";
  const lis = items.map((it) => {
    const attr = `${it.series === undefined ? "" : ` data-series="${esc(it.series)}"`}${it.faded ? ` class="faded"` : ""}`;
    const badge = it.best ? `<span class="badge">best</span>` : "";
    const tag = it.tag ? ` <span class="tag">${esc(it.tag)}</span>` : "";
    return `<li${attr}><span class="swatch${it.dash ? ` dash${it.dash % DASHES.length}` : ""}" style="border-color:${it.color}"></span>${esc(it.label)}${tag}${badge}</li>`;
  });
  return `<ul class="legend">${lis.join("")}</ul>`;
}

export interface Figure {
  /** data-chart of the <svg>: what tests and readers look it up by. */
  name: string;
  /** The x axis's kind, as data-x-scale: "linear", "log" or "band". */
  xScale: Scale["kind"];
  title: string;
  body: string;
  legend?: LegendItem[];
  /** A legend already rendered (markers rather than line swatches); replaces `legend`. */
  legendHtml?: string;
  caption?: string;
  /** The drawing's size in px; the line and scatter charts' 560 x 320 by default. */
  width?: number;
  height?: number;
}

export function figure(f: Figure): string {
  const width = f.width ?? WIDTH;
  const height = f.height ?? HEIGHT;
  // svg.chart is 560 px wide by CSS (shrinking on narrow screens); other sizes say theirs.
  const size = width === WIDTH ? "" : ` style="width:${width}px"`;
  const svg =
    `<svg class="chart" data-chart="${esc(f.name)}" data-x-scale="${f.xScale}" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"${size} role="img" aria-label="${esc(f.title)}">\n` +
    `${f.body}\n</svg>`;
  const caption = f.caption ? `<p class="hint">${esc(f.caption)}</p>` : "";
  // A caption wraps at the drawing's width instead of widening the figure.
  return `<figure style="max-width:${width + 22}px">\n<figcaption>${esc(f.title)}</figcaption>\n${svg}\n${f.legendHtml ?? legend(f.legend ?? [])}${caption}\n</figure>`;
}

export interface ScatterPoint {
  x: number | string;
  y: number;
  /** The tooltip. */
  label: string;
  best?: boolean;
  /** Drawn faint and grey (a pruned trial, scored at its last checkpoint). */
  faded?: boolean;
}

export interface ScatterSpec {
  name: string;
  title: string;
  xTitle: string;
  yTitle: string;
  x: Scale;
  points: ScatterPoint[];
  caption?: string;
}

export function scatterChart(s: ScatterSpec): string {
  const y = linearScale(
    s.points.map((p) => p.y),
    Y_RANGE,
  );
  // Trials that land on the same spot (a grid's ties) share one point and one tooltip.
  // A spot is faded only when every trial on it is.
  const spots = new Map<string, { cx: string; cy: string; labels: string[]; best: boolean; faded: boolean }>();
  for (const p of s.points) {
    const cx = px(s.x.at(p.x));
    const cy = px(y.at(p.y));
    const spot = spots.get(`${cx},${cy}`) ?? { cx, cy, labels: [], best: false, faded: true };
    spot.labels.push(p.label);
    spot.best ||= p.best === true;
    spot.faded &&= p.faded === true;
    spots.set(`${cx},${cy}`, spot);
  }
  // Faded points first and the best last, so the best is drawn on top.
  const layer = (p: { best: boolean; faded: boolean }): number => (p.best ? 2 : p.faded ? 0 : 1);
  const ordered = [...spots.values()].sort((a, b) => layer(a) - layer(b));
  const dots = ordered.map((p) => {
    const look = p.best
      ? `class="point best" r="7" fill="#d4a72c"`
      : p.faded
        ? `class="point faded" r="5" fill="${FADED}"`
        : `class="point" r="5.5" fill="${PALETTE[0]}"`;
    const title = `<title>${esc(p.labels.join("\n\n"))}</title>`;
    return `<circle ${look} cx="${p.cx}" cy="${p.cy}" data-trials="${p.labels.length}">${title}</circle>`;
  });
  return figure({ name: s.name, title: s.title, xScale: s.x.kind, body: `${axes(s.x, y, s.xTitle, s.yTitle)}\n${dots.join("\n")}`, caption: s.caption });
}

export interface Series {
  /** The data-series id; series that share one highlight together from the legend. */
  id: string;
  label: string;
  color: string;
  /** Index of the line style (DASHES); solid by default. */
  dash?: number;
  best?: boolean;
  /** Drawn faint, under the others (a pruned trial's curve). */
  faded?: boolean;
  points: { x: number; y: number }[];
}

export interface LineSpec {
  name: string;
  title: string;
  xTitle: string;
  yTitle: string;
  series: Series[];
  legend: LegendItem[];
  caption?: string;
}

export function lineChart(s: LineSpec): string {
  const all = s.series.flatMap((ser) => ser.points);
  const x = linearScale(
    all.map((p) => p.x),
    X_RANGE,
    { pad: 0, integer: all.every((p) => Number.isInteger(p.x)) },
  );
  const y = linearScale(
    all.map((p) => p.y),
    Y_RANGE,
  );
  // Faded series first, the best last, so it is drawn on top.
  const ordered = [
    ...s.series.filter((ser) => ser.faded && !ser.best),
    ...s.series.filter((ser) => !ser.faded && !ser.best),
    ...s.series.filter((ser) => ser.best),
  ];
  const groups = ordered.map((ser) => {
    const d = ser.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(x.at(p.x))},${px(y.at(p.y))}`).join("");
    const pattern = DASHES[(ser.dash ?? 0) % DASHES.length];
    const dash = pattern ? ` stroke-dasharray="${pattern}"` : "";
    const dots = ser.points.map((p) => {
      const title = `<title>${esc(`${ser.label} · ${s.xTitle} ${formatNumber(p.x)}: ${formatNumber(p.y)}`)}</title>`;
      return `<circle cx="${px(x.at(p.x))}" cy="${px(y.at(p.y))}" r="2.5" fill="${ser.color}">${title}</circle>`;
    });
    return (
      `<g class="series${ser.best ? " best" : ""}${ser.faded ? " faded" : ""}" data-series="${esc(ser.id)}">` +
      `<path class="line" d="${d}" stroke="${ser.color}"${dash}><title>${esc(ser.label)}</title></path>${dots.join("")}</g>`
    );
  });
  return figure({
    name: s.name,
    title: s.title,
    xScale: x.kind,
    body: `${axes(x, y, s.xTitle, s.yTitle)}\n${groups.join("\n")}`,
    legend: s.legend,
    caption: s.caption,
  });
}
