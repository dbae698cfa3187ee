// Generated from mnist/src/bin/eval.ts by `npm run build:tools`. Do not edit.
"use strict";

// mnist/src/bin/eval.ts
var import_node_fs2 = require("node:fs");
var import_node_path2 = require("node:path");

// mnist/src/lib/cli.ts
var Failure = class extends Error {
};
var UsageError = class extends Failure {
};
function parseFlags(argv, known, repeatable = /* @__PURE__ */ new Set()) {
  const flags = /* @__PURE__ */ new Map();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!known.has(flag)) throw new UsageError(`unknown argument ${JSON.stringify(flag)}; accepted: ${[...known].join(", ")}`);
    if (value === void 0) throw new UsageError(`${flag} needs a value`);
    const values = flags.get(flag) ?? [];
    if (values.length > 0 && !repeatable.has(flag)) throw new UsageError(`${flag} given more than once`);
    flags.set(flag, [...values, value]);
  }
  return flags;
}
function required(flags, flag) {
  const value = flags.get(flag)?.[0];
  if (value === void 0) throw new UsageError(`missing ${flag}`);
  return value;
}
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
var import_node_path = require("node:path");
var import_node_zlib = require("node:zlib");

// mnist/src/data/idx.ts
var IMAGES_MAGIC = 2051;
var LABELS_MAGIC = 2049;

// mnist/src/lib/digits.ts
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
function idxFiles(paths) {
  const found = [];
  for (const path of paths) {
    if ((0, import_node_fs.statSync)(path).isDirectory()) {
      for (const name of (0, import_node_fs.readdirSync)(path).sort()) {
        const child = (0, import_node_path.join)(path, name);
        const idx = (0, import_node_fs.statSync)(child).isFile() ? readIdx(child) : "";
        if (typeof idx !== "string") found.push(idx);
      }
    } else {
      const idx = readIdx(path);
      if (typeof idx === "string") throw new Failure(`${path} ${idx}`);
      found.push(idx);
    }
  }
  return found;
}
function readDigits(paths, flag) {
  const files = idxFiles(paths);
  const images = files.filter((f) => f.magic === IMAGES_MAGIC);
  const labels = files.filter((f) => f.magic === LABELS_MAGIC);
  const describe = (fs) => fs.map((f) => f.path).join(", ") || "none";
  if (images.length !== 1 || labels.length !== 1) {
    throw new Failure(
      `${flag} must name one IDX images file (magic ${IMAGES_MAGIC}) and one IDX labels file (magic ${LABELS_MAGIC}); got images: ${describe(images)}; labels: ${describe(labels)}`
    );
  }
  const img = images[0];
  const lab = labels[0];
  const [count = 0, rows = 0, cols = 0] = img.dims;
  if (img.dims.length !== 3) throw new Failure(`${img.path}: images must be count x rows x cols, got ${img.dims.join("x")}`);
  if (lab.dims.length !== 1 || lab.dims[0] !== count) {
    throw new Failure(`${lab.path} holds ${lab.dims.join("x")} labels, but ${img.path} holds ${count} images`);
  }
  const bad = lab.data.findIndex((l) => l >= CLASSES);
  if (bad >= 0) throw new Failure(`${lab.path}: label ${lab.data[bad]} at index ${bad} is not a digit 0-9`);
  const size = rows * cols;
  const offsets = new Int32Array(count + 1);
  let nonzero = 0;
  for (const byte of img.data) if (byte !== 0) nonzero++;
  const indices = new Int32Array(nonzero);
  const values = new Float64Array(nonzero);
  let k = 0;
  for (let n = 0; n < count; n++) {
    const base = n * size;
    for (let i = 0; i < size; i++) {
      const byte = img.data[base + i];
      if (byte !== 0) {
        indices[k] = i;
        values[k++] = byte / 255;
      }
    }
    offsets[n + 1] = k;
  }
  return { count, size, labels: Uint8Array.from(lab.data), offsets, indices, values };
}

