// The manifests databazel/private/actions/report.bzl (with the rules' details) writes for the
// DatabazelReport action: one per report, naming its inputs by exec-root path.
// tools/src/report/render.ts turns one into the HTML page. Field names are generated into
// databazel/private/contract.bzl, where report_action checks the rules' details against them.
import { readManifest } from "./manifest.ts";
import { goal } from "./leaderboard.ts";
import { objective } from "./objectives.ts";
import { distribution } from "./sampler-manifest.ts";
import { arrayOf, literal, object, recordOf, string, type ShapeOf } from "./shape.ts";

export const searchReportTrial = object({
  name: string,
  /** The trial's metrics JSON. */
  metrics: string,
  /** Its learning curve: a JSON array of per-epoch objects, possibly empty. */
  curve: string,
});

export const searchReportManifest = object({
  kind: literal("search"),
  label: string,
  metric: string,
  goal,
  /** What trials are ranked by, in the order given: one for a search by `metric`. */
  objectives: arrayOf(objective),
  /** The leaderboard action's JSON (tools/src/formats/leaderboard.ts). */
  leaderboard: string,
  /** Every trial, in declaration order. */
  trials: arrayOf(searchReportTrial),
  /**
   * The search's `space`, parsed (databazel/private/trials.bzl): each hyperparameter's kind, so
   * that the charts draw a loguniform one on a log axis and a choice's options as categories.
   */
  space: recordOf(distribution),
  /** The search's `grid`: each hyperparameter's values, in the order the BUILD file gives them. */
  grid: recordOf(arrayOf(string)),
});
export type SearchReportManifest = ShapeOf<typeof searchReportManifest>;

export const modelReportManifest = object({
  kind: literal("model"),
  label: string,
  /** The hyperparameters, a JSON object of strings. */
  hyperparams: string,
  /** The learning curve, a JSON array of per-epoch objects of numbers (possibly empty). */
  curve: string,
  /** The run records of the training actions, in order (one, or one per segment). */
  records: arrayOf(string),
});
export type ModelReportManifest = ShapeOf<typeof modelReportManifest>;

export const evaluateReportManifest = object({
  kind: literal("evaluate"),
  label: string,
  model_label: string,
  /** The metrics JSON: numbers, nested; may hold confusion_matrix (rows = true class). */
  metrics: string,
});
export type EvaluateReportManifest = ShapeOf<typeof evaluateReportManifest>;

export type ReportManifest = SearchReportManifest | ModelReportManifest | EvaluateReportManifest;

/** Each report kind's manifest, by the `kind` the rules pass to report_action. */
export const REPORT_MANIFESTS = {
  search: searchReportManifest,
  model: modelReportManifest,
  evaluate: evaluateReportManifest,
} as const;

export function readReportManifest(path: string): ReportManifest {
  const { kind } = readManifest(object({ kind: literal("search", "model", "evaluate") }), path, "report manifest");
  return readManifest<ReportManifest>(REPORT_MANIFESTS[kind], path, `${kind} report manifest`);
}

/**
 * The manifest with every path it names passed through `resolve`: the manifest names them
 * relative to the execution root, where the report action runs; the CLI reads them from elsewhere.
 */
export function resolveManifestPaths(m: ReportManifest, resolve: (path: string) => string): ReportManifest {
  switch (m.kind) {
    case "search":
      return {
        ...m,
        leaderboard: resolve(m.leaderboard),
        trials: m.trials.map((t) => ({ ...t, metrics: resolve(t.metrics), curve: resolve(t.curve) })),
      };
    case "model":
      return { ...m, hyperparams: resolve(m.hyperparams), curve: resolve(m.curve), records: m.records.map(resolve) };
    case "evaluate":
      return { ...m, metrics: resolve(m.metrics) };
  }
}
