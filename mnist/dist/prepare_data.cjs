// Generated from mnist/src/bin/prepare_data.ts by `npm run build:tools`. Do not edit.
"use strict";

// mnist/src/bin/prepare_data.ts
var import_node_crypto = require("node:crypto");
var import_node_fs = require("node:fs");
var import_node_path = require("node:path");

// mnist/src/data/idx.ts
var IMAGES_MAGIC = 2051;
var LABELS_MAGIC = 2049;
function idxImages(images, count, rows, cols) {
  const header = Buffer.alloc(16);
  header.writeInt32BE(IMAGES_MAGIC, 0);
  header.writeInt32BE(count, 4);
  header.writeInt32BE(rows, 8);
  header.writeInt32BE(cols, 12);
  return Buffer.concat([header, images]);
}
function idxLabels(labels) {
  const header = Buffer.alloc(8);
  header.writeInt32BE(LABELS_MAGIC, 0);
  header.writeInt32BE(labels.length, 4);
  return Buffer.concat([header, labels]);
}

// mnist/src/data/split.ts
function isTestSample(index, classSize, testFraction) {
  const testCount = Math.round(classSize * testFraction);
  return Math.floor((index + 1) * testCount / classSize) > Math.floor(index * testCount / classSize);
}

// mnist/src/bin/prepare_data.ts
var SIDE = 28;
var PIXELS = SIDE * SIDE;
function fail(message) {
  console.error(`prepare_data: ${message}`);
  process.exit(1);
}
function parseArgs(argv) {
  let pins2 = "";
  let outDir = "";
  let testFraction = 0.2;
  const digits = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--pins") pins2 = argv[++i] ?? "";
    else if (arg === "--out_dir") outDir = argv[++i] ?? "";
    else if (arg === "--test_fraction") testFraction = Number(argv[++i]);
    else digits.push(arg);
  }
  if (!pins2 || !outDir || digits.length !== 10 || !(testFraction > 0 && testFraction < 1)) {
    fail("usage: prepare_data --pins SHA256SUMS --out_dir DIR [--test_fraction F] 0.json ... 9.json");
  }
  return { pins: pins2, outDir, testFraction, digits: [...digits].sort() };
}
function readPins(path) {
  const pins2 = /* @__PURE__ */ new Map();
  for (const line of (0, import_node_fs.readFileSync)(path, "utf8").split("\n")) {
    const match = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (match) pins2.set(match[2], match[1]);
  }
  return pins2;
}
var args = parseArgs(process.argv.slice(2));
var pins = readPins(args.pins);
var train = { images: [], labels: [] };
var test = { images: [], labels: [] };
for (const [label, path] of args.digits.entries()) {
  const name = (0, import_node_path.basename)(path);
  if (name !== `${label}.json`) fail(`expected ${label}.json, got ${name}: pass the ten class files 0.json ... 9.json`);
  const bytes = (0, import_node_fs.readFileSync)(path);
  const digest = (0, import_node_crypto.createHash)("sha256").update(bytes).digest("hex");
  if (pins.get(name) !== digest) {
    fail(
      `${name} has sha256 ${digest}, but ${args.pins} pins ${pins.get(name) ?? "nothing"}.
The mnist npm package is not the version this example was made for: reinstall it with \`npm ci\`.`
    );
  }
  const data = JSON.parse(bytes.toString("utf8")).data;
  if (data.length % PIXELS !== 0) fail(`${name} holds ${data.length} values, not a whole number of 28x28 images`);
  const count = data.length / PIXELS;
  for (let i = 0; i < count; i++) {
    const image = Uint8Array.from(data.slice(i * PIXELS, (i + 1) * PIXELS), (v) => Math.round(v * 255));
    const set = isTestSample(i, count, args.testFraction) ? test : train;
    set.images.push(image);
    set.labels.push(label);
  }
}
(0, import_node_fs.mkdirSync)(args.outDir, { recursive: true });
for (const [prefix, set] of [
  ["train", train],
  ["t10k", test]
]) {
  const images = Buffer.concat(set.images);
  (0, import_node_fs.writeFileSync)((0, import_node_path.join)(args.outDir, `${prefix}-images-idx3-ubyte`), idxImages(images, set.labels.length, SIDE, SIDE));
  (0, import_node_fs.writeFileSync)((0, import_node_path.join)(args.outDir, `${prefix}-labels-idx1-ubyte`), idxLabels(Uint8Array.from(set.labels)));
  console.log(`${prefix}: ${set.labels.length} digits`);
}
