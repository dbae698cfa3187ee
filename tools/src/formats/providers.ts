// The providers as databazel/private/cli/targets.cquery.bzl prints them for the CLI: one line of
// JSON per configured target, Files as exec-root relative paths. The fields follow
// databazel/providers.bzl; tests/formats.test.ts checks that the three agree.
import { goal } from "./leaderboard.ts";
import { FormatError, arrayOf, checkFile, nullable, number, object, recordOf, string, type ShapeOf } from "./shape.ts";

/** ModelInfo. */
export const modelFields = object({
  model: string,
  hyperparams: recordOf(string),
  hyperparams_file: string,
  seed: nullable(number),
  label: string,
  data: arrayOf(string),
  lineage: arrayOf(string),
  run_record: nullable(string),
  learning_curve: nullable(string),
});
export type ModelFields = ShapeOf<typeof modelFields>;

/** One of SearchInfo.trials. */
export const searchTrialFields = object({
  name: string,
  hyperparams: recordOf(string),
  seed: number,
  model: string,
  metrics: string,
  /** The trial's eval run record; its `outcome` says whether the trial succeeded. */
  run_record: string,
  learning_curve: nullable(string),
  /** Set when a sampler proposed the trial's hyperparameters: the file that holds them. */
  hyperparams_file: nullable(string),
});
export type SearchTrialFields = ShapeOf<typeof searchTrialFields>;

/** SearchInfo. */
export const searchFields = object({
  metric: string,
  goal,
  /** Metric to goal: what trials are ranked by ({metric: goal} for a search by one metric). */
  objectives: recordOf(goal),
  leaderboard_json: string,
  leaderboard_csv: string,
  leaderboard_md: string,
  best: string,
  best_model: string,
  trials: arrayOf(searchTrialFields),
  /** The scheduler's settings (SearchInfo.schedule), or null. */
  schedule: nullable(
    object({
      scheduler: string,
      min_epochs: number,
      max_epochs: number,
      reduction_factor: number,
      /** The deciding rungs' summaries (tools/src/formats/scheduler.ts). */
      rung_summaries: arrayOf(string),
    }),
  ),
});
export type SearchFields = ShapeOf<typeof searchFields>;

/** MetricsInfo. */
export const metricsFields = object({
  metrics: string,
  model_label: string,
  run_record: nullable(string),
  trial: nullable(string),
});
export type MetricsFields = ShapeOf<typeof metricsFields>;

/**
 * The output groups the formatter prints, when the target has them: the CLI builds those that
 * hold what it reads (hyperparams: a model's hyperparameters file, for `diff` and `export`).
 */
export const OUTPUT_GROUPS = ["records", "report", "hyperparams"] as const;

/** One configured target, as targets.cquery.bzl prints it. */
export const target = object({
  label: string,
  model: nullable(modelFields),
  search: nullable(searchFields),
  metrics: nullable(metricsFields),
  /** Those of OUTPUT_GROUPS the target has. */
  output_groups: recordOf(arrayOf(string)),
  files: arrayOf(string),
});
export type Target = ShapeOf<typeof target>;

/** Parses and checks one line of the formatter's output. */
export function parseTargetLine(line: string, formatFile: string): Target {
  const fix =
    `use the databazel CLI and ${formatFile} from the same databazel release (reinstall it); if they match, report a databazel bug.`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new FormatError(`bazel cquery with ${formatFile} printed a line that is not JSON: ${line}\nFix: ${fix}`);
  }
  return checkFile(target, value, `a line of bazel cquery with ${formatFile}`, "target description", fix);
}
