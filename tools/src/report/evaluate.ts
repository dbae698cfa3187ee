// The report of an evaluation: its scalar metrics, per-class metrics and confusion matrix.
import { scalarMetrics } from "../lib/metrics.ts";
import { confusionMatrix, perClassTable } from "./classes.ts";
import { esc, keyValueTable, note, page, readJson, section } from "./html.ts";
import type { EvaluateReportManifest } from "../formats/report-manifest.ts";

export function evaluateReport(m: EvaluateReportManifest): string {
  const metrics = readJson<unknown>(m.metrics, "the metrics");
  const scalars = Object.entries(scalarMetrics(metrics));
  const sections = [
    section(
      "metrics-section",
      "Metrics",
      scalars.length ? keyValueTable("metrics", "metric", "value", scalars) : note("The metrics hold no scalar values."),
    ),
  ];
  const perClass = perClassTable(metrics);
  if (perClass) sections.push(section("per-class-section", "Per class", perClass));
  const matrix = confusionMatrix(metrics);
  if (matrix) sections.push(section("confusion-section", "Confusion matrix", matrix));
  return page({
    kind: "evaluate",
    label: m.label,
    subtitle: `model <b id="model-label">${esc(m.model_label)}</b>`,
    sections,
  });
}
