// A fully connected network: ReLU hidden layers, softmax output. Softmax regression is the
// same network with no hidden layer. Every layer takes a *sparse* input (indices and values of
// its nonzero inputs): MNIST pixels are mostly 0 and ReLU zeroes about half the hidden units,
// so skipping zeros cuts most of the work.
import { Failure } from "./cli.ts";

export interface Layer {
  nIn: number;
  nOut: number;
  /** nIn x nOut, row-major: row i holds input i's weights, so a sparse input touches whole rows. */
  w: Float32Array;
  b: Float32Array;
}

export type Network = Layer[];

/** Uniform He init for ReLU layers, Glorot for the softmax layer; biases start at 0. */
export function initNetwork(sizes: readonly number[], random: () => number): Network {
  return sizes.slice(1).map((nOut, l) => {
    const nIn = sizes[l]!;
    const last = l === sizes.length - 2;
    const limit = Math.sqrt(6 / (last ? nIn + nOut : nIn));
    const w = new Float32Array(nIn * nOut);
    for (let k = 0; k < w.length; k++) w[k] = (2 * random() - 1) * limit;
    return { nIn, nOut, w, b: new Float32Array(nOut) };
  });
}

/** out = b + sum over the sparse input of value * row. */
function affine(layer: Layer, idx: Int32Array, val: Float64Array, start: number, end: number, out: Float64Array): void {
  const { nOut, w, b } = layer;
  for (let j = 0; j < nOut; j++) out[j] = b[j]!;
  for (let p = start; p < end; p++) {
    const x = val[p]!;
    const row = idx[p]! * nOut;
    for (let j = 0; j < nOut; j++) out[j]! += x * w[row + j]!;
  }
}

/** Scratch space for one sample's forward (and backward) pass. */
export class Pass {
  /** Pre-activation outputs of each layer; the last one's are the logits. */
  readonly out: Float64Array[];
  /** The nonzero (positive) ReLU outputs of each hidden layer: the next layer's sparse input. */
  readonly nzIdx: Int32Array[];
  readonly nzVal: Float64Array[];
  readonly nzCount: Int32Array;
  readonly probs: Float64Array;

  constructor(readonly net: Network) {
    this.out = net.map((l) => new Float64Array(l.nOut));
    this.nzIdx = net.map((l) => new Int32Array(l.nOut));
    this.nzVal = net.map((l) => new Float64Array(l.nOut));
    this.nzCount = new Int32Array(net.length);
    this.probs = new Float64Array(net[net.length - 1]!.nOut);
  }

  /** Fills `probs` for the input pixels idx/val[start, end); returns the cross-entropy for `label`. */
  forward(idx: Int32Array, val: Float64Array, start: number, end: number, label: number): number {
    const { net, out, nzIdx, nzVal, nzCount, probs } = this;
    const last = net.length - 1;
    for (let l = 0; l <= last; l++) {
      const o = out[l]!;
      if (l === 0) affine(net[0]!, idx, val, start, end, o);
      else affine(net[l]!, nzIdx[l - 1]!, nzVal[l - 1]!, 0, nzCount[l - 1]!, o);
      if (l === last) break;
      const ni = nzIdx[l]!;
      const nv = nzVal[l]!;
      let n = 0;
      for (let j = 0; j < o.length; j++) {
        const v = o[j]!;
        if (v > 0) {
          ni[n] = j;
          nv[n++] = v;
        }
      }
      nzCount[l] = n;
    }
    // Softmax, shifted by the max logit so exp cannot overflow.
    const z = out[last]!;
    let max = -Infinity;
    for (let k = 0; k < z.length; k++) if (z[k]! > max) max = z[k]!;
    let sum = 0;
    for (let k = 0; k < z.length; k++) sum += probs[k] = Math.exp(z[k]! - max);
    for (let k = 0; k < z.length; k++) probs[k]! /= sum;
    return Math.log(sum) - (z[label]! - max);
  }

  predicted(): number {
    let best = 0;
    for (let k = 1; k < this.probs.length; k++) if (this.probs[k]! > this.probs[best]!) best = k;
    return best;
  }
}

// The model file: one JSON header line, then each layer's weights and biases as little-endian
// float32. Fixed key order and no timestamps, so equal weights give byte-identical files.
// databazel-mnist/1 is just that (training in one go). databazel-mnist/2 is a checkpoint
// (segmented training): its header adds a "checkpoint" object (how far training got, with what;
// see checkpoint.ts) and after the weights come checkpoint.optimizer_state_floats float64s of
// optimizer state, little-endian and lossless so that resuming is exact. Model readers (eval)
// take either format and skip the optimizer state.
const FORMAT = "databazel-mnist/1";
export const CHECKPOINT_FORMAT = "databazel-mnist/2";
const WEIGHTS = "per layer: weights (inputs x outputs, row-major) then biases, float32 little-endian";

/** What a checkpoint adds to the model: header fields and the optimizer state. */
export interface CheckpointPart {
  header: { optimizer_state_floats: number; [key: string]: unknown };
  state: readonly Float64Array[];
}

export function serialize(net: Network, checkpoint?: CheckpointPart): Buffer {
  const header = {
    format: checkpoint ? CHECKPOINT_FORMAT : FORMAT,
    layers: [net[0]!.nIn, ...net.map((l) => l.nOut)],
    activation: "relu",
    output: "softmax",
    body: checkpoint ? `${WEIGHTS}; then the optimizer state, float64 little-endian` : WEIGHTS,
    ...(checkpoint ? { checkpoint: checkpoint.header } : {}),
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

export interface ModelFile {
  format: string;
  net: Network;
  /** A checkpoint's header.checkpoint and optimizer state; undefined for databazel-mnist/1. */
  checkpoint?: { header: Record<string, unknown>; state: Float64Array };
}

/** Reads a model or checkpoint file; throws Failure if it is neither. */
export function readModelFile(bytes: Buffer, path: string): ModelFile {
  const newline = bytes.indexOf(0x0a);
  let header: { format?: unknown; layers?: unknown; checkpoint?: unknown } = {};
  try {
    header = JSON.parse(bytes.subarray(0, Math.max(newline, 0)).toString("utf8")) as typeof header;
  } catch {
    // Reported below.
  }
  const sizes = header.layers;
  const { format, checkpoint } = header;
  const doubles =
    typeof checkpoint === "object" && checkpoint !== null && "optimizer_state_floats" in checkpoint
      ? checkpoint.optimizer_state_floats
      : undefined;
  if (
    (format !== FORMAT && format !== CHECKPOINT_FORMAT) ||
    !Array.isArray(sizes) ||
    sizes.length < 2 ||
    !sizes.every((s) => Number.isInteger(s) && s > 0) ||
    (format === CHECKPOINT_FORMAT && !(Number.isInteger(doubles) && (doubles as number) >= 0))
  ) {
    throw new Failure(`${path} is not a ${FORMAT} model or ${CHECKPOINT_FORMAT} checkpoint file (the train executable writes those)`);
  }
  const net = initNetwork(sizes as number[], () => 0.5);
  const floats = net.reduce((n, l) => n + l.w.length + l.b.length, 0);
  const stateCount = format === CHECKPOINT_FORMAT ? (doubles as number) : 0;
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
  return { format: CHECKPOINT_FORMAT, net, checkpoint: { header: checkpoint as Record<string, unknown>, state } };
}

/** Reads the network of a model or checkpoint file. */
export function deserialize(bytes: Buffer, path: string): Network {
  return readModelFile(bytes, path).net;
}
