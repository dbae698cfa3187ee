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
var WEIGHTS = "per layer: weights (inputs x outputs, row-major) then biases, float32 little-endian";
function serialize(net, checkpoint) {
  const header = {
    format: checkpoint ? CHECKPOINT_FORMAT : FORMAT,
    layers: [net[0].nIn, ...net.map((l) => l.nOut)],
    activation: "relu",
    output: "softmax",
    body: checkpoint ? `${WEIGHTS}; then the optimizer state, float64 little-endian` : WEIGHTS,
    ...checkpoint ? { checkpoint: checkpoint.header } : {}
  };
  const head = Buffer.from(JSON.stringify(header) + "\n", "utf8");
  const floats = net.reduce((n, l) => n + l.w.length + l.b.length, 0);
  const doubles = checkpoint ? checkpoint.state.reduce((n, a) => n + a.length, 0) : 0;
  if (checkpoint && doubles !== checkpoint.header.optimizer_state_floats) throw new Error("optimizer state size mismatch");
  const body = Buffer.alloc(floats * 4 + doubles * 8);
  let offset = 0;
  for (const { w, b } of net) {
    for (const array of [w, b]) for (const v of array) offset = body.writeFloatLE(v, offset);
  }
  for (const array of checkpoint?.state ?? []) for (const v of array) offset = body.writeDoubleLE(v, offset);
  return Buffer.concat([head, body]);
}
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
  decay_epochs: { accepts: "an integer from 1 to 1000 (epochs of linear learning-rate decay)", parse: integer(1, 1e3) },
  batch: { accepts: "an integer from 1 to 65536 (mini-batch size)", parse: integer(1, 65536) },
  l2: { accepts: "a number >= 0 (L2 weight decay)", parse: decimal(0, Infinity, false, true) },
  optimizer: { accepts: '"sgd" or "adam"', parse: choice("sgd", "adam") },
  momentum: { accepts: "a number in [0, 1) (sgd only)", parse: decimal(0, 1, false, true) },
  schedule: { accepts: '"constant" or "linear" (decay the learning rate linearly to 0 over decay_epochs)', parse: choice("constant", "linear") },
  val_split: { accepts: "a number in [0, 1) (fraction of training data held out)", parse: decimal(0, 1, false, true) }
};
var DEFAULTS = {
  model: "mlp",
  hidden: "128",
  lr: "0.1",
  // for sgd; adam's default is ADAM_LR
  epochs: "5",
  decay_epochs: "10",
  // when training in segments; in one go, `epochs`
  batch: "32",
  l2: "0",
  optimizer: "sgd",
  momentum: "0.9",
  val_split: "0",
  schedule: "linear"
};
var ADAM_LR = "0.003";
var LR_FLOOR = 0.01;
function isName(name) {
  return Object.hasOwn(SPECS, name);
}
function parseHyperparams(json, source, segmented = false) {
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
  if (segmented && given.has("epochs")) {
    throw new UsageError(
      `hyperparameter epochs=${JSON.stringify(given.get("epochs"))} cannot be combined with --start_epoch/--end_epoch, which say which epochs to train`
    );
  }
  const values = /* @__PURE__ */ new Map();
  for (const name of Object.keys(SPECS)) {
    if (name === "epochs" && segmented) {
      values.set(name, null);
      continue;
    }
    const fallback = name === "lr" && optimizer === "adam" ? ADAM_LR : name === "decay_epochs" && !segmented ? given.get("epochs") ?? DEFAULTS.epochs : DEFAULTS[name];
    const text = given.get(name) ?? fallback;
    const value = SPECS[name].parse(text);
    if (value === void 0) {
      throw new UsageError(`hyperparameter ${name}=${JSON.stringify(text)} is invalid; expected ${SPECS[name].accepts}`);
    }
    values.set(name, value);
  }
  return Object.fromEntries(values);
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
function fmix32(h) {
  h = Math.imul(h ^ h >>> 16, 2246822507);
  h = Math.imul(h ^ h >>> 13, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
function substream(seed, stream) {
  return splitmix32(fmix32(fmix32(seed) + Math.imul(stream, 2654435769) | 0));
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
function parameterArrays(net) {
  return net.flatMap((l) => [l.w, l.b]);
}
function initialOptimizerState(net, optimizer) {
  const arrays = parameterArrays(net);
  return {
    steps: 0,
    m: arrays.map((p) => new Float64Array(p.length)),
    v: arrays.map((p) => new Float64Array(optimizer === "adam" ? p.length : 0))
  };
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
function trainNetwork(net, data, train, val, hp, epochs, state, onEpoch) {
  const adam = hp.optimizer === "adam";
  const params = parameterArrays(net).map((p, k) => ({
    p,
    grad: new Float64Array(p.length),
    m: state.m[k],
    v: state.v[k],
    decay: k % 2 === 0 ? hp.l2 : 0
    // weights only, not biases
  }));
  const deltas = net.map((l) => new Float64Array(l.nOut));
  const pass = new Pass(net);
  const last = net.length - 1;
  const { indices, values, offsets, labels } = data;
  const order = Int32Array.from(train);
  const curve = [];
  let correction1 = 1;
  let correction2 = 1;
  if (adam) {
    for (let k = 0; k < state.steps; k++) {
      correction1 *= BETA1;
      correction2 *= BETA2;
    }
  }
  const decaySteps = hp.decay_epochs * Math.ceil(order.length / hp.batch);
  for (let epoch = epochs.first; epoch <= epochs.last; epoch++) {
    if (epochs.fresh) order.set(train);
    shuffle(order, epochs.random(epoch));
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
          const w = params[2 * l];
          const b = params[2 * l + 1];
          if (l === 0) backward(net[0], w.grad, b.grad, deltas[0], indices, values, offsets[n], offsets[n + 1], null);
          else {
            const count = pass.nzCount[l - 1];
            backward(net[l], w.grad, b.grad, deltas[l], pass.nzIdx[l - 1], pass.nzVal[l - 1], 0, count, deltas[l - 1]);
          }
        }
      }
      const scale = 1 / (end - start);
      const step = state.steps;
      const lr = hp.schedule === "constant" ? hp.lr : step < decaySteps ? hp.lr * (decaySteps - step) / decaySteps : hp.lr * LR_FLOOR;
      state.steps++;
      if (adam) {
        correction1 *= BETA1;
        correction2 *= BETA2;
      }
      for (const q of params) {
        if (adam) adamStep(q, lr, scale, 1 - correction1, 1 - correction2);
        else sgdStep(q, lr, hp.momentum, scale);
      }
    }
    const stats = { epoch, loss: loss / order.length, train_accuracy: correct / order.length };
    if (val.length > 0) stats.val_accuracy = accuracy(net, data, val);
    curve.push(stats);
    onEpoch(stats);
  }
  return curve;
}

// mnist/src/lib/checkpoint.ts
function recorded(hp) {
  const entries = Object.entries(hp).filter((e) => e[0] !== "epochs" && e[1] !== null);
  return Object.fromEntries(entries.sort(([a], [b]) => a < b ? -1 : 1));
}
var ARRAYS = "each parameter array (layer 0 weights, layer 0 biases, layer 1 weights...)";
function writeCheckpoint(net, state, at) {
  const adam = at.hp.optimizer === "adam";
  const arrays = adam ? [...state.m, ...state.v] : state.m;
  const header = {
    completed_epochs: at.completedEpochs,
    completed_steps: state.steps,
    hyperparams: recorded(at.hp),
    optimizer_state: adam ? `adam: the first moments of ${ARRAYS}, then their second moments` : `sgd: the momentum velocity of ${ARRAYS}`,
    optimizer_state_floats: arrays.reduce((n, a) => n + a.length, 0),
    seed: at.seed,
    train_examples: at.trainExamples
  };
  return serialize(net, { header, state: arrays });
}
var show = (value) => JSON.stringify(value) ?? "absent";
function readCheckpoint(bytes, path, expected) {
  const file = readModelFile(bytes, path);
  if (!file.checkpoint) {
    throw new UsageError(
      `--init_checkpoint ${path} is a ${file.format} model without optimizer state, not a ${CHECKPOINT_FORMAT} checkpoint (train writes those when given --start_epoch and --end_epoch)`
    );
  }
  const { header, state: flat } = file.checkpoint;
  const differences = [];
  const differ = (what, there, here, where = "in this run") => {
    if (show(there) !== show(here)) differences.push(`${what}: ${show(there)} in the checkpoint, ${show(here)} ${where}`);
  };
  differ("completed epochs", header.completed_epochs, expected.completedEpochs, "per --start_epoch");
  differ("layer sizes", [file.net[0].nIn, ...file.net.map((l) => l.nOut)], expected.layers);
  const theirs = typeof header.hyperparams === "object" && header.hyperparams || {};
  const ours = recorded(expected.hp);
  for (const name of [.../* @__PURE__ */ new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort()) {
    differ(`hyperparameter ${name}`, theirs[name], ours[name]);
  }
  differ("seed", header.seed, expected.seed, "per --seed");
  differ("training samples", header.train_examples, expected.trainExamples);
  if (differences.length > 0) {
    throw new UsageError(`--init_checkpoint ${path} does not continue this segment: ${differences.join("; ")}`);
  }
  const steps = header.completed_steps;
  const arrays = parameterArrays(file.net);
  const moments = expected.hp.optimizer === "adam" ? 2 : 1;
  const floats = arrays.reduce((n, a) => n + a.length, 0);
  if (!Number.isInteger(steps) || steps < 0 || flat.length !== moments * floats) {
    throw new Failure(`${path} is corrupt: bad completed_steps or optimizer state size`);
  }
  let offset = 0;
  const take = (n) => flat.slice(offset, offset += n);
  const m = arrays.map((a) => take(a.length));
  const v = arrays.map((a) => take(moments === 2 ? a.length : 0));
  return { net: file.net, state: { steps, m, v } };
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

// mnist/src/bin/train.ts
var FLAGS = [
  "--training_data",
  "--model",
  "--hyperparams",
  "--hyperparams_file",
  "--seed",
  "--output_dir",
  "--start_epoch",
  "--end_epoch",
  "--init_checkpoint"
];
var MAX_EPOCH = 1e5;
function epochFlag(flags, flag, min) {
  const text = required(flags, flag);
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= MAX_EPOCH)) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not an integer from ${min} to ${MAX_EPOCH}`);
  }
  return value;
}
function parseSegment(flags) {
  const given = ["--start_epoch", "--end_epoch"].filter((f) => flags.has(f));
  const init = flags.get("--init_checkpoint")?.[0];
  if (given.length === 0) {
    if (init !== void 0) throw new UsageError("--init_checkpoint needs --start_epoch and --end_epoch");
    return null;
  }
  if (given.length === 1) throw new UsageError("--start_epoch and --end_epoch go together");
  const start = epochFlag(flags, "--start_epoch", 0);
  const end = epochFlag(flags, "--end_epoch", 1);
  if (end <= start) throw new UsageError(`--end_epoch ${end} must be greater than --start_epoch ${start}`);
  if (start > 0 && init === void 0) {
    throw new UsageError(`--start_epoch ${start} needs --init_checkpoint: the checkpoint written after epoch ${start}`);
  }
  if (start === 0 && init !== void 0) {
    throw new UsageError("--init_checkpoint is for later segments (--start_epoch > 0); the first starts from the seed");
  }
  return init === void 0 ? { start, end } : { start, end, init };
}
run("train", (argv) => {
  const flags = parseFlags(argv, new Set(FLAGS), /* @__PURE__ */ new Set(["--training_data"]));
  const modelPath = required(flags, "--model");
  const segment = parseSegment(flags);
  const inline = flags.get("--hyperparams")?.[0];
  const file = flags.get("--hyperparams_file")?.[0];
  const segmented = segment !== null;
  const hp = inline !== void 0 ? parseHyperparams(inline, "--hyperparams", segmented) : file !== void 0 ? parseHyperparams((0, import_node_fs2.readFileSync)(file, "utf8"), file, segmented) : parseHyperparams("{}", "defaults", segmented);
  const seed = parseSeed(flags.get("--seed")?.[0] ?? "0");
  const data = readDigits(flags.get("--training_data") ?? [], "--training_data");
  const sizes = hp.model === "softmax" ? [data.size, CLASSES] : [data.size, hp.hidden, CLASSES];
  const random = splitmix32(seed);
  const first = segment === null || segment.start === 0 ? initNetwork(sizes, random) : null;
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  if (hp.val_split > 0) shuffle(all, segmented ? substream(seed, 0) : random);
  const valCount = Math.round(data.count * hp.val_split);
  const val = all.slice(0, valCount).sort();
  const train = all.slice(valCount).sort();
  if (train.length === 0) throw new UsageError(`val_split=${hp.val_split} leaves no training samples`);
  const startEpoch = segment?.start ?? 0;
  const position = { completedEpochs: startEpoch, seed, layers: sizes, trainExamples: train.length, hp };
  const { net, state } = segment?.init !== void 0 ? readCheckpoint((0, import_node_fs2.readFileSync)(segment.init), segment.init, position) : { net: first, state: initialOptimizerState(first, hp.optimizer) };
  const endEpoch = segment?.end ?? hp.epochs;
  const epochs = segmented ? { first: startEpoch + 1, last: endEpoch, random: (epoch) => substream(seed, epoch), fresh: true } : { first: 1, last: endEpoch, random: () => random, fresh: false };
  console.log(
    `training ${hp.model} ${sizes.join("-")} on ${train.length} digits` + (val.length ? ` (${val.length} held out)` : "") + `: ${hp.optimizer} lr=${hp.lr} (${hp.schedule}` + (hp.schedule === "linear" && hp.decay_epochs !== hp.epochs ? ` over ${hp.decay_epochs} epochs` : "") + ")" + (hp.optimizer === "sgd" ? ` momentum=${hp.momentum}` : "") + ` batch=${hp.batch} ` + (segment === null ? `epochs=${hp.epochs}` : `epochs ${startEpoch + 1}-${endEpoch}` + (segment.init !== void 0 ? ` from ${segment.init}` : "")) + ` l2=${hp.l2}`
  );
  const outputDir = flags.get("--output_dir")?.[0];
  const writeCurve = (curve2) => {
    if (outputDir === void 0) return;
    (0, import_node_fs2.mkdirSync)(outputDir, { recursive: true });
    const path = (0, import_node_path2.join)(outputDir, "curve.json");
    (0, import_node_fs2.writeFileSync)(`${path}.tmp`, stableJson(curve2.map((s) => ({ ...s }))) + "\n");
    (0, import_node_fs2.renameSync)(`${path}.tmp`, path);
  };
  const soFar = [];
  const curve = trainNetwork(net, data, train, val, hp, epochs, state, (s) => {
    const valText = s.val_accuracy === void 0 ? "" : ` val_accuracy ${s.val_accuracy.toFixed(4)}`;
    console.log(`epoch ${s.epoch}/${endEpoch} loss ${s.loss.toFixed(4)} train_accuracy ${s.train_accuracy.toFixed(4)}${valText}`);
    soFar.push(s);
    writeCurve(soFar);
  });
  (0, import_node_fs2.mkdirSync)((0, import_node_path2.dirname)(modelPath), { recursive: true });
  (0, import_node_fs2.writeFileSync)(
    modelPath,
    segmented ? writeCheckpoint(net, state, { ...position, completedEpochs: endEpoch }) : serialize(net)
  );
  writeCurve(curve);
});
