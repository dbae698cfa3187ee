// What databazel/private/actions/report.bzl hands the report action: one JSON manifest per report,
// naming its inputs by exec-root path. tools/src/report/render.ts turns it into the HTML page.

export interface SearchReportManifest {
  kind: "search";
  label: string;
  metric: string;
  goal: "maximize" | "minimize";
  /** The aggregate's leaderboard JSON: { label, metric, goal, best, trials: [{ rank, trial, hyperparams, seed, value, metrics, model }] }. */
  leaderboard: string;
  /** Every trial, in declaration order: its metrics JSON and its learning curve (a JSON array of per-epoch objects, possibly empty). */
  trials: { name: string; metrics: string; curve: string }[];
}

export interface ModelReportManifest {
  kind: "model";
  label: string;
  /** The hyperparameters, a JSON object of strings. */
  hyperparams: string;
  /** The learning curve, a JSON array of per-epoch objects of numbers (possibly empty). */
  curve: string;
  /** The run records of the training actions, in order (one, or one per segment). */
  records: string[];
}

export interface EvaluateReportManifest {
  kind: "evaluate";
  label: string;
  model_label: string;
  /** The metrics JSON: numbers, nested; may hold confusion_matrix (rows = true class). */
  metrics: string;
}

export type ReportManifest = SearchReportManifest | ModelReportManifest | EvaluateReportManifest;
