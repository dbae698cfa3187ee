// Mini-batch training with plain/momentum SGD or Adam, L2 weight decay and cross-entropy loss,
// for all epochs in one go or for a segment of them, resuming from a checkpoint's state.
import type { Digits } from "./digits.ts";
import { type Hyperparams, LR_FLOOR } from "./hyperparams.ts";
import { type Layer, type Network, Pass } from "./network.ts";
import { type Random, shuffle } from "./random.ts";

export interface EpochStats {
  epoch: number;
  /** Mean cross-entropy and accuracy over the epoch, each sample scored before its batch's update. */
  loss: number;
  train_accuracy: number;
  val_accuracy?: number;
}

/**
 * The optimizer's state between steps: all a later segment needs, besides the weights, to go on
 * exactly as if training had not stopped. Arrays go per parameter array, in the order
 * layer 0 weights, layer 0 biases, layer 1 weights...
 */
export interface OptimizerState {
  /** Optimizer steps (mini-batches) taken so far: the schedule and Adam's bias correction count them. */
  steps: number;
  /** sgd: the momentum velocity; adam: the first moment. */
  m: Float64Array[];
  /** adam: the second moment; sgd: empty arrays. */
  v: Float64Array[];
}

/** The parameter arrays of `net`, in OptimizerState order. */
export function parameterArrays(net: Network): Float32Array[] {
  return net.flatMap((l) => [l.w, l.b]);
}

/** The state before the first step. */
export function initialOptimizerState(net: Network, optimizer: Hyperparams["optimizer"]): OptimizerState {
  const arrays = parameterArrays(net);
  return {
    steps: 0,
    m: arrays.map((p) => new Float64Array(p.length)),
    v: arrays.map((p) => new Float64Array(optimizer === "adam" ? p.length : 0)),
  };
}

/** One parameter array with its gradient sum and optimizer state. */
interface Param {
  p: Float32Array;
  grad: Float64Array;
  m: Float64Array;
  v: Float64Array;
  decay: number;
}

/** Adds one sample's gradient for `layer` (output delta `d`) and, if `dPrev`, the delta of its input. */
function backward(
  layer: Layer,
  gw: Float64Array,
  gb: Float64Array,
  d: Float64Array,
  idx: Int32Array,
  val: Float64Array,
  start: number,
  end: number,
  dPrev: Float64Array | null,
): void {
  const { nOut, w } = layer;
  for (let j = 0; j < nOut; j++) gb[j]! += d[j]!;
  if (dPrev) dPrev.fill(0); // ReLU: inputs that were 0 pass no gradient back
  for (let p = start; p < end; p++) {
    const x = val[p]!;
    const row = idx[p]! * nOut;
    if (dPrev) {
      let s = 0;
      for (let j = 0; j < nOut; j++) {
        gw[row + j]! += x * d[j]!;
        s += w[row + j]! * d[j]!;
      }
      dPrev[idx[p]!] = s;
    } else {
      for (let j = 0; j < nOut; j++) gw[row + j]! += x * d[j]!;
    }
  }
}

