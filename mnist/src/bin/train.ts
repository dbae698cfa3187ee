// The mnist example's train executable (databazel contract): trains an MLP or softmax
// regression on IDX digits and writes the model, plus curve.json in --output_dir.
//
//   train --training_data IMAGES --training_data LABELS --model PATH --hyperparams JSON
//         [--hyperparams_file PATH] [--seed N] [--output_dir DIR]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseFlags, required, run, UsageError } from "../lib/cli.ts";
import { CLASSES, readDigits } from "../lib/digits.ts";
import { parseHyperparams } from "../lib/hyperparams.ts";
import { stableJson } from "../lib/json.ts";
import { initNetwork, serialize } from "../lib/network.ts";
import { parseSeed, shuffle, splitmix32 } from "../lib/random.ts";
import { trainNetwork } from "../lib/training.ts";

const FLAGS = ["--training_data", "--model", "--hyperparams", "--hyperparams_file", "--seed", "--output_dir"];

run("train", (argv) => {
  const flags = parseFlags(argv, new Set(FLAGS), new Set(["--training_data"]));
  const modelPath = required(flags, "--model");
  // --hyperparams and --hyperparams_file carry the same JSON; either will do.
  const inline = flags.get("--hyperparams")?.[0];
  const file = flags.get("--hyperparams_file")?.[0];
  const hp = inline !== undefined
    ? parseHyperparams(inline, "--hyperparams")
    : file !== undefined
      ? parseHyperparams(readFileSync(file, "utf8"), file)
      : parseHyperparams("{}", "defaults");
  const random = splitmix32(parseSeed(flags.get("--seed")?.[0] ?? "0"));
  const data = readDigits(flags.get("--training_data") ?? [], "--training_data");

  const sizes = hp.model === "softmax" ? [data.size, CLASSES] : [data.size, hp.hidden, CLASSES];
  const net = initNetwork(sizes, random);

  // Optional validation split: a seeded random subset, held out from training.
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  if (hp.val_split > 0) shuffle(all, random);
  const valCount = Math.round(data.count * hp.val_split);
  const val = all.slice(0, valCount).sort();
  const train = all.slice(valCount).sort();
  if (train.length === 0) throw new UsageError(`val_split=${hp.val_split} leaves no training samples`);

  console.log(
    `training ${hp.model} ${sizes.join("-")} on ${train.length} digits` +
      (val.length ? ` (${val.length} held out)` : "") +
      `: ${hp.optimizer} lr=${hp.lr} (${hp.schedule})` +
      (hp.optimizer === "sgd" ? ` momentum=${hp.momentum}` : "") +
      ` batch=${hp.batch} epochs=${hp.epochs} l2=${hp.l2}`,
  );
  const started = performance.now();
  const curve = trainNetwork(net, data, train, val, hp, random, (s) => {
    const valText = s.val_accuracy === undefined ? "" : ` val_accuracy ${s.val_accuracy.toFixed(4)}`;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `epoch ${s.epoch}/${hp.epochs} loss ${s.loss.toFixed(4)} train_accuracy ${s.train_accuracy.toFixed(4)}${valText} ${seconds}s`,
    );
  });

  mkdirSync(dirname(modelPath), { recursive: true });
  writeFileSync(modelPath, serialize(net));
  const outputDir = flags.get("--output_dir")?.[0];
  if (outputDir !== undefined) {
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(join(outputDir, "curve.json"), stableJson(curve.map((s) => ({ ...s }))) + "\n");
  }
});
