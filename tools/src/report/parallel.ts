// The parallel-coordinates chart of a search, as Optuna's plot_parallel_coordinate draws it: one
// vertical axis per hyperparameter that varies (log for loguniform, categories for choice, see
// paramScale), the metric's axis last, and each trial a line through its values, coloured by its
// metric on a sequential scale (darker is better; a colour bar says which value is which).
// With several objectives, each has an axis after the hyperparameters; the colour is the
// first objective's (or select's: the leaderboard's `value`).
// Pruned trials are grey and dashed (their metric is from the checkpoint they stopped at);
// trials that failed, timed out or diverged have no metric: red and dotted, they end on a
// "no value" mark below the metric's axis.
import type { Goal, Ranked } from "../formats/leaderboard.ts";
import type { Objective } from "../formats/objectives.ts";
import { esc, formatNumber } from "./html.ts";
import { FADED, figure, linearScale, paramScale, px, truncate, type LegendItem, type ParamKind, type Scale } from "./svg.ts";

/** Viridis (matplotlib's), sampled at tenths: perceptually even, readable in grey. */
const VIRIDIS = ["#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"];
/** How far along viridis the worst trial is: its yellow end is too light for a line on white. */
const WORST = 0.85;
const FAILED = "#cf222e";

/** The colour of `t` in [0, 1] (1 the best): viridis from its light end (t = 0) to its darkest. */
export function sequential(t: number): string {
  const x = (1 - Math.min(1, Math.max(0, t))) * WORST * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = parseInt(VIRIDIS[i]!.slice(1), 16);
  const b = parseInt(VIRIDIS[i + 1]!.slice(1), 16);
  const mix = (shift: number): number => Math.round(((a >> shift) & 255) * (1 - f) + ((b >> shift) & 255) * f);
  return `#${[16, 8, 0].map((s) => mix(s).toString(16).padStart(2, "0")).join("")}`;
}

export interface ParallelSpec {
  metric: string;
  goal: Goal;
  best: string;
  /** The hyperparameters to draw an axis for, in order. */
  hyperparams: string[];
  /** Each hyperparameter's kind, when the search says it. */
  kinds: Map<string, ParamKind>;
  /** Every trial, in declaration order (the order lines are drawn in, within a layer). */
  trials: Ranked[];
  /** With more than one: an axis per objective, in this order, instead of the metric's alone. */
  objectives?: Objective[];
}

const TOP = 44;
const PLOT = 250;
const SPACING = 150;
const SIDE = 84;

