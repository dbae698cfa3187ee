// Learning-curve charts, shared by the model report (one run) and the search report (a run per
// trial): a loss chart and an accuracy chart, from whichever curve keys match.
import { readFileSync } from "node:fs";
import { parseCurve, type Curve } from "../lib/curve.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { note } from "./html.ts";
import { lineChart, PALETTE, type LegendItem, type Series } from "./svg.ts";

export function readCurve(path: string): Curve {
  const curve = parseCurve(readFileSync(path, "utf8"));
  if (typeof curve === "string") throw new UserFacingError(`databazel: the report's learning curve ${path} ${curve}`);
  return curve;
}

export interface Run {
  name: string;
  curve: Curve;
  best?: boolean;
  /** Drawn faint and under the others: a trial the scheduler stopped early. */
  faded?: boolean;
  /** A word after its legend entry, e.g. "pruned". */
  tag?: string;
}

const GROUPS = [
  { chart: "learning-curves", title: "Loss per epoch", yTitle: "loss", match: /loss/i },
  { chart: "learning-curves-accuracy", title: "Accuracy per epoch", yTitle: "accuracy", match: /acc/i },
];

/** A point's epoch: its `epoch` when every point has one, else its 1-based position. */
function epochs(curve: Curve): number[] {
  const given = curve.every((p) => typeof p.epoch === "number");
  return curve.map((p, i) => (given ? p.epoch! : i + 1));
}

/**
 * One chart per group that some curve has keys for. With one run, each key is a colour; with
 * several (`byRun`), each run is a colour and each key a line style.
 */
export function curveCharts(runs: Run[], byRun: boolean, caption?: string): string {
  if (runs.every((r) => r.curve.length === 0)) {
    return note(
      `No learning curve: ${byRun ? "no trial's training script wrote one" : "the training script wrote none"}. ` +
        `A training script may write --output_dir/curve.json, ` +
        `a JSON array of per-epoch metrics such as [{"epoch": 1, "loss": 0.4, "train_accuracy": 0.9}].`,
      "learning-curves",
    );
  }
  const allKeys = [...new Set(runs.flatMap((r) => r.curve.flatMap((p) => Object.keys(p))))].filter((k) => k !== "epoch").sort();
  const charts: string[] = [];
  for (const group of GROUPS) {
    const keys = allKeys.filter((k) => group.match.test(k));
    if (keys.length === 0) continue;
    const series: Series[] = [];
    const legend: LegendItem[] = [];
    runs.forEach((run, r) => {
      const xs = epochs(run.curve);
      keys.forEach((key, k) => {
        const points = run.curve.flatMap((p, i) => (typeof p[key] === "number" ? [{ x: xs[i]!, y: p[key]! }] : []));
        if (points.length === 0) return;
        const color = PALETTE[(byRun ? r : k) % PALETTE.length]!;
        const id = String(byRun ? r : k);
        const label = byRun ? (keys.length > 1 ? `${run.name} ${key}` : run.name) : key;
        series.push({ id, label, color, dash: byRun ? k : 0, best: run.best, faded: byRun && run.faded, points });
        if (!byRun) legend.push({ label: key, color, series: id });
      });
      // Colours repeat after ten runs; hovering a legend entry picks its run out.
      if (byRun && run.curve.length > 0) {
        legend.push({ label: run.name, color: PALETTE[r % PALETTE.length]!, series: String(r), best: run.best, faded: run.faded, tag: run.tag });
      }
    });
    if (byRun && keys.length > 1) keys.forEach((key, k) => legend.push({ label: key, color: "#656d76", dash: k }));
    charts.push(lineChart({ name: group.chart, title: group.title, xTitle: "epoch", yTitle: group.yTitle, series, legend, caption }));
  }
  if (charts.length === 0) {
    return note(`The learning curves hold no loss or accuracy values (their keys: ${allKeys.join(", ")}).`, "learning-curves");
  }
  return `<div class="charts">\n${charts.join("\n")}\n</div>`;
}
