// The mnist example's eval executable (databazel contract): scores a model written by train
// on IDX digits and writes the metrics as JSON whose leaves are all numbers.
//
//   eval --model PATH --test_data IMAGES --test_data LABELS --metrics PATH
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Failure, parseFlags, required, run } from "../lib/cli.ts";
import { CLASSES, readDigits } from "../lib/digits.ts";
import { stableJson } from "../lib/json.ts";
import { evaluate } from "../lib/metrics.ts";
import { deserialize } from "../lib/network.ts";

run("eval", (argv) => {
  const flags = parseFlags(argv, new Set(["--model", "--test_data", "--metrics"]), new Set(["--test_data"]));
  const modelPath = required(flags, "--model");
  const metricsPath = required(flags, "--metrics");
  const net = deserialize(readFileSync(modelPath), modelPath);
  const data = readDigits(flags.get("--test_data") ?? [], "--test_data");
  const nIn = net[0]!.nIn;
  const nOut = net[net.length - 1]!.nOut;
  if (nIn !== data.size || nOut !== CLASSES) {
    throw new Failure(`${modelPath} maps ${nIn} pixels to ${nOut} classes, but the test images have ${data.size} pixels`);
  }
  const metrics = evaluate(net, data);
  mkdirSync(dirname(metricsPath), { recursive: true });
  writeFileSync(metricsPath, stableJson(metrics) + "\n");
  console.log(`accuracy ${metrics.accuracy.toFixed(4)} loss ${metrics.loss.toFixed(4)} on ${metrics.examples} digits`);
});
