// The mnist example's train executable (databazel contract): trains an MLP or softmax
// regression on IDX digits and writes the model, plus curve.json in --output_dir.
//
//   train --training_data IMAGES --training_data LABELS --model PATH --hyperparams JSON
//         [--hyperparams_file PATH] [--seed N] [--output_dir DIR]
//         [--start_epoch S --end_epoch E [--init_checkpoint PATH]]
//
// In one go (no --start_epoch/--end_epoch), it trains hyperparams' `epochs` and writes a
// databazel-mnist/1 model. In segments, it trains epochs S+1..E (1-based, counted from the start
// of the run; "epochs" must not be in the hyperparams) and writes a databazel-mnist/2 checkpoint,
// which is also a model, to --model; each segment but the first (S > 0) resumes from the previous
// one's checkpoint, --init_checkpoint. A segment depends only on the data, hyperparams, seed, S, E
// and that checkpoint - never on how many epochs the run will have - so 0->2 then 2->4 writes the
// same bytes as 0->4, and a 4-epoch run can share its first segment with an 8-epoch one:
// - initialisation comes from the seed (first segment only);
// - the validation split and each epoch's shuffle come from PRNG streams of (seed, 0) and
//   (seed, epoch), so no PRNG state passes between segments;
// - the linear schedule decays over decay_epochs (default 10), not over the run.
// curve.json then holds the segment's epochs only.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readCheckpoint, writeCheckpoint } from "../lib/checkpoint.ts";
import { parseFlags, required, run, UsageError } from "../lib/cli.ts";
import { CLASSES, readDigits } from "../lib/digits.ts";
import { parseHyperparams } from "../lib/hyperparams.ts";
import { stableJson } from "../lib/json.ts";
import { initNetwork, serialize } from "../lib/network.ts";
import { parseSeed, shuffle, splitmix32, substream } from "../lib/random.ts";
import { type Epochs, initialOptimizerState, trainNetwork } from "../lib/training.ts";

const FLAGS = [
  "--training_data",
  "--model",
  "--hyperparams",
  "--hyperparams_file",
  "--seed",
  "--output_dir",
  "--start_epoch",
  "--end_epoch",
  "--init_checkpoint",
];
const MAX_EPOCH = 100000;