function sgdStep(q: Param, lr: number, momentum: number, scale: number): void {
  const { p, grad, m, decay } = q;
  for (let k = 0; k < p.length; k++) {
    const g = grad[k]! * scale + decay * p[k]!;
    grad[k] = 0;
    const velocity = (m[k] = momentum * m[k]! + g);
    p[k]! -= lr * velocity;
  }
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

function adamStep(q: Param, lr: number, scale: number, correction1: number, correction2: number): void {
  const { p, grad, m, v, decay } = q;
  for (let k = 0; k < p.length; k++) {
    const g = grad[k]! * scale + decay * p[k]!;
    grad[k] = 0;
    const mk = (m[k] = BETA1 * m[k]! + (1 - BETA1) * g);
    const vk = (v[k] = BETA2 * v[k]! + (1 - BETA2) * g * g);
    p[k]! -= (lr * (mk / correction1)) / (Math.sqrt(vk / correction2) + EPSILON);
  }
}

export function accuracy(net: Network, data: Digits, samples: Int32Array): number {
  const pass = new Pass(net);
  let correct = 0;
  for (const n of samples) {
    pass.forward(data.indices, data.values, data.offsets[n]!, data.offsets[n + 1]!, data.labels[n]!);
    if (pass.predicted() === data.labels[n]) correct++;
  }
  return samples.length ? correct / samples.length : 0;
}

/** Which epochs to train and where each epoch's shuffle comes from. */
export interface Epochs {
  /** Train epochs first..last (1-based, counted from the start of the run). */
  first: number;
  last: number;
  /**
   * The PRNG that shuffles `epoch`. `fresh`: each epoch shuffles the training samples from their
   * sorted order (segments); otherwise it reshuffles the previous epoch's order (one go).
   */
  random: (epoch: number) => Random;
  fresh: boolean;
}

/**
 * Trains `net` in place on `train` samples of `data`, advancing `state` (which must hold the
 * state after epoch `epochs.first - 1`); calls `onEpoch` after each epoch.
 */
export function trainNetwork(
  net: Network,
  data: Digits,
  train: Int32Array,
  val: Int32Array,
  hp: Hyperparams,
  epochs: Epochs,
  state: OptimizerState,
  onEpoch: (stats: EpochStats) => void,
): EpochStats[] {
  const adam = hp.optimizer === "adam";
  const params: Param[] = parameterArrays(net).map((p, k) => ({
    p,
    grad: new Float64Array(p.length),
    m: state.m[k]!,
    v: state.v[k]!,
    decay: k % 2 === 0 ? hp.l2 : 0, // weights only, not biases
  }));
  const deltas = net.map((l) => new Float64Array(l.nOut));
  const pass = new Pass(net);
  const last = net.length - 1;
  const { indices, values, offsets, labels } = data;
  const order = Int32Array.from(train);
  const curve: EpochStats[] = [];
  // Running products rather than Math.pow, whose last bit may vary by engine; a resumed run
  // replays them, so they come out bit for bit as if it had never stopped.
  let correction1 = 1;
  let correction2 = 1;
  if (adam) {
    for (let k = 0; k < state.steps; k++) {
      correction1 *= BETA1;
      correction2 *= BETA2;
    }
  }
  // The linear schedule falls from lr to 0 over decay_epochs (see Hyperparams), then holds a floor.
  const decaySteps = hp.decay_epochs * Math.ceil(order.length / hp.batch);

  for (let epoch = epochs.first; epoch <= epochs.last; epoch++) {
    if (epochs.fresh) order.set(train);
    shuffle(order, epochs.random(epoch));
    let loss = 0;
    let correct = 0;
    for (let start = 0; start < order.length; start += hp.batch) {
      const end = Math.min(start + hp.batch, order.length);
      for (let s = start; s < end; s++) {
        const n = order[s]!;
        const label = labels[n]!;
        loss += pass.forward(indices, values, offsets[n]!, offsets[n + 1]!, label);
        if (pass.predicted() === label) correct++;
        // Softmax + cross-entropy: the logits' gradient is probs - onehot(label).
        const dOut = deltas[last]!;
        dOut.set(pass.probs);
        dOut[label]! -= 1;
        for (let l = last; l >= 0; l--) {
          const w = params[2 * l]!;
          const b = params[2 * l + 1]!;
          if (l === 0) backward(net[0]!, w.grad, b.grad, deltas[0]!, indices, values, offsets[n]!, offsets[n + 1]!, null);
          else {
            const count = pass.nzCount[l - 1]!;
            backward(net[l]!, w.grad, b.grad, deltas[l]!, pass.nzIdx[l - 1]!, pass.nzVal[l - 1]!, 0, count, deltas[l - 1]!);
          }
        }
      }
      const scale = 1 / (end - start);
      const step = state.steps;
      const lr =
        hp.schedule === "constant"
          ? hp.lr
          : step < decaySteps
            ? (hp.lr * (decaySteps - step)) / decaySteps
            : hp.lr * LR_FLOOR;
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
    const stats: EpochStats = { epoch, loss: loss / order.length, train_accuracy: correct / order.length };
    if (val.length > 0) stats.val_accuracy = accuracy(net, data, val);
    curve.push(stats);
    onEpoch(stats);
  }
  return curve;
}
