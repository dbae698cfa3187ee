// The benchmark's page: one self-contained HTML file (inline SVG and CSS, no script, nothing
// fetched) with, per task, regret against trials and against simulated training time (log scale,
// one line per method: the mean over seeds, the band from the lowest to the highest seed), then
// the regret, mean-rank and Wilcoxon tables.
import type { Band } from "./curves.ts";

export const COLORS: Record<string, { color: string; dash: string }> = {
  databazel_random: { color: "#1f77b4", dash: "" },
  databazel_tpe_b1: { color: "#d62728", dash: "" },
  databazel_tpe_b4: { color: "#ff7f0e", dash: "" },
  optuna_random: { color: "#2ca02c", dash: "7 4" },
  optuna_tpe: { color: "#9467bd", dash: "2 3" },
  // The multi-fidelity tasks' methods.
  databazel_sh: { color: "#1f77b4", dash: "" },
  databazel_hyperband: { color: "#d62728", dash: "" },
  optuna_hyperband: { color: "#9467bd", dash: "7 4" },
  dehb: { color: "#2ca02c", dash: "2 3" },
  ray_asha: { color: "#ff7f0e", dash: "4 2 1 2" },
  // The multi-objective tasks' methods (databazel_random and the two TPEs as above).
  databazel_nsga2_b1: { color: "#8c564b", dash: "" },
  databazel_nsga2_b4: { color: "#e377c2", dash: "" },
  databazel_nsga2_b8: { color: "#17becf", dash: "" },
  optuna_nsga2: { color: "#bcbd22", dash: "7 4" },
  optuna_nsga2_p50: { color: "#7f7f7f", dash: "4 2 1 2" },
};
const style = (method: string) => COLORS[method] ?? { color: "#555", dash: "2 2" };

export const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const W = 520;
const H = 320;
const M = { left: 64, right: 14, top: 26, bottom: 44 };

/** Round ticks for a linear axis: about `count` of 1, 2 or 5 times a power of ten. */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Ticks for a log axis: every power of ten in range, with 2 and 5 when it spans less than two decades. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  const fine = Math.log10(hi / lo) < 2;
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of fine ? [1, 2, 5] : [1]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) ticks.push(Number(v.toPrecision(6)));
    }
  }
  return ticks;
}

const label = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(0) : String(Number(v.toPrecision(3))));

/**
 * One chart: the bands' lines on a log y axis. A regret of 0 (the best recorded run found) has no
 * logarithm: it is drawn at the floor, a third of the smallest positive value, labelled "0".
 */
