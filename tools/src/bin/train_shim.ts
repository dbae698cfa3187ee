// DatabazelTrain: runs the user's train executable under the databazel contract.
// Called by the model and hyperparam_search rules; see databazel/private/actions.bzl.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { all, one, optional, parseFlags } from "../shim/cli.ts";
import { ENV_VARS, PATH_LIST_SEPARATOR, TRAIN_FLAGS } from "../contract.ts";
import { digest } from "../shim/digest.ts";
import { stableJson } from "../shim/json.ts";
import { ContractError, main } from "../shim/main.ts";
import { discard } from "../shim/outputs.ts";
import { failureMessage, runScript } from "../shim/run-script.ts";

const MODEL_IS_DIR = "--shim_model_is_dir";

function modelProblem(path: string, isDirectory: boolean): string | undefined {
  if (!existsSync(path)) return "did not write the model";
  const stat = statSync(path);
  if (isDirectory) {
    if (!stat.isDirectory()) return "wrote the model as a file, but this rule expects a directory";
    if (readdirSync(path).length === 0) return "left the model directory empty";
    return undefined;
  }
  if (stat.isDirectory()) return "wrote the model as a directory, but this rule expects a file";
  if (stat.size === 0) return "wrote an empty model file";
  return undefined;
}

main(async (argv) => {
  const flags = parseFlags(argv, new Set([MODEL_IS_DIR]));
  const label = one(flags, "--shim_label");
  const trial = optional(flags, "--shim_trial");
  const executable = one(flags, "--shim_executable");
  const recordPath = one(flags, "--shim_record");
  const logPath = one(flags, "--shim_log");
  const modelIsDir = flags.has(MODEL_IS_DIR);

  const trainingData = all(flags, TRAIN_FLAGS.training_data);
  const model = one(flags, TRAIN_FLAGS.model);
  const hyperparamsFile = one(flags, TRAIN_FLAGS.hyperparams_file);
  const seed = one(flags, TRAIN_FLAGS.seed);
  const outputDir = one(flags, TRAIN_FLAGS.output_dir);
  const hyperparams = JSON.parse(readFileSync(hyperparamsFile, "utf8")) as Record<string, string>;
  const hyperparamsJson = JSON.stringify(hyperparams);

  const command = [
    executable,
    ...trainingData.flatMap((path) => [TRAIN_FLAGS.training_data, path]),
    TRAIN_FLAGS.model,
    model,
    TRAIN_FLAGS.hyperparams,
    hyperparamsJson,
    TRAIN_FLAGS.hyperparams_file,
    hyperparamsFile,
    TRAIN_FLAGS.seed,
    seed,
    TRAIN_FLAGS.output_dir,
    outputDir,
  ];
  const env = {
    [ENV_VARS.training_data]: trainingData.join(PATH_LIST_SEPARATOR.env),
    [ENV_VARS.model]: model,
    [ENV_VARS.hyperparams]: hyperparamsJson,
    [ENV_VARS.hyperparams_file]: hyperparamsFile,
    [ENV_VARS.seed]: seed,
    [ENV_VARS.output_dir]: outputDir,
  };

  const who = trial ? `${label} (trial ${trial})` : label;
  const run = await runScript(command, env, logPath);
  const fail = (cause: string, fix?: string): never => {
    discard(model, modelIsDir);
    discard(outputDir, true);
    throw new ContractError(
      failureMessage({ label: who, what: "the train executable", cause, tail: run.tail, command, ...(fix ? { fix } : {}) }),
    );
  };
  if (run.exitCode !== 0) {
    fail(run.signal ? `was killed by ${run.signal}.` : `failed with exit code ${run.exitCode}.`);
  }
  const problem = modelProblem(model, modelIsDir);
  if (problem) {
    fail(
      `exited 0 but ${problem} at ${model}.`,
      `write the trained model to the path given by ${TRAIN_FLAGS.model} (also in $${ENV_VARS.model})` +
        (modelIsDir ? ", as a directory with at least one file." : ", as a non-empty file."),
    );
  }

  writeFileSync(
    recordPath,
    stableJson({
      databazel_run_record: 1,
      kind: "train",
      label,
      trial: trial ?? null,
      command,
      exit_code: run.exitCode,
      duration_ms: run.durationMs,
      hyperparams,
      seed: Number(seed),
      inputs: { training_data: trainingData.map(digest), executable: digest(executable) },
      outputs: { model: digest(model) },
    }),
  );
});
