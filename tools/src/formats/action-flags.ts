// The command lines of databazel's own helper binaries (not the user's scripts: see
// tools/src/contract.ts). The actions in databazel/private/actions/ pass these flags through
// the generated databazel/private/contract.bzl; the binaries in tools/src/bin/ read them.

/** Flags every train and eval shim receives before the script's own flags. */
export const SHIM_FLAGS = {
  label: "--shim_label",
  trial: "--shim_trial",
  executable: "--shim_executable",
  record: "--shim_record",
  /** Where the run's outcome alone goes (tools/src/formats/outcome.ts), for the trial's next actions. */
  outcome: "--shim_outcome",
  log: "--shim_log",
  curve: "--shim_curve",
  model_is_dir: "--shim_model_is_dir",
  previous_curve: "--shim_previous_curve",
  /** The run's timeout ("30m", from train_timeout or eval_timeout); absent for none. */
  timeout: "--shim_timeout",
  /** Inside a search with max_failed_trials: record a failed run as its outcome, and succeed. */
  record_failures: "--shim_record_failures",
  /** Train: the outcome of the segment this one continues; a failure (or a stopped trial) there passes on. */
  previous_outcome: "--shim_previous_outcome",
  /** Train, with a scheduler: the rung's promotion file for this trial (tools/src/formats/scheduler.ts). */
  promotion: "--shim_promotion",
  /** Eval at a rung of a search with a scheduler: a trial stopped earlier passes on without running. */
  skip_pruned: "--shim_skip_pruned",
  /** Eval: the outcome of the model's training; a failure there passes on. */
  train_outcome: "--shim_train_outcome",
  /** Eval: the search's metric, checked to be a finite number (else the trial diverged). */
  search_metric: "--shim_search_metric",
  /** The digests of the data (tools/src/formats/digests.ts), computed once by a DatabazelDigest action. */
  data_digests: "--shim_data_digests",
} as const;

/** Flags of the DatabazelDigest action (tools/src/bin/digest.ts). */
export const DIGEST_FLAGS = {
  output: "--output",
  file: "--file",
} as const;

/** Flags of the DatabazelLeaderboard action (tools/src/bin/leaderboard.ts). */
export const LEADERBOARD_FLAGS = {
  manifest: "--manifest",
  leaderboard_json: "--leaderboard_json",
  leaderboard_csv: "--leaderboard_csv",
  leaderboard_md: "--leaderboard_md",
  best: "--best",
  best_hyperparams: "--best_hyperparams",
  best_model: "--best_model",
  model_is_dir: "--model_is_dir",
} as const;

/** Flags of the DatabazelPromote action (tools/src/bin/promote.ts). */
export const PROMOTE_FLAGS = {
  manifest: "--manifest",
  summary: "--summary",
} as const;

/** Flags of the DatabazelSampler action (tools/src/bin/sampler.ts). */
export const SAMPLER_ACTION_FLAGS = {
  manifest: "--manifest",
  /** Where the history goes (tools/src/formats/sampler-history.ts): what a sampler executable reads. */
  history: "--history",
  /** Where the batch's proposals go, as the sampler wrote them. */
  proposals: "--proposals",
} as const;

/** Flags of the DatabazelReport action (tools/src/bin/report.ts). */
export const REPORT_FLAGS = {
  manifest: "--manifest",
  output: "--output",
} as const;