export function chart(title: string, xLabel: string, bands: Band[]): string {
  const values = bands.flatMap((b) => [...b.lo, ...b.hi, ...b.mean]).filter((v) => Number.isFinite(v));
  const positive = values.filter((v) => v > 0);
  const top = positive.length ? Math.max(...positive) : 1;
  const smallest = positive.length ? Math.min(...positive) : top / 10;
  const hasZero = values.some((v) => v <= 0);
  const floor = hasZero ? smallest / 3 : smallest;
  const yMin = floor / 1.3;
  const yMax = top * 1.15;
  const xs = bands.flatMap((b) => b.x);
  const xMin = Math.min(...xs, 0);
  const xMax = Math.max(...xs, 1);
  const px = (x: number) => M.left + ((x - xMin) / (xMax - xMin)) * (W - M.left - M.right);
  const py = (y: number) => {
    const v = Math.max(y, floor);
    return M.top + (1 - (Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))) * (H - M.top - M.bottom);
  };
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">`);
  out.push(`<text x="${W / 2}" y="16" text-anchor="middle" class="title">${escapeHtml(title)}</text>`);
  for (const t of logTicks(hasZero ? floor * 1.5 : yMin, yMax)) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" class="grid"/>`);
    out.push(`<text x="${M.left - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end">${label(t)}</text>`);
  }
  if (hasZero) out.push(`<text x="${M.left - 6}" y="${(py(floor) + 4).toFixed(1)}" text-anchor="end">0</text>`);
  for (const t of linearTicks(xMin, xMax)) {
    out.push(`<line x1="${px(t).toFixed(1)}" x2="${px(t).toFixed(1)}" y1="${M.top}" y2="${H - M.bottom}" class="grid"/>`);
    out.push(`<text x="${px(t).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${label(t)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" class="frame"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">${escapeHtml(xLabel)}</text>`);
  out.push(`<text transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">regret (log)</text>`);
  // Methods often share a stretch of curve (the same first trials, or both at 0): the first drawn
  // is the widest, so that each line still shows beside the ones drawn over it.
  bands.forEach((b, k) => {
    const { color, dash } = style(b.method);
    const width = (1.5 + 2 * ((bands.length - 1 - k) / Math.max(1, bands.length - 1))).toFixed(2);
    // Regret holds until the next trial improves it: steps, not slopes.
    const pts = (ys: number[]) =>
      b.x.flatMap((x, i) => {
        const here = `${px(x).toFixed(1)},${py(ys[i]!).toFixed(1)}`;
        return i + 1 < b.x.length ? [here, `${px(b.x[i + 1]!).toFixed(1)},${py(ys[i]!).toFixed(1)}`] : [here];
      });
    if (b.lo.some((v, i) => v !== b.hi[i])) {
      out.push(`<polygon points="${[...pts(b.hi), ...pts(b.lo).reverse()].join(" ")}" fill="${color}" fill-opacity="0.10" stroke="none"/>`);
    }
    out.push(`<polyline points="${pts(b.mean).join(" ")}" fill="none" stroke="${color}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ""}><title>${escapeHtml(b.method)}</title></polyline>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

/** The legend: each method's line. */
export function legend(methods: string[]): string {
  const items = methods.map((m) => {
    const { color, dash } = style(m);
    return `<span class="key"><svg width="34" height="10"><line x1="0" x2="34" y1="5" y2="5" stroke="${color}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/></svg> ${escapeHtml(m)}</span>`;
  });
  return `<p class="legend">${items.join(" ")}</p>`;
}

/** A Markdown table (tables.ts) as HTML, **bold** kept. */
export function markdownTableHtml(markdown: string): string {
  const lines = markdown.trim().split("\n");
  const cells = (line: string) => line.replace(/^\|\s?|\s?\|$/g, "").split(" | ").map((c) => escapeHtml(c).replace(/\*\*(.+?)\*\*/g, "<b>$1</b>"));
  const right = lines[1]!.replace(/^\||\|$/g, "").split("|").map((a) => a.endsWith(":"));
  const row = (tag: string, line: string) => `<tr>${cells(line).map((c, i) => `<${tag}${right[i] ? ' class="num"' : ""}>${c}</${tag}>`).join("")}</tr>`;
  return `<table>\n<thead>${row("th", lines[0]!)}</thead>\n<tbody>\n${lines.slice(2).map((l) => row("td", l)).join("\n")}\n</tbody>\n</table>`;
}

export interface PageSection {
  heading: string;
  /** HTML: charts, tables, notes. */
  body: string;
}

/** The whole page. */
export function page(title: string, intro: string, sections: PageSection[]): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1100px; color: #222; padding: 0 16px; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; border-bottom: 1px solid #ddd; } h3 { font-size: 15px; margin-bottom: 4px; }
.charts { display: flex; flex-wrap: wrap; gap: 12px; }
svg text { font: 11px system-ui, sans-serif; fill: #333; } svg text.title { font-size: 13px; font-weight: 600; }
.grid { stroke: #e4e4e4; } .frame { fill: none; stroke: #999; }
.legend .key { margin-right: 14px; white-space: nowrap; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; } th { background: #f4f4f4; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; }
code { background: #f4f4f4; padding: 0 3px; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${intro}
${sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n${s.body}`).join("\n")}
</body>
</html>
`;
}
