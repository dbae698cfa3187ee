// The contract between databazel's rules and the user's train and eval executables.
// TRAIN_FLAGS and EVAL_FLAGS are generated into databazel/private/contract.bzl (tools/build/
// gen-contract.ts, `npm run build:tools`), so the rules and the shims always agree on them; the
// rest is what the shims pass on, and the documentation (docs/contract.md) of it all.

/** Flags the train executable receives. */
export const TRAIN_FLAGS = {
  training_data: "--training_data",
  model: "--model",
  hyperparams: "--hyperparams",
  hyperparams_file: "--hyperparams_file",
  seed: "--seed",
  output_dir: "--output_dir",
  init_checkpoint: "--init_checkpoint",
  start_epoch: "--start_epoch",
  end_epoch: "--end_epoch",
} as const;

/** Files a train executable may write into its output_dir for databazel to read. */
export const OUTPUT_DIR_FILES = {
  curve: "curve.json",
} as const;

/** Flags the eval executable receives. */
export const EVAL_FLAGS = {
  model: "--model",
  test_data: "--test_data",
  metrics: "--metrics",
} as const;

/** Flags a sampler executable (`hyperparam_search(sampler = ":my_sampler")`) receives. */
export const SAMPLER_FLAGS = {
  history: "--history",
  output: "--output",
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
  init_checkpoint: "DATABAZEL_INIT_CHECKPOINT",
  start_epoch: "DATABAZEL_START_EPOCH",
  end_epoch: "DATABAZEL_END_EPOCH",
} as const;

/** Separates several paths in one DATABAZEL_TRAINING_DATA or DATABAZEL_TEST_DATA value. */
export const PATH_LIST_SEPARATOR = {
  env: ":",
} as const;

/** One row of the contract's documentation (docs/contract.md is generated from these). */
export interface ContractRow {
  script: "train" | "eval" | "sampler";
  flag: string;
  env: string;
  meaning: string;
}

/**
 * Rows for `script`'s flags: a flag with its argument's placeholder, and the environment variable
 * of the same key (which carries the same value) unless `env` names another ("" for none).
 */
function rowsOf<F extends Record<string, string>>(script: ContractRow["script"], flags: F) {
  const envOf = (key: string): string => (ENV_VARS as Record<string, string>)[key] ?? "";
  return (key: keyof F & string, arg: string, meaning: string, env: string = envOf(key)): ContractRow => ({
    script,
    flag: `${flags[key]} ${arg}`,
    env,
    meaning,
  });
}
const train = rowsOf("train", TRAIN_FLAGS);
const evalRow = rowsOf("eval", EVAL_FLAGS);
const sampler = rowsOf("sampler", SAMPLER_FLAGS);
const pathList = (env: string): string => `${env} (paths joined by \`${PATH_LIST_SEPARATOR.env}\`)`;

export const CONTRACT_ROWS: ContractRow[] = [
  train(
    "training_data",
    "PATH",
    "the training data; repeated for several files; a directory is one path",
    pathList(ENV_VARS.training_data),
  ),
  train("model", "PATH", "where to write the model: a non-empty file, or a non-empty directory with `model_is_dir = True`"),
  train("hyperparams", "JSON", "the hyperparameters, a JSON object of strings"),
  train("hyperparams_file", "PATH", "the same JSON, in a file"),
  train("seed", "N", "the seed; the same inputs and seed must give the same model"),
  train("output_dir", "DIR", "optional extras: per-epoch metrics, logs, plots"),
  train("start_epoch", "N", "with `epochs` set: train epochs N+1 to `--end_epoch`; the hyperparameters then leave out `epochs`"),
  train("end_epoch", "N", "with `epochs` set: the epoch this segment ends with, counted from the start of training"),
  train(
    "init_checkpoint",
    "PATH",
    "with `checkpoint_every` set, after the first segment: the previous segment's `--model`, to continue from; " +
      "in a rule built with `databazel_lib.train(init_from = ...)`: the model it fine-tunes",
  ),
  {
    script: "train",
    flag: `${TRAIN_FLAGS.output_dir}/${OUTPUT_DIR_FILES.curve}`,
    env: "",
    meaning: "optional: a JSON array of per-epoch metrics, e.g. `[{\"epoch\": 1, \"loss\": 0.4}]`; databazel joins the segments' into the model's learning curve",
  },
  evalRow("model", "PATH", "the model to score"),
  evalRow(
    "test_data",
    "PATH",
    `the held-out data, repeated like \`${TRAIN_FLAGS.training_data}\``,
    pathList(ENV_VARS.test_data),
  ),
  evalRow("metrics", "PATH", "where to write a JSON object whose leaves are numbers (nesting and arrays allowed)"),
  sampler(
    "history",
    "PATH",
    'the search so far, JSON (`"format": 2`): `space` (each parameter\'s `kind`, `low`, `high`, `choices`), `objectives` (each `name` and `goal`; one for a search by `metric`), `constraints` (each `metric`, `op` and `bound`), `goal` and `metric` (the first objective), `seed`, `batch`, `count`, and `trials`, each with `trial`, `hyperparams` (the searched ones, as strings), `outcome`, `value` (the first objective on the validation data), `values` (every objective by name) and `violation` (how far outside the constraints, 0 when within); the last three null unless it succeeded with finite values',
  ),
  sampler(
    "output",
    "PATH",
    "where to write the next batch: a JSON array of exactly `count` objects, each giving every parameter of `space` a value (a string or a number) inside it, none repeating an earlier trial or another of the batch",
  ),
];

export type TrainFlag = keyof typeof TRAIN_FLAGS;
export type EvalFlag = keyof typeof EVAL_FLAGS;
export type EnvVar = keyof typeof ENV_VARS;