export function parallelChart(s: ParallelSpec): string {
  const many = (s.objectives?.length ?? 0) > 1;
  // The axes after the hyperparameters: each objective's, or the metric's alone.
  const ends: Objective[] = many ? s.objectives! : [{ name: s.metric, goal: s.goal }];
  const endValue = (t: Ranked, k: number): number | null => (many ? (t.value === null ? null : (t.metrics[ends[k]!.name] ?? null)) : t.value);
  const axes = s.hyperparams.length + ends.length;
  const width = Math.max(560, SIDE * 2 + (axes - 1) * SPACING);
  const step = (width - SIDE * 2) / (axes - 1);
  const xs = Array.from({ length: axes }, (_, i) => SIDE + i * step);
  const bottom = TOP + PLOT;
  const range: [number, number] = [bottom, TOP];
  const failed = s.trials.some((t) => t.value === null);
  const noValue = bottom + 22;
  const barTop = (failed ? noValue : bottom) + 34;
  const height = barTop + 40;

  const scales = s.hyperparams.map((h) => paramScale(s.trials.map((t) => t.hyperparams[h] ?? ""), s.kinds.get(h), range));
  const endScales = ends.map((_, k) => {
    const values = s.trials.flatMap((t) => {
      const v = endValue(t, k);
      return v === null ? [] : [v];
    });
    return values.length ? linearScale(values, range) : undefined;
  });
  const completed = s.trials.filter((t) => t.outcome === "succeeded" && t.value !== null).map((t) => t.value!);
  const [lo, hi] = completed.length ? [Math.min(...completed), Math.max(...completed)] : [0, 0];
  const goodness = (v: number): number => (hi === lo ? 1 : s.goal === "maximize" ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo));

  // Lines: pruned under failed under completed, worse under better, the best last (on top).
  const layer = (t: Ranked): number => (t.trial === s.best ? 3 : t.outcome === "pruned" ? 0 : t.value === null ? 1 : 2);
  const ordered = [...s.trials].map((t, i) => ({ t, i })).sort((a, b) => {
    const d = layer(a.t) - layer(b.t);
    if (d !== 0) return d;
    if (layer(a.t) === 2) return goodness(a.t.value!) - goodness(b.t.value!) || a.i - b.i;
    return a.i - b.i;
  });
  const lines = ordered.map(({ t }) => {
    const points: string[] = [];
    s.hyperparams.forEach((h, i) => {
      const v = t.hyperparams[h];
      if (v !== undefined) points.push(`${px(xs[i]!)},${px(scales[i]!.at(v))}`);
    });
    ends.forEach((_, k) => {
      const v = endValue(t, k);
      const scale = endScales[k];
      points.push(`${px(xs[s.hyperparams.length + k]!)},${px(v === null || !scale ? noValue : scale.at(v))}`);
    });
    const status = t.outcome === "succeeded" ? "completed" : t.outcome === "pruned" ? "pruned" : "failed";
    const look =
      status === "completed"
        ? `stroke="${sequential(goodness(t.value!))}"`
        : status === "pruned"
          ? `stroke="${FADED}" stroke-dasharray="5 4"`
          : `stroke="${FAILED}" stroke-dasharray="2 3"`;
    const cls = `pc-line ${status}${t.trial === s.best ? " best" : ""}`;
    const tip = [
      `${t.trial}${t.trial === s.best ? " (best)" : ""}`,
      ...s.hyperparams.map((h) => `${h} = ${t.hyperparams[h] ?? ""}`),
      ...ends.map((o, k) => {
        const v = endValue(t, k);
        return v === null ? `${o.name}: none (${t.outcome})` : `${o.name} = ${formatNumber(v)}${status === "pruned" ? ` (pruned after ${t.epochs} epochs)` : ""}`;
      }),
    ].join("\n");
    return (
      `<polyline class="${cls}" data-trial="${esc(t.trial)}" data-outcome="${esc(t.outcome)}" points="${points.join(" ")}" fill="none" ${look}>` +
      `<title>${esc(tip)}</title></polyline>`
    );
  });

  const parts: string[] = [`<g class="pc-lines">`, ...lines, `</g>`];
  s.hyperparams.forEach((h, i) => parts.push(axis(xs[i]!, scales[i]!, h, i === 0 ? SIDE : step)));
  ends.forEach((o, k) => {
    const arrow = o.goal === "maximize" ? "\u2191" : "\u2193";
    parts.push(axis(xs[s.hyperparams.length + k]!, endScales[k] ?? linearScale([0, 1], range), `${o.name} ${arrow}`, step, true));
  });
  if (failed) {
    ends.forEach((_, k) => {
      const x = xs[s.hyperparams.length + k]!;
      parts.push(`<circle class="no-value" cx="${px(x)}" cy="${noValue}" r="3" fill="${FAILED}"/>`);
      // Worded once, at the last axis: elsewhere it would sit on the lines to the next.
      if (k === ends.length - 1) parts.push(`<text class="tick no-value" x="${px(x + 7)}" y="${noValue}" dy="0.32em" text-anchor="start">no value</text>`);
    });
  }
  const best = s.trials.find((t) => t.trial === s.best);
  ends.forEach((_, k) => {
    const v = best ? endValue(best, k) : null;
    const scale = endScales[k];
    if (v !== null && scale) {
      parts.push(`<circle class="pc-best" cx="${px(xs[s.hyperparams.length + k]!)}" cy="${px(scale.at(v))}" r="4.5" fill="${sequential(1)}" stroke="#fff" stroke-width="1.5"/>`);
    }
  });
  if (completed.length) parts.push(colourBar(s, lo, hi, barTop));

  const present = new Set(s.trials.map((t) => (t.outcome === "succeeded" ? "completed" : t.outcome === "pruned" ? "pruned" : "failed")));
  const legend: LegendItem[] = [
    ...(present.has("pruned") ? [{ label: "pruned: metric at the rung it stopped at", color: FADED, dash: 1 }] : []),
    ...(present.has("failed") ? [{ label: "failed, timed out or diverged: no metric", color: FAILED, dash: 2 }] : []),
  ];
  const chart = figure({
    name: "parallel-coordinates",
    xScale: "band",
    title: `Parallel coordinates: ${s.trials.length} trial${s.trials.length === 1 ? "" : "s"}`,
    body: parts.join("\n"),
    width,
    height,
    legend,
    caption: many
      ? `One line per trial, through its hyperparameters to each objective, coloured by ${s.metric}. The selected trial is the thick line; hover a line for its trial.`
      : `One line per trial, through its hyperparameters to its ${s.metric}. The best trial is the thick line; hover a line for its trial.`,
  });
  return `<div class="charts">\n${chart}\n</div>`;
}

