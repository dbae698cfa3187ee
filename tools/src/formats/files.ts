// The names of the files databazel's actions write, as suffixes of a target's (or a run's) name:
// the rules declare them (databazel/private/contract.bzl is generated from this), and the CLI
// recognises them.

/** Suffixes appended to a target's or a run's name, e.g. `<name>.leaderboard.json`. */
export const FILE_SUFFIXES = {
  train_record: ".train.json",
  train_outcome: ".train.outcome.json",
  train_log: ".train.log",
  eval_record: ".eval.json",
  eval_outcome: ".eval.outcome.json",
  eval_log: ".eval.log",
  curve: ".curve.json",
  extras: ".extras",
  hyperparams: ".hyperparams.json",
  leaderboard_json: ".leaderboard.json",
  leaderboard_csv: ".leaderboard.csv",
  leaderboard_md: ".leaderboard.md",
  best: ".best.json",
  best_hyperparams: ".best_hyperparams.json",
  best_model: ".best_model",
  best_model_dir: ".best_model.d",
  leaderboard_manifest: ".manifest.json",
  report_manifest: ".report.json",
  report_html: ".report.html",
  training_data_digests: ".training_data.digests.json",
  test_data_digests: ".test_data.digests.json",
  validation_data_digests: ".validation_data.digests.json",
  promotion: ".promotion.json",
  validation_metrics: ".validation.json",
  validation_record: ".validation.eval.json",
  validation_outcome: ".validation.outcome.json",
  validation_log: ".validation.eval.log",
  promote_manifest: ".promote.json",
  rung_summary: ".rung.json",
  sampler_manifest: ".sampler.json",
  sampler_history: ".history.json",
  sampler_proposals: ".proposals.json",
} as const;
