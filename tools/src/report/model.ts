// The report of a model: its hyperparameters, learning curve and training runs (one per segment).
import { readRunRecord, type RunRecord } from "../formats/run-record.ts";
import { curveCharts, readCurve } from "./curves.ts";
import { esc, formatNumber, keyValueTable, note, page, readJson, section, table, type Cell } from "./html.ts";
import type { ModelReportManifest } from "../formats/report-manifest.ts";

export function modelReport(m: ModelReportManifest): string {
  const hyperparams = Object.entries(readJson<Record<string, string>>(m.hyperparams, "the hyperparameters")).map(
    ([k, v]): [string, string] => [k, String(v)],
  );
  const curve = readCurve(m.curve);
  const records = m.records.map((path) => readRunRecord(path, m.label));
  const totalMs = records.reduce((sum, r) => sum + r.duration_ms, 0);
  const last = curve[curve.length - 1];
  const subtitle =
    `${records.length} training run${records.length === 1 ? "" : "s"} · ${esc(formatNumber(totalMs / 1000))} s` +
    (curve.length ? ` · ${curve.length} epoch${curve.length === 1 ? "" : "s"}` : "") +
    (last && typeof last.loss === "number" ? ` · final loss ${esc(formatNumber(last.loss))}` : "");

  return page({
    kind: "model",
    label: m.label,
    subtitle,
    sections: [
      section(
        "hyperparameters-section",
        "Hyperparameters",
        hyperparams.length ? keyValueTable("hyperparameters", "hyperparameter", "value", hyperparams) : note("No hyperparameters."),
      ),
      section("curves-section", "Learning curve", curveCharts([{ name: m.label, curve }], false) + curveTable(curve)),
      section("runs-section", "Training runs", runsTable(records)),
    ],
  });
}

/** Every value of the curve, folded away: the charts show only loss and accuracy. */
function curveTable(curve: Record<string, number>[]): string {
  if (curve.length === 0) return "";
  const keys = [...new Set(curve.flatMap((p) => Object.keys(p)))];
  const rows = curve.map((p) => keys.map((k): Cell => (p[k] === undefined ? { text: "" } : { text: formatNumber(p[k]!), value: String(p[k]) })));
  const body = table(
    keys.map((k) => ({ key: k, numeric: true })),
    rows,
    { id: "curve" },
  );
  return `\n<details><summary>Values</summary>\n${body}\n</details>`;
}

function runsTable(records: RunRecord[]): string {
  const rows = records.map((r, i): Cell[] => {
    const train = r.kind === "train" ? r : undefined;
    return [
      { text: String(i + 1) },
      { text: train?.epochs ? `${train.epochs.start}\u2013${train.epochs.end}` : "all" },
      { text: formatNumber(r.duration_ms), value: String(r.duration_ms) },
      { text: r.exit_code === null ? "" : String(r.exit_code) },
      { text: train ? String(train.seed) : "" },
    ];
  });
  return table(
    [
      { key: "run", numeric: true },
      { key: "epochs", numeric: false },
      { key: "duration_ms", numeric: true },
      { key: "exit_code", numeric: true },
      { key: "seed", numeric: true },
    ],
    rows,
    { id: "runs" },
  );
}
