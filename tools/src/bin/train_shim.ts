// DatabazelTrain: runs the user's train executable under the databazel contract.
// Called by the model and hyperparam_search rules; see databazel/private/actions/train.bzl.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ENV_VARS, OUTPUT_DIR_FILES, PATH_LIST_SEPARATOR, TRAIN_FLAGS } from "../contract.ts";
import { all, one, optional, parseFlags } from "../lib/flags.ts";
import { readPreviousCurve, readSegmentCurve, type Curve } from "../lib/curve.ts";
import { SHIM_FLAGS } from "../formats/action-flags.ts";
import { writeOutcome } from "../formats/outcome.ts";
import { writeRunRecord } from "../formats/run-record.ts";
import { runRecordBase, runUnderContract, SHIM_BOOLEANS, shimFlags } from "../shim/contract-run.ts";
import { writePlaceholderModel } from "../shim/placeholder-model.ts";
import { dataDigester, digest, inputDigester } from "../shim/digest.ts";
import { main } from "../helper/main.ts";
import { UserFacingError } from "../lib/user-facing-error.ts";
import { carryForward, prunedOutcome } from "../shim/pruned.ts";
import { startProgress } from "../shim/progress.ts";
import { stageFor } from "../shim/stage.ts";
import { discard } from "../lib/outputs.ts";

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