function epochFlag(flags: Map<string, string[]>, flag: string, min: number): number {
  const text = required(flags, flag);
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= MAX_EPOCH)) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not an integer from ${min} to ${MAX_EPOCH}`);
  }
  return value;
}

/** The segment to train, or null to train in one go. */
function parseSegment(flags: Map<string, string[]>): { start: number; end: number; init?: string } | null {
  const given = ["--start_epoch", "--end_epoch"].filter((f) => flags.has(f));
  const init = flags.get("--init_checkpoint")?.[0];
  if (given.length === 0) {
    if (init !== undefined) throw new UsageError("--init_checkpoint needs --start_epoch and --end_epoch");
    return null;
  }
  if (given.length === 1) throw new UsageError("--start_epoch and --end_epoch go together");
  const start = epochFlag(flags, "--start_epoch", 0);
  const end = epochFlag(flags, "--end_epoch", 1);
  if (end <= start) throw new UsageError(`--end_epoch ${end} must be greater than --start_epoch ${start}`);
  if (start > 0 && init === undefined) {
    throw new UsageError(`--start_epoch ${start} needs --init_checkpoint: the checkpoint written after epoch ${start}`);
  }
  if (start === 0 && init !== undefined) {
    throw new UsageError("--init_checkpoint is for later segments (--start_epoch > 0); the first starts from the seed");
  }
  return init === undefined ? { start, end } : { start, end, init };
}

run("train", (argv) => {
  const flags = parseFlags(argv, new Set(FLAGS), new Set(["--training_data"]));
  const modelPath = required(flags, "--model");
  const segment = parseSegment(flags);
  // --hyperparams and --hyperparams_file carry the same JSON; either will do.
  const inline = flags.get("--hyperparams")?.[0];
  const file = flags.get("--hyperparams_file")?.[0];
  const segmented = segment !== null;
  const hp = inline !== undefined
    ? parseHyperparams(inline, "--hyperparams", segmented)
    : file !== undefined
      ? parseHyperparams(readFileSync(file, "utf8"), file, segmented)
      : parseHyperparams("{}", "defaults", segmented);
  const seed = parseSeed(flags.get("--seed")?.[0] ?? "0");
  const data = readDigits(flags.get("--training_data") ?? [], "--training_data");
  const sizes = hp.model === "softmax" ? [data.size, CLASSES] : [data.size, hp.hidden, CLASSES];

  // In one go, one PRNG stream draws the initial weights, the validation split and every
  // epoch's shuffle, in that order (as before segments existed, so the models are unchanged).
  // In segments, the initial weights come from the same stream, the rest from their own.
  const random = splitmix32(seed);
  const first = segment === null || segment.start === 0 ? initNetwork(sizes, random) : null;

  // Optional validation split: a seeded random subset, held out from training.
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  if (hp.val_split > 0) shuffle(all, segmented ? substream(seed, 0) : random);
  const valCount = Math.round(data.count * hp.val_split);
  const val = all.slice(0, valCount).sort();
  const train = all.slice(valCount).sort();
  if (train.length === 0) throw new UsageError(`val_split=${hp.val_split} leaves no training samples`);

  const startEpoch = segment?.start ?? 0;
  const position = { completedEpochs: startEpoch, seed, layers: sizes, trainExamples: train.length, hp };
  const { net, state } =
    segment?.init !== undefined
      ? readCheckpoint(readFileSync(segment.init), segment.init, position)
      : { net: first!, state: initialOptimizerState(first!, hp.optimizer) };
  const endEpoch = segment?.end ?? hp.epochs!;
  const epochs: Epochs = segmented
    ? { first: startEpoch + 1, last: endEpoch, random: (epoch) => substream(seed, epoch), fresh: true }
    : { first: 1, last: endEpoch, random: () => random, fresh: false };

  console.log(
    `training ${hp.model} ${sizes.join("-")} on ${train.length} digits` +
      (val.length ? ` (${val.length} held out)` : "") +
      `: ${hp.optimizer} lr=${hp.lr} (${hp.schedule}` +
      (hp.schedule === "linear" && hp.decay_epochs !== hp.epochs ? ` over ${hp.decay_epochs} epochs` : "") +
      ")" +
      (hp.optimizer === "sgd" ? ` momentum=${hp.momentum}` : "") +
      ` batch=${hp.batch} ` +
      (segment === null
        ? `epochs=${hp.epochs}`
        : `epochs ${startEpoch + 1}-${endEpoch}` + (segment.init !== undefined ? ` from ${segment.init}` : "")) +
      ` l2=${hp.l2}`,
  );
  // The curve so far, rewritten after each epoch (through a rename, so a reader never sees half of
  // it): `databazel watch` shows the epochs as they go.
  const outputDir = flags.get("--output_dir")?.[0];
  const writeCurve = (curve: readonly object[]): void => {
    if (outputDir === undefined) return;
    mkdirSync(outputDir, { recursive: true });
    const path = join(outputDir, "curve.json");
    writeFileSync(`${path}.tmp`, stableJson(curve.map((s) => ({ ...s }))) + "\n");
    renameSync(`${path}.tmp`, path);
  };
  const soFar: object[] = [];
  // No wall times here: the log is an output, and outputs must be byte-identical between builds
  // (the shim's run record holds the action's duration).
  const curve = trainNetwork(net, data, train, val, hp, epochs, state, (s) => {
    const valText = s.val_accuracy === undefined ? "" : ` val_accuracy ${s.val_accuracy.toFixed(4)}`;
    console.log(`epoch ${s.epoch}/${endEpoch} loss ${s.loss.toFixed(4)} train_accuracy ${s.train_accuracy.toFixed(4)}${valText}`);
    soFar.push(s);
    writeCurve(soFar);
  });

  mkdirSync(dirname(modelPath), { recursive: true });
  writeFileSync(
    modelPath,
    segmented ? writeCheckpoint(net, state, { ...position, completedEpochs: endEpoch }) : serialize(net),
  );
  writeCurve(curve);
});
