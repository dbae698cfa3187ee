// Generated from mnist/src/bin/train.ts by `npm run build:tools`. Do not edit.
"use strict";

// mnist/src/bin/train.ts
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

// mnist/src/lib/hyperparams.ts
var DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
var decimal = (min, max, minOpen, maxOpen) => (text) => {
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  const ok = (minOpen ? value > min : value >= min) && (maxOpen ? value < max : value <= max);
  return ok && Number.isFinite(value) ? value : void 0;
};
var integer = (min, max) => (text) => {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max ? value : void 0;
};
var choice = (...options) => (text) => options.includes(text) ? text : void 0;
var SPECS = {
  model: { accepts: '"mlp" or "softmax"', parse: choice("mlp", "softmax") },
  hidden: { accepts: "an integer from 1 to 4096 (hidden units; mlp only)", parse: integer(1, 4096) },
  lr: { accepts: "a number > 0 (learning rate)", parse: decimal(0, Infinity, true, true) },
  epochs: { accepts: "an integer from 1 to 1000", parse: integer(1, 1e3) },
  batch: { accepts: "an integer from 1 to 65536 (mini-batch size)", parse: integer(1, 65536) },
  l2: { accepts: "a number >= 0 (L2 weight decay)", parse: decimal(0, Infinity, false, true) },
  optimizer: { accepts: '"sgd" or "adam"', parse: choice("sgd", "adam") },
  momentum: { accepts: "a number in [0, 1) (sgd only)", parse: decimal(0, 1, false, true) },
  schedule: { accepts: '"constant" or "linear" (decay the learning rate linearly to 0)', parse: choice("constant", "linear") },
  val_split: { accepts: "a number in [0, 1) (fraction of training data held out)", parse: decimal(0, 1, false, true) }
};
var DEFAULTS = {
  model: "mlp",
  hidden: "128",
  lr: "0.1",
  // for sgd; adam's default is ADAM_LR
  epochs: "5",
  batch: "32",
  l2: "0",
  optimizer: "sgd",
  momentum: "0.9",
  val_split: "0",
  schedule: "linear"
};
var ADAM_LR = "0.003";
function isName(name) {
  return Object.hasOwn(SPECS, name);
}
function parseHyperparams(json, source) {
  let raw;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UsageError(`${source} is not valid JSON: ${json.slice(0, 200)}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${source} must be a JSON object of strings, got ${json.slice(0, 200)}`);
  }
  const given = /* @__PURE__ */ new Map();
  for (const [name, value] of Object.entries(raw)) {
    if (!isName(name)) {
      throw new UsageError(`unknown hyperparameter ${JSON.stringify(name)}; accepted: ${Object.keys(SPECS).sort().join(", ")}`);
    }
    if (typeof value !== "string") {
      throw new UsageError(`hyperparameter ${name} must be a string (like "${DEFAULTS[name]}"), got ${JSON.stringify(value)}`);
    }
    given.set(name, value);
  }
  const optimizer = given.get("optimizer") ?? DEFAULTS.optimizer;
  const values = /* @__PURE__ */ new Map();
  for (const name of Object.keys(SPECS)) {
    const text = given.get(name) ?? (name === "lr" && optimizer === "adam" ? ADAM_LR : DEFAULTS[name]);
    const value = SPECS[name].parse(text);
    if (value === void 0) {
      throw new UsageError(`hyperparameter ${name}=${JSON.stringify(text)} is invalid; expected ${SPECS[name].accepts}`);
    }
    values.set(name, value);
  }
  return Object.fromEntries(values);
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
function serialize(net) {
  const header = {
    format: FORMAT,
    layers: [net[0].nIn, ...net.map((l) => l.nOut)],
    activation: "relu",
    output: "softmax",
    body: "per layer: weights (inputs x outputs, row-major) then biases, float32 little-endian"
  };
  const head = Buffer.from(JSON.stringify(header) + "\n", "utf8");
  const floats = net.reduce((n, l) => n + l.w.length + l.b.length, 0);
  const body = Buffer.alloc(floats * 4);
  let offset = 0;
  for (const { w, b } of net) {
    for (const array of [w, b]) for (const v of array) offset = body.writeFloatLE(v, offset);
  }
  return Buffer.concat([head, body]);
}

