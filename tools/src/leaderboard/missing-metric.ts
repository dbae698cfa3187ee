// The message for a trial whose metrics lack one the search ranks by (an objective, or a
// constrained metric): a mistake in the BUILD file or the eval script, not a trial's failure.
import { scalarMetrics } from "../lib/metrics.ts";

export function missingMetric(label: string, trial: string, file: string, name: string, metrics: unknown): string {
  const names = Object.keys(scalarMetrics(metrics)).sort();
  return (
    `databazel: ${label}: trial ${trial} has no numeric metric "${name}" in ${file}.\n` +
    `Its metrics are: ${names.join(", ") || "(none)"}.\n` +
    `Fix: set metric (or the objectives and constraints) to those names (dotted for nested values), or make the eval executable write "${name}".`
  );
}