// mnist/src/lib/json.ts
function stableJson(value, indent = "") {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) return `[${value.map((v) => JSON.stringify(v)).join(", ")}]`;
    const inner = indent + "  ";
    return `[
${value.map((v) => inner + stableJson(v, inner)).join(",\n")}
${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const inner = indent + "  ";
    const keys = Object.keys(value).sort();
    return `{
${keys.map((k) => `${inner}${JSON.stringify(k)}: ${stableJson(value[k], inner)}`).join(",\n")}
${indent}}`;
  }
  return JSON.stringify(value);
}

// mnist/src/lib/network.ts
function initNetwork(sizes, random) {
  return sizes.slice(1).map((nOut, l) => {
    const nIn = sizes[l];
    const last = l === sizes.length - 2;
    const limit = Math.sqrt(6 / (last ? nIn + nOut : nIn));
    const w = new Float32Array(nIn * nOut);
    for (let k = 0; k < w.length; k++) w[k] = (2 * random() - 1) * limit;
    return { nIn, nOut, w, b: new Float32Array(nOut) };
  });
}
function affine(layer, idx, val, start, end, out) {
  const { nOut, w, b } = layer;
  for (let j = 0; j < nOut; j++) out[j] = b[j];
  for (let p = start; p < end; p++) {
    const x = val[p];
    const row = idx[p] * nOut;
    for (let j = 0; j < nOut; j++) out[j] += x * w[row + j];
  }
}
var Pass = class {
  constructor(net) {
    this.net = net;
    this.out = net.map((l) => new Float64Array(l.nOut));
    this.nzIdx = net.map((l) => new Int32Array(l.nOut));
    this.nzVal = net.map((l) => new Float64Array(l.nOut));
    this.nzCount = new Int32Array(net.length);
    this.probs = new Float64Array(net[net.length - 1].nOut);
  }
  net;
  /** Pre-activation outputs of each layer; the last one's are the logits. */
  out;
  /** The nonzero (positive) ReLU outputs of each hidden layer: the next layer's sparse input. */
  nzIdx;
  nzVal;
  nzCount;
  probs;
  /** Fills `probs` for the input pixels idx/val[start, end); returns the cross-entropy for `label`. */
  forward(idx, val, start, end, label) {
    const { net, out, nzIdx, nzVal, nzCount, probs } = this;
    const last = net.length - 1;
    for (let l = 0; l <= last; l++) {
      const o = out[l];
      if (l === 0) affine(net[0], idx, val, start, end, o);
      else affine(net[l], nzIdx[l - 1], nzVal[l - 1], 0, nzCount[l - 1], o);
      if (l === last) break;
      const ni = nzIdx[l];
      const nv = nzVal[l];
      let n = 0;
      for (let j = 0; j < o.length; j++) {
        const v = o[j];
        if (v > 0) {
          ni[n] = j;
          nv[n++] = v;
        }
      }
      nzCount[l] = n;
    }
    const z = out[last];
    let max = -Infinity;
    for (let k = 0; k < z.length; k++) if (z[k] > max) max = z[k];
    let sum = 0;
    for (let k = 0; k < z.length; k++) sum += probs[k] = Math.exp(z[k] - max);
    for (let k = 0; k < z.length; k++) probs[k] /= sum;
    return Math.log(sum) - (z[label] - max);
  }
  predicted() {
    let best = 0;
    for (let k = 1; k < this.probs.length; k++) if (this.probs[k] > this.probs[best]) best = k;
    return best;
  }
};
var FORMAT = "databazel-mnist/1";
var CHECKPOINT_FORMAT = "databazel-mnist/2";
function readModelFile(bytes, path) {
  const newline = bytes.indexOf(10);
  let header = {};
  try {
    header = JSON.parse(bytes.subarray(0, Math.max(newline, 0)).toString("utf8"));
  } catch {
  }
  const sizes = header.layers;
  const { format, checkpoint } = header;
  const doubles = typeof checkpoint === "object" && checkpoint !== null && "optimizer_state_floats" in checkpoint ? checkpoint.optimizer_state_floats : void 0;
  if (format !== FORMAT && format !== CHECKPOINT_FORMAT || !Array.isArray(sizes) || sizes.length < 2 || !sizes.every((s) => Number.isInteger(s) && s > 0) || format === CHECKPOINT_FORMAT && !(Number.isInteger(doubles) && doubles >= 0)) {
    throw new Failure(`${path} is not a ${FORMAT} model or ${CHECKPOINT_FORMAT} checkpoint file (the train executable writes those)`);
  }
  const net = initNetwork(sizes, () => 0.5);
  const floats = net.reduce((n, l) => n + l.w.length + l.b.length, 0);
  const stateCount = format === CHECKPOINT_FORMAT ? doubles : 0;
  if (bytes.length - newline - 1 !== floats * 4 + stateCount * 8) {
    throw new Failure(`${path} is truncated or corrupt: wrong body size`);
  }
  let offset = newline + 1;
  for (const { w, b } of net) {
    for (const array of [w, b]) {
      for (let k = 0; k < array.length; k++, offset += 4) array[k] = bytes.readFloatLE(offset);
    }
  }
  if (format === FORMAT) return { format, net };
  const state = new Float64Array(stateCount);
  for (let k = 0; k < stateCount; k++, offset += 8) state[k] = bytes.readDoubleLE(offset);
  return { format: CHECKPOINT_FORMAT, net, checkpoint: { header: checkpoint, state } };
}
function deserialize(bytes, path) {
  return readModelFile(bytes, path).net;
}

// mnist/src/lib/metrics.ts
var ratio = (a, b) => b === 0 ? 0 : a / b;
function evaluate(net, data) {
  const pass = new Pass(net);
  const confusion = Array.from({ length: CLASSES }, () => new Array(CLASSES).fill(0));
  let loss = 0;
  for (let n = 0; n < data.count; n++) {
    const label = data.labels[n];
    loss += pass.forward(data.indices, data.values, data.offsets[n], data.offsets[n + 1], label);
    confusion[label][pass.predicted()]++;
  }
  const correct = confusion.reduce((sum, row, k) => sum + row[k], 0);
  const precision = [];
  const recall = [];
  const f1 = [];
  for (let k = 0; k < CLASSES; k++) {
    const truePositives = confusion[k][k];
    const predictedK = confusion.reduce((sum, row) => sum + row[k], 0);
    const actualK = confusion[k].reduce((a, b) => a + b, 0);
    const p = ratio(truePositives, predictedK);
    const r = ratio(truePositives, actualK);
    precision.push(p);
    recall.push(r);
    f1.push(ratio(2 * p * r, p + r));
  }
  return {
    accuracy: ratio(correct, data.count),
    confusion_matrix: confusion,
    examples: data.count,
    loss: ratio(loss, data.count),
    params: net.reduce((sum, layer) => sum + layer.nIn * layer.nOut + layer.nOut, 0),
    per_class: { f1, precision, recall }
  };
}

// mnist/src/bin/eval.ts
run("eval", (argv) => {
  const flags = parseFlags(argv, /* @__PURE__ */ new Set(["--model", "--test_data", "--metrics"]), /* @__PURE__ */ new Set(["--test_data"]));
  const modelPath = required(flags, "--model");
  const metricsPath = required(flags, "--metrics");
  const net = deserialize((0, import_node_fs2.readFileSync)(modelPath), modelPath);
  const data = readDigits(flags.get("--test_data") ?? [], "--test_data");
  const nIn = net[0].nIn;
  const nOut = net[net.length - 1].nOut;
  if (nIn !== data.size || nOut !== CLASSES) {
    throw new Failure(`${modelPath} maps ${nIn} pixels to ${nOut} classes, but the test images have ${data.size} pixels`);
  }
  const metrics = evaluate(net, data);
  (0, import_node_fs2.mkdirSync)((0, import_node_path2.dirname)(metricsPath), { recursive: true });
  (0, import_node_fs2.writeFileSync)(metricsPath, stableJson(metrics) + "\n");
  console.log(`accuracy ${metrics.accuracy.toFixed(4)} loss ${metrics.loss.toFixed(4)} on ${metrics.examples} digits`);
});