main(async (argv, request) => {
  const flags = parseFlags(argv, new Set([SHIM_FLAGS.model_is_dir, ...SHIM_BOOLEANS]));
  const shim = shimFlags(flags);
  const inputs = inputDigester(request.inputDigests);
  const modelIsDir = flags.has(SHIM_FLAGS.model_is_dir);
  const trainingData = all(flags, TRAIN_FLAGS.training_data);
  const model = one(flags, TRAIN_FLAGS.model);
  const hyperparamsFile = one(flags, TRAIN_FLAGS.hyperparams_file);
  const seed = one(flags, TRAIN_FLAGS.seed);
  const outputDir = one(flags, TRAIN_FLAGS.output_dir);
  const hyperparams = JSON.parse(readFileSync(hyperparamsFile, "utf8")) as Record<string, string>;
  const hyperparamsJson = JSON.stringify(hyperparams);
  // Set when the rule trains in segments of epochs; see databazel/private/actions/train.bzl.
  const initCheckpoint = optional(flags, TRAIN_FLAGS.init_checkpoint);
  const startEpoch = optional(flags, TRAIN_FLAGS.start_epoch);
  const endEpoch = optional(flags, TRAIN_FLAGS.end_epoch);
  const curvePath = one(flags, SHIM_FLAGS.curve);
  const previousCurve = readPreviousCurve(optional(flags, SHIM_FLAGS.previous_curve));
  const segmentCurve = join(outputDir, OUTPUT_DIR_FILES.curve);
  const epochFlags = [
    ...(initCheckpoint ? [TRAIN_FLAGS.init_checkpoint, initCheckpoint] : []),
    ...(startEpoch !== undefined ? [TRAIN_FLAGS.start_epoch, startEpoch] : []),
    ...(endEpoch !== undefined ? [TRAIN_FLAGS.end_epoch, endEpoch] : []),
  ];

  const command = [
    shim.executable,
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
    ...epochFlags,
  ];
  // With a scheduler, a stopped trial's segments train nothing (tools/src/shim/pruned.ts).
  const previousOutcome = optional(flags, SHIM_FLAGS.previous_outcome);
  const pruned = prunedOutcome(optional(flags, SHIM_FLAGS.promotion), previousOutcome);
  if (pruned && !initCheckpoint) {
    throw new UserFacingError(`databazel: ${shim.label}: internal error: a pruned segment has no checkpoint to carry forward; report a databazel bug.`);
  }
  // A worker that Bazel did not sandbox runs the script in a stage of its declared inputs.
  const stage = stageFor(request.inputPaths, shim.executable, {
    directories: [...trainingData, ...(initCheckpoint ? [initCheckpoint] : [])],
    outputFiles: modelIsDir ? [] : [model],
    outputDirs: modelIsDir ? [model, outputDir] : [outputDir],
  });
  // For `databazel watch`; it writes nothing unless a watch is looking (tools/src/shim/progress.ts).
  const progress = startProgress({
    label: shim.label,
    trial: shim.trial ?? null,
    model,
    curve: stage ? () => stage.where(segmentCurve) : segmentCurve,
    startEpoch: startEpoch !== undefined ? Number(startEpoch) : null,
    endEpoch: endEpoch !== undefined ? Number(endEpoch) : null,
  });
  const ran = pruned
    ? { run: { exitCode: null, durationMs: 0 }, outcome: pruned }
    : runUnderContract({
    shim,
    upstreamOutcome: previousOutcome,
    what: "the train executable",
    executableAttr: "train_executable",
    timeoutAttr: "train_timeout",
    dataAttr: "training_data",
    stage,
    command,
    env: {
      [ENV_VARS.training_data]: trainingData.join(PATH_LIST_SEPARATOR.env),
      [ENV_VARS.model]: model,
      [ENV_VARS.hyperparams]: hyperparamsJson,
      [ENV_VARS.hyperparams_file]: hyperparamsFile,
      [ENV_VARS.seed]: seed,
      [ENV_VARS.output_dir]: outputDir,
      ...(initCheckpoint ? { [ENV_VARS.init_checkpoint]: initCheckpoint } : {}),
      ...(startEpoch !== undefined ? { [ENV_VARS.start_epoch]: startEpoch } : {}),
      ...(endEpoch !== undefined ? { [ENV_VARS.end_epoch]: endEpoch } : {}),
    },
    discard: () => {
      discard(model, modelIsDir);
      discard(outputDir, true);
      discard(curvePath);
    },
    check: () => {
      const problem = modelProblem(model, modelIsDir);
      if (problem) {
        return {
          cause: `exited 0 but ${problem} at ${model}.`,
          fix:
            `write the trained model to the path given by ${TRAIN_FLAGS.model} (also in $${ENV_VARS.model})` +
            (modelIsDir ? ", as a directory with at least one file." : ", as a non-empty file."),
        };
      }
      const curve = readSegmentCurve(segmentCurve);
      if (typeof curve === "string") {
        return {
          cause: `exited 0 but ${segmentCurve} ${curve}.`,
          fix: `write ${OUTPUT_DIR_FILES.curve} as a JSON array with one object of numbers per epoch, e.g. [{"epoch": 1, "loss": 0.4}], or leave it out.`,
        };
      }
      return undefined;
    },
  });
  const { run, outcome } = await Promise.resolve(ran).then(
    (result) => {
      progress.finish(result.outcome.outcome);
      return result;
    },
    (err: unknown) => {
      progress.finish("failed");
      throw err;
    },
  );
  const succeeded = outcome.outcome === "succeeded";
  if (pruned) carryForward({ initCheckpoint: initCheckpoint!, model, modelIsDir, outputDir, logPath: shim.logPath, outcome: pruned });
  else if (!succeeded) writePlaceholderModel(model, modelIsDir, outcome);
  const curve: Curve = [...previousCurve, ...(succeeded ? (readSegmentCurve(segmentCurve) as Curve) : [])];
  writeFileSync(curvePath, JSON.stringify(curve) + "\n");

  writeOutcome(shim.outcomePath, outcome);
  writeRunRecord(shim.recordPath, {
    ...runRecordBase(shim, command, run, outcome),
    kind: "train",
    hyperparams,
    seed: Number(seed),
    epochs: startEpoch !== undefined ? { start: Number(startEpoch), end: Number(endEpoch) } : null,
    inputs: {
      training_data: trainingData.map(dataDigester(shim.dataDigests, inputs)),
      executable: inputs(shim.executable),
      init_checkpoint: initCheckpoint ? inputs(initCheckpoint) : null,
    },
    outputs: { model: digest(model) },
  });
});