// mnist/src/lib/random.ts
function splitmix32(seed) {
  let state = seed | 0;
  return () => {
    state = state + 2654435769 | 0;
    let z = state;
    z = Math.imul(z ^ z >>> 16, 2246822507);
    z = Math.imul(z ^ z >>> 13, 3266489909);
    return ((z ^ z >>> 16) >>> 0) / 4294967296;
  };
}
function parseSeed(text) {
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--seed ${JSON.stringify(text)} is not an integer`);
  return Number(BigInt.asUintN(32, BigInt(text)));
}
function shuffle(order, random) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
}

// mnist/src/lib/training.ts
function param(p, decay, adam) {
  const n = p.length;
  return { p, grad: new Float64Array(n), m: new Float64Array(n), v: new Float64Array(adam ? n : 0), decay };
}
function backward(layer, gw, gb, d, idx, val, start, end, dPrev) {
  const { nOut, w } = layer;
  for (let j = 0; j < nOut; j++) gb[j] += d[j];
  if (dPrev) dPrev.fill(0);
  for (let p = start; p < end; p++) {
    const x = val[p];
    const row = idx[p] * nOut;
    if (dPrev) {
      let s = 0;
      for (let j = 0; j < nOut; j++) {
        gw[row + j] += x * d[j];
        s += w[row + j] * d[j];
      }
      dPrev[idx[p]] = s;
    } else {
      for (let j = 0; j < nOut; j++) gw[row + j] += x * d[j];
    }
  }
}
function sgdStep(q, lr, momentum, scale) {
  const { p, grad, m, decay } = q;
  for (let k = 0; k < p.length; k++) {
    const g = grad[k] * scale + decay * p[k];
    grad[k] = 0;
    const velocity = m[k] = momentum * m[k] + g;
    p[k] -= lr * velocity;
  }
}
var BETA1 = 0.9;
var BETA2 = 0.999;
var EPSILON = 1e-8;
function adamStep(q, lr, scale, correction1, correction2) {
  const { p, grad, m, v, decay } = q;
  for (let k = 0; k < p.length; k++) {
    const g = grad[k] * scale + decay * p[k];
    grad[k] = 0;
    const mk = m[k] = BETA1 * m[k] + (1 - BETA1) * g;
    const vk = v[k] = BETA2 * v[k] + (1 - BETA2) * g * g;
    p[k] -= lr * (mk / correction1) / (Math.sqrt(vk / correction2) + EPSILON);
  }
}
function accuracy(net, data, samples) {
  const pass = new Pass(net);
  let correct = 0;
  for (const n of samples) {
    pass.forward(data.indices, data.values, data.offsets[n], data.offsets[n + 1], data.labels[n]);
    if (pass.predicted() === data.labels[n]) correct++;
  }
  return samples.length ? correct / samples.length : 0;
}
function trainNetwork(net, data, train, val, hp, random, onEpoch) {
  const adam = hp.optimizer === "adam";
  const params = net.map((l) => ({ w: param(l.w, hp.l2, adam), b: param(l.b, 0, adam) }));
  const deltas = net.map((l) => new Float64Array(l.nOut));
  const pass = new Pass(net);
  const last = net.length - 1;
  const { indices, values, offsets, labels } = data;
  const order = Int32Array.from(train);
  const curve = [];
  let correction1 = 1;
  let correction2 = 1;
  const steps = hp.epochs * Math.ceil(order.length / hp.batch);
  let step = 0;
  for (let epoch = 1; epoch <= hp.epochs; epoch++) {
    shuffle(order, random);
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < order.length; start += hp.batch) {
      const end = Math.min(start + hp.batch, order.length);
      for (let s = start; s < end; s++) {
        const n = order[s];
        const label = labels[n];
        loss += pass.forward(indices, values, offsets[n], offsets[n + 1], label);
        if (pass.predicted() === label) correct++;
        const dOut = deltas[last];
        dOut.set(pass.probs);
        dOut[label] -= 1;
        for (let l = last; l >= 0; l--) {
          const g = params[l];
          if (l === 0) backward(net[0], g.w.grad, g.b.grad, deltas[0], indices, values, offsets[n], offsets[n + 1], null);
          else {
            const count = pass.nzCount[l - 1];
            backward(net[l], g.w.grad, g.b.grad, deltas[l], pass.nzIdx[l - 1], pass.nzVal[l - 1], 0, count, deltas[l - 1]);
          }
        }
      }
      const scale = 1 / (end - start);
      const lr = hp.schedule === "linear" ? hp.lr * (steps - step) / steps : hp.lr;
      step++;
      if (adam) {
        correction1 *= BETA1;
        correction2 *= BETA2;
      }
      for (const { w, b } of params) {
        for (const q of [w, b]) {
          if (adam) adamStep(q, lr, scale, 1 - correction1, 1 - correction2);
          else sgdStep(q, lr, hp.momentum, scale);
        }
      }
    }
    const stats = { epoch, loss: loss / order.length, train_accuracy: correct / order.length };
    if (val.length > 0) stats.val_accuracy = accuracy(net, data, val);
    curve.push(stats);
    onEpoch(stats);
  }
  return curve;
}

// mnist/src/bin/train.ts
var FLAGS = ["--training_data", "--model", "--hyperparams", "--hyperparams_file", "--seed", "--output_dir"];
run("train", (argv) => {
  const flags = parseFlags(argv, new Set(FLAGS), /* @__PURE__ */ new Set(["--training_data"]));
  const modelPath = required(flags, "--model");
  const inline = flags.get("--hyperparams")?.[0];
  const file = flags.get("--hyperparams_file")?.[0];
  const hp = inline !== void 0 ? parseHyperparams(inline, "--hyperparams") : file !== void 0 ? parseHyperparams((0, import_node_fs2.readFileSync)(file, "utf8"), file) : parseHyperparams("{}", "defaults");
  const random = splitmix32(parseSeed(flags.get("--seed")?.[0] ?? "0"));
  const data = readDigits(flags.get("--training_data") ?? [], "--training_data");
  const sizes = hp.model === "softmax" ? [data.size, CLASSES] : [data.size, hp.hidden, CLASSES];
  const net = initNetwork(sizes, random);
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  if (hp.val_split > 0) shuffle(all, random);
  const valCount = Math.round(data.count * hp.val_split);
  const val = all.slice(0, valCount).sort();
  const train = all.slice(valCount).sort();
  if (train.length === 0) throw new UsageError(`val_split=${hp.val_split} leaves no training samples`);
  console.log(
    `training ${hp.model} ${sizes.join("-")} on ${train.length} digits` + (val.length ? ` (${val.length} held out)` : "") + `: ${hp.optimizer} lr=${hp.lr} (${hp.schedule})` + (hp.optimizer === "sgd" ? ` momentum=${hp.momentum}` : "") + ` batch=${hp.batch} epochs=${hp.epochs} l2=${hp.l2}`
  );
  const started = performance.now();
  const curve = trainNetwork(net, data, train, val, hp, random, (s) => {
    const valText = s.val_accuracy === void 0 ? "" : ` val_accuracy ${s.val_accuracy.toFixed(4)}`;
    const seconds = ((performance.now() - started) / 1e3).toFixed(1);
    console.log(
      `epoch ${s.epoch}/${hp.epochs} loss ${s.loss.toFixed(4)} train_accuracy ${s.train_accuracy.toFixed(4)}${valText} ${seconds}s`
    );
  });
  (0, import_node_fs2.mkdirSync)((0, import_node_path2.dirname)(modelPath), { recursive: true });
  (0, import_node_fs2.writeFileSync)(modelPath, serialize(net));
  const outputDir = flags.get("--output_dir")?.[0];
  if (outputDir !== void 0) {
    (0, import_node_fs2.mkdirSync)(outputDir, { recursive: true });
    (0, import_node_fs2.writeFileSync)((0, import_node_path2.join)(outputDir, "curve.json"), stableJson(curve.map((s) => ({ ...s }))) + "\n");
  }
});
