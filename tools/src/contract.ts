// The contract between databazel's rules and the user's train and eval executables.
// databazel/private/contract.bzl is generated from the `as const` objects below
// (`npm run build:tools`), so the Starlark side and the shims always agree on these names.

/** Flags the train executable receives. */
export const TRAIN_FLAGS = {
  training_data: "--training_data",
  model: "--model",
  hyperparams: "--hyperparams",
  hyperparams_file: "--hyperparams_file",
  seed: "--seed",
  output_dir: "--output_dir",
} as const;

/** Flags the eval executable receives. */
export const EVAL_FLAGS = {
  model: "--model",
  test_data: "--test_data",
  metrics: "--metrics",
} as const;

/** Environment variables that carry the same values, for scripts that prefer them. */
export const ENV_VARS = {
  training_data: "DATABAZEL_TRAINING_DATA",
  test_data: "DATABAZEL_TEST_DATA",
  model: "DATABAZEL_MODEL",
  hyperparams: "DATABAZEL_HYPERPARAMS",
  hyperparams_file: "DATABAZEL_HYPERPARAMS_FILE",
  seed: "DATABAZEL_SEED",
  output_dir: "DATABAZEL_OUTPUT_DIR",
  metrics: "DATABAZEL_METRICS",
} as const;

/** Separates several paths in one DATABAZEL_TRAINING_DATA or DATABAZEL_TEST_DATA value. */
export const PATH_LIST_SEPARATOR = {
  env: ":",
} as const;

export type TrainFlag = keyof typeof TRAIN_FLAGS;
export type EvalFlag = keyof typeof EVAL_FLAGS;
export type EnvVar = keyof typeof ENV_VARS;
