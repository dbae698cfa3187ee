// Carves a validation split out of a training set of IDX digits, for decisions (the
// scheduler's promotions, say) that must not look at the test digits. Each class gives
// round(n * fraction) of its n digits to the validation set, spread evenly through the class
// (isTestSample, as prepare_data splits train from test); the rest form the fit set. Both keep
// the input's order, so the same input always gives byte-identical output.
//
//   split_validation --out_dir DIR [--validation_fraction 1/8] IMAGES LABELS
//
// IMAGES and LABELS are IDX files (idx3 images, idx1 labels; gzip-compressed or not), in either
// order. Writes DIR/fit-images-idx3-ubyte, DIR/fit-labels-idx1-ubyte,
// DIR/validation-images-idx3-ubyte and DIR/validation-labels-idx1-ubyte (uncompressed), and a
// summary of the counts per class on stdout. Nothing is written unless every input is valid, and
// a failed write leaves none of the four files behind.
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IMAGES_MAGIC, idxImages, idxLabels, LABELS_MAGIC } from "../data/idx.ts";
import { isTestSample } from "../data/split.ts";
import { Failure, run, UsageError } from "../lib/cli.ts";
import { CLASSES, type Idx, readIdx } from "../lib/digits.ts";

const PROGRAM = "split_validation";
const USAGE =
  `usage: ${PROGRAM} --out_dir DIR [--validation_fraction F] IMAGES LABELS\n` +
  "  IMAGES, LABELS: the training set's IDX images (idx3) and labels (idx1) files, in either order\n" +
  "  F: the share of each class held out for validation, a number between 0 and 1 such as 0.125 or 1/8 (default 1/8)";
const DEFAULT_FRACTION = "1/8";
const FLAGS = ["--out_dir", "--validation_fraction"];

/** The four files written to --out_dir: the fit set, then the validation set, images before labels. */
const OUTPUT_NAMES = [
  "fit-images-idx3-ubyte",
  "fit-labels-idx1-ubyte",
  "validation-images-idx3-ubyte",
  "validation-labels-idx1-ubyte",
] as const;

function usageError(problem: string): UsageError {
  return new UsageError(`${problem}\n${USAGE}`);
}

/** `--flag value` pairs, each flag at most once, and the input files (every other argument). */
function parseArgs(argv: readonly string[]): { flags: Map<string, string>; inputs: string[] } {
  const flags = new Map<string, string>();
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      inputs.push(arg);
      continue;
    }
    if (!FLAGS.includes(arg)) throw usageError(`unknown flag ${JSON.stringify(arg)}; accepted: ${FLAGS.join(", ")}`);
    const value = argv[++i];
    if (value === undefined || value === "") throw usageError(`${arg} needs a value`);
    if (flags.has(arg)) throw usageError(`${arg} given more than once`);
    flags.set(arg, value);
  }
  return { flags, inputs };
}

/** A fraction strictly between 0 and 1, written as a decimal (0.125) or a ratio of integers (1/8). */
function parseFraction(text: string): number {
  const ratio = /^(\d+)\/(\d+)$/.exec(text);
  const value = ratio ? Number(ratio[1]) / Number(ratio[2]) : /^(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!(value > 0 && value < 1)) {
    throw usageError(`--validation_fraction ${JSON.stringify(text)} is not a number strictly between 0 and 1 (such as 0.125 or 1/8)`);
  }
  return value;
}

function readInput(path: string): Idx {
  if (!existsSync(path)) throw usageError(`${path} does not exist`);
  if (statSync(path).isDirectory()) throw usageError(`${path} is a directory; pass the IDX images file and the IDX labels file themselves`);
  let idx: Idx | string;
  try {
    idx = readIdx(path);
  } catch (error) {
    // An unreadable file, or a .gz that does not decompress.
    throw new Failure(`${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof idx === "string") {
    throw new Failure(`${path} ${idx}: expected a complete IDX images (idx3) or labels (idx1) file, gzip-compressed or not`);
  }
  return idx;
}

/** The training set's images and labels, checked to agree: same count, positive sizes, labels 0-9. */
function readTrainingSet(paths: readonly string[]): { images: Idx; labels: Idx; count: number; rows: number; cols: number } {
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
  const img = images[0]!;
  const lab = labels[0]!;
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

interface Split {
  fit: number[];
  validation: number[];
  /** Per class: [fit, validation]. */
  perClass: Array<[number, number]>;
}

/** Indices of the fit and validation digits, each in input order. */
function split(labels: Uint8Array, fraction: number): Split {
  const classSize = new Array<number>(CLASSES).fill(0);
  for (const label of labels) classSize[label]!++;
  const seen = new Array<number>(CLASSES).fill(0);
  const result: Split = { fit: [], validation: [], perClass: Array.from({ length: CLASSES }, () => [0, 0]) };
  labels.forEach((label, n) => {
    const held = isTestSample(seen[label]!++, classSize[label]!, fraction);
    (held ? result.validation : result.fit).push(n);
    result.perClass[label]![held ? 1 : 0]++;
  });
  return result;
}

function subset(set: ReturnType<typeof readTrainingSet>, indices: readonly number[]): [Buffer, Buffer] {
  const size = set.rows * set.cols;
  const pixels = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  indices.forEach((n, i) => {
    pixels.set(set.images.data.subarray(n * size, (n + 1) * size), i * size);
    labels[i] = set.labels.data[n]!;
  });
  return [idxImages(pixels, indices.length, set.rows, set.cols), idxLabels(labels)];
}

/** Best-effort clean-up after a failure: never masks the error that caused it. */
function removeQuietly(path: string, recursive = false): void {
  try {
    rmSync(path, { force: true, recursive });
  } catch {
    // A directory in the way, say: the original error says what went wrong.
  }
}

/** Writes every file or none: each goes to a temporary name first, then all are renamed into place. */
function writeAll(outDir: string, files: ReadonlyArray<readonly [string, Buffer]>): void {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw usageError(`--out_dir ${outDir} exists and is not a directory`);
  }
  const created = mkdirSync(outDir, { recursive: true });
  const temporary = files.map(([name]) => join(outDir, `.${name}.${process.pid}.tmp`));
  let renaming = false;
  try {
    files.forEach(([, bytes], i) => writeFileSync(temporary[i]!, bytes));
    renaming = true;
    files.forEach(([name], i) => renameSync(temporary[i]!, join(outDir, name)));
  } catch (error) {
    for (const path of temporary) removeQuietly(path);
    // A rename failed halfway: remove the outputs too, rather than leave old and new side by side.
    if (renaming) for (const [name] of files) removeQuietly(join(outDir, name));
    if (created !== undefined) removeQuietly(created, true);
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
    [OUTPUT_NAMES[3], validationLabels],
  ]);

  console.log(`${set.count} digits: ${fit.length} fit, ${validation.length} validation (${fractionText} of each class)`);
  for (const [label, [f, v]] of perClass.entries()) {
    if (f + v > 0) console.log(`  digit ${label}: ${f + v} -> ${f} fit, ${v} validation`);
  }
});
