// Generated from mnist/src/bin/split_validation.ts by `npm run build:tools`. Do not edit.
"use strict";

// mnist/src/bin/split_validation.ts
var import_node_fs2 = require("node:fs");
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

// mnist/src/lib/cli.ts
var Failure = class extends Error {
};
var UsageError = class extends Failure {
};
function run(program, main) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    const expected = error instanceof Failure || error instanceof Error && "code" in error;
    const text = error instanceof Error ? expected ? error.message : error.stack ?? error.message : String(error);
    console.error(`${program}: error: ${text}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

// mnist/src/lib/digits.ts
var import_node_fs = require("node:fs");
var import_node_zlib = require("node:zlib");
var CLASSES = 10;
function readIdx(path) {
  let bytes = (0, import_node_fs.readFileSync)(path);
  if (bytes[0] === 31 && bytes[1] === 139) bytes = (0, import_node_zlib.gunzipSync)(bytes);
  if (bytes.length < 4) return "is too short to be an IDX file";
  const magic = bytes.readInt32BE(0);
  if (magic !== IMAGES_MAGIC && magic !== LABELS_MAGIC) {
    return `has magic number ${magic}, expected ${IMAGES_MAGIC} (images) or ${LABELS_MAGIC} (labels)`;
  }
  const rank = magic & 255;
  const dataStart = 4 + 4 * rank;
  if (bytes.length < dataStart) return "is truncated inside its IDX header";
  const dims = Array.from({ length: rank }, (_, i) => bytes.readInt32BE(4 + 4 * i));
  const expected = dims.reduce((a, b) => a * b, 1);
  if (bytes.length - dataStart !== expected) {
    return `holds ${bytes.length - dataStart} data bytes, but its header (${dims.join("x")}) says ${expected}`;
  }
  return { path, magic, dims, data: bytes.subarray(dataStart) };
}

// mnist/src/bin/split_validation.ts
var PROGRAM = "split_validation";
var USAGE = `usage: ${PROGRAM} --out_dir DIR [--validation_fraction F] IMAGES LABELS
  IMAGES, LABELS: the training set's IDX images (idx3) and labels (idx1) files, in either order
  F: the share of each class held out for validation, a number between 0 and 1 such as 0.125 or 1/8 (default 1/8)`;
var DEFAULT_FRACTION = "1/8";
var FLAGS = ["--out_dir", "--validation_fraction"];
var OUTPUT_NAMES = [
  "fit-images-idx3-ubyte",
  "fit-labels-idx1-ubyte",
  "validation-images-idx3-ubyte",
  "validation-labels-idx1-ubyte"
];
function usageError(problem) {
  return new UsageError(`${problem}
${USAGE}`);
}
function parseArgs(argv) {
  const flags = /* @__PURE__ */ new Map();
  const inputs = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      inputs.push(arg);
      continue;
    }
    if (!FLAGS.includes(arg)) throw usageError(`unknown flag ${JSON.stringify(arg)}; accepted: ${FLAGS.join(", ")}`);
    const value = argv[++i];
    if (value === void 0 || value === "") throw usageError(`${arg} needs a value`);
    if (flags.has(arg)) throw usageError(`${arg} given more than once`);
    flags.set(arg, value);
  }
  return { flags, inputs };
}
function parseFraction(text) {
  const ratio = /^(\d+)\/(\d+)$/.exec(text);
  const value = ratio ? Number(ratio[1]) / Number(ratio[2]) : /^(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value < 1)) {
    throw usageError(`--validation_fraction ${JSON.stringify(text)} is not a number strictly between 0 and 1 (such as 0.125 or 1/8)`);
  }
  return value;
}
function readInput(path) {
  if (!(0, import_node_fs2.existsSync)(path)) throw usageError(`${path} does not exist`);
  if ((0, import_node_fs2.statSync)(path).isDirectory()) throw usageError(`${path} is a directory; pass the IDX images file and the IDX labels file themselves`);
  let idx;
  try {
    idx = readIdx(path);
  } catch (error) {
    throw new Failure(`${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof idx === "string") {
    throw new Failure(`${path} ${idx}: expected a complete IDX images (idx3) or labels (idx1) file, gzip-compressed or not`);
  }
  return idx;
}
function readTrainingSet(paths) {
  if (paths.length !== 2) {
    const got = paths.length === 0 ? "none" : `${paths.length}: ${paths.join(" ")}`;
    throw usageError(`expected two input files, the training images and the training labels; got ${got}`);
  }
  const files = paths.map(readInput);
  const images = files.filter((f) => f.magic === IMAGES_MAGIC);
  const labels = files.filter((f) => f.magic === LABELS_MAGIC);
  if (images.length !== 1 || labels.length !== 1) {
    const kind = images.length === 2 ? "images (magic 2051)" : "labels (magic 2049)";
    throw new Failure(`${paths.join(" and ")} are both IDX ${kind} files; pass one images file (idx3) and one labels file (idx1)`);
  }
  const img = images[0];
  const lab = labels[0];
  const [count = 0, rows = 0, cols = 0] = img.dims;
  if (!(rows > 0 && cols > 0)) throw new Failure(`${img.path}: its header gives images of ${rows}x${cols} pixels`);
  if (!(count > 0)) throw new Failure(`${img.path} holds no images, so there is nothing to split`);
  if (lab.dims[0] !== count) {
    throw new Failure(`${lab.path} holds ${lab.dims[0]} labels, but ${img.path} holds ${count} images: pass the labels that belong to these images`);
  }
  const bad = lab.data.findIndex((l) => l >= CLASSES);
  if (bad >= 0) throw new Failure(`${lab.path}: label ${lab.data[bad]} at index ${bad} is not a digit 0-${CLASSES - 1}`);
  return { images: img, labels: lab, count, rows, cols };
}
function split(labels, fraction) {
  const classSize = new Array(CLASSES).fill(0);
  for (const label of labels) classSize[label]++;
  const seen = new Array(CLASSES).fill(0);
  const result = { fit: [], validation: [], perClass: Array.from({ length: CLASSES }, () => [0, 0]) };
  labels.forEach((label, n) => {
    const held = isTestSample(seen[label]++, classSize[label], fraction);
    (held ? result.validation : result.fit).push(n);
    result.perClass[label][held ? 1 : 0]++;
  });
  return result;
}
function subset(set, indices) {
  const size = set.rows * set.cols;
  const pixels = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  indices.forEach((n, i) => {
    pixels.set(set.images.data.subarray(n * size, (n + 1) * size), i * size);
    labels[i] = set.labels.data[n];
  });
  return [idxImages(pixels, indices.length, set.rows, set.cols), idxLabels(labels)];
}
function removeQuietly(path, recursive = false) {
  try {
    (0, import_node_fs2.rmSync)(path, { force: true, recursive });
  } catch {
  }
}
function writeAll(outDir, files) {
  if ((0, import_node_fs2.existsSync)(outDir) && !(0, import_node_fs2.statSync)(outDir).isDirectory()) {
    throw usageError(`--out_dir ${outDir} exists and is not a directory`);
  }
  const created = (0, import_node_fs2.mkdirSync)(outDir, { recursive: true });
  const temporary = files.map(([name]) => (0, import_node_path.join)(outDir, `.${name}.${process.pid}.tmp`));
  let renaming = false;
  try {
    files.forEach(([, bytes], i) => (0, import_node_fs2.writeFileSync)(temporary[i], bytes));
    renaming = true;
    files.forEach(([name], i) => (0, import_node_fs2.renameSync)(temporary[i], (0, import_node_path.join)(outDir, name)));
  } catch (error) {
    for (const path of temporary) removeQuietly(path);
    if (renaming) for (const [name] of files) removeQuietly((0, import_node_path.join)(outDir, name));
    if (created !== void 0) removeQuietly(created, true);
    throw error;
  }
}
run(PROGRAM, (argv) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  if (argv.length === 0) throw usageError("no arguments given");
  const { flags, inputs } = parseArgs(argv);
  const outDir = flags.get("--out_dir");
  if (!outDir) throw usageError("missing --out_dir: the directory to write the fit and validation IDX files to");
  const fractionText = flags.get("--validation_fraction") ?? DEFAULT_FRACTION;
  const fraction = parseFraction(fractionText);
  const set = readTrainingSet(inputs);
  const { fit, validation, perClass } = split(set.labels.data, fraction);
  if (validation.length === 0) {
    throw new Failure(`--validation_fraction ${fractionText} holds out no digit of the ${set.count} given: raise it`);
  }
  if (fit.length === 0) {
    throw new Failure(`--validation_fraction ${fractionText} holds out all ${set.count} digits, leaving none to fit on: lower it`);
  }
  const [fitImages, fitLabels] = subset(set, fit);
  const [validationImages, validationLabels] = subset(set, validation);
  writeAll(outDir, [
    [OUTPUT_NAMES[0], fitImages],
    [OUTPUT_NAMES[1], fitLabels],
    [OUTPUT_NAMES[2], validationImages],
    [OUTPUT_NAMES[3], validationLabels]
  ]);
  console.log(`${set.count} digits: ${fit.length} fit, ${validation.length} validation (${fractionText} of each class)`);
  for (const [label, [f, v]] of perClass.entries()) {
    if (f + v > 0) console.log(`  digit ${label}: ${f + v} -> ${f} fit, ${v} validation`);
  }
});
