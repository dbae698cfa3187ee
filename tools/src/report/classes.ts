// Per-class views of a metrics object: the confusion matrix as a heatmap table and the
// per_class arrays (precision, recall, f1, ...) as a table. Both are optional in metrics.
import { esc, formatNumber, table } from "./html.ts";

const isNumberArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => typeof n === "number");

/** Mixes white towards an RGB colour by t in [0, 1]. */
function shade(rgb: [number, number, number], t: number): string {
  const c = rgb.map((v) => Math.round(255 + (v - 255) * t));
  return `rgb(${c.join(",")})`;
}

const CORRECT: [number, number, number] = [33, 102, 172];
const CONFUSED: [number, number, number] = [214, 69, 65];

/**
 * The confusion matrix (rows = true class, columns = predicted) when metrics hold one.
 * The diagonal is blue by its share of the row (the class's recall); off the diagonal, red
 * relative to the largest confusion, so the worst mix-ups stand out even when they are rare.
 */
export function confusionMatrix(metrics: unknown): string | undefined {
  const m = (metrics as { confusion_matrix?: unknown } | null)?.confusion_matrix;
  if (!Array.isArray(m) || m.length === 0 || !m.every(isNumberArray)) return undefined;
  const rows = m as number[][];
  const cols = Math.max(...rows.map((r) => r.length));
  let maxOff = 0;
  rows.forEach((r, i) => r.forEach((v, j) => (maxOff = i === j ? maxOff : Math.max(maxOff, v))));
  const head = Array.from({ length: cols }, (_, j) => `<th scope="col">${j}</th>`).join("");
  const body = rows.map((r, i) => {
    const total = r.reduce((a, b) => a + b, 0);
    const cells = Array.from({ length: cols }, (_, j) => {
      const v = r[j] ?? 0;
      const t = i === j ? (total > 0 ? v / total : 0) : maxOff > 0 ? v / maxOff : 0;
      const bg = v === 0 ? "" : ` style="background:${shade(i === j ? CORRECT : CONFUSED, t)}${t > 0.55 ? ";color:#fff" : ""}"`;
      const share = total > 0 ? ` (${formatNumber(Math.round((v / total) * 1000) / 10)}% of class ${i})` : "";
      const cls = `${i === j ? "diag" : "off"}${v === 0 ? " zero" : ""}`;
      return `<td class="${cls}"${bg} title="${esc(`true ${i}, predicted ${j}: ${formatNumber(v)}${share}`)}">${esc(formatNumber(v))}</td>`;
    });
    return `<tr><th scope="row">${i}</th>${cells.join("")}<td class="total">${esc(formatNumber(total))}</td></tr>`;
  });
  return (
    `<div class="scroll"><table id="confusion-matrix" class="matrix">\n` +
    `<thead><tr><th>true \\ predicted</th>${head}<th scope="col">total</th></tr></thead>\n` +
    `<tbody>\n${body.join("\n")}\n</tbody>\n</table></div>\n` +
    `<p class="hint">Rows: true class; columns: predicted class. Blue: correct, darker for a higher share of the class; ` +
    `red: confusions, darker for the more frequent ones.</p>`
  );
}

/** The per_class arrays, one row per class, when metrics hold any. */
export function perClassTable(metrics: unknown): string | undefined {
  const pc = (metrics as { per_class?: unknown } | null)?.per_class;
  if (pc === null || typeof pc !== "object" || Array.isArray(pc)) return undefined;
  const arrays = Object.entries(pc).filter((e): e is [string, number[]] => isNumberArray(e[1]) && e[1].length > 0);
  if (arrays.length === 0) return undefined;
  const count = Math.max(...arrays.map(([, a]) => a.length));
  const rows = Array.from({ length: count }, (_, i) => [
    { text: String(i) },
    ...arrays.map(([, a]) => (a[i] === undefined ? { text: "" } : { text: formatNumber(a[i]!), value: String(a[i]) })),
  ]);
  return table(
    [{ key: "class", numeric: true }, ...arrays.map(([name]) => ({ key: name, numeric: true }))],
    rows,
    { id: "per-class", className: "sortable" },
  );
}