/** One vertical axis: its line, ticks and labels, and its title above it. */
function axis(x: number, scale: Scale, title: string, room: number, metric = false): string {
  const out: string[] = [];
  const top = TOP;
  const bottom = TOP + PLOT;
  const kind = metric ? "metric" : scale.kind;
  // The metric's labels go right of its axis, clear of the lines that end there.
  const side = metric ? 1 : -1;
  out.push(`<g class="pc-axis" data-axis="${esc(title)}" data-scale="${kind}">`);
  out.push(`<line class="axis" x1="${px(x)}" x2="${px(x)}" y1="${top}" y2="${bottom}"/>`);
  // Labels sit left of the axis; a category's gets the room up to the previous axis.
  const chars = Math.max(4, Math.floor((room - 16) / 6.3));
  for (const t of scale.ticks) {
    const shown = truncate(t.label, chars);
    const full = shown === t.label ? "" : `<title>${esc(t.label)}</title>`;
    out.push(`<line class="axis" x1="${px(x + side * 4)}" x2="${px(x)}" y1="${px(t.at)}" y2="${px(t.at)}"/>`);
    out.push(`<text class="tick" x="${px(x + side * 7)}" y="${px(t.at)}" dy="0.32em" text-anchor="${metric ? "start" : "end"}">${full}${esc(shown)}</text>`);
  }
  const shown = truncate(title, Math.floor((Math.min(room, SIDE) * 2 - 8) / 7));
  const full = shown === title ? "" : `<title>${esc(title)}</title>`;
  out.push(`<text class="axis-title" x="${px(x)}" y="14" text-anchor="middle">${full}${esc(shown)}</text>`);
  if (scale.kind === "log" && !metric) out.push(`<text class="axis-note" x="${px(x)}" y="28" text-anchor="middle">log scale</text>`);
  out.push(`</g>`);
  return out.join("\n");
}

/** The colour scale: worst to best, left to right, in 24 steps (no gradient: no url() references). */
function colourBar(s: ParallelSpec, lo: number, hi: number, y: number): string {
  const x0 = SIDE;
  const w = 240;
  const n = 24;
  const top = y + 6;
  const cells = Array.from({ length: n }, (_, i) => {
    const t = i / (n - 1);
    return `<rect x="${px(x0 + (i * w) / n)}" y="${top}" width="${px(w / n + 0.5)}" height="10" fill="${sequential(t)}"/>`;
  });
  const [worst, bestValue] = s.goal === "maximize" ? [lo, hi] : [hi, lo];
  return (
    `<g class="colour-bar" data-worst="${worst}" data-best="${bestValue}">\n` +
    `<text class="axis-title" x="${x0}" y="${y}" text-anchor="start">${esc(s.metric)} of the completed trials, darker is better</text>\n` +
    `${cells.join("")}\n` +
    `<text class="tick" x="${x0}" y="${top + 23}" text-anchor="start">${esc(formatNumber(worst))}</text>` +
    `<text class="tick" x="${x0 + w}" y="${top + 23}" text-anchor="end">${esc(formatNumber(bestValue))}</text>\n</g>`
  );
}
