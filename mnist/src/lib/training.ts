// Mini-batch training with plain/momentum SGD or Adam, L2 weight decay and cross-entropy loss.
import type { Digits } from "./digits.ts";
import type { Hyperparams } from "./hyperparams.ts";
import { type Layer, type Network, Pass } from "./network.ts";
import { type Random, shuffle } from "./random.ts";

export interface EpochStats {
  epoch: number;
  /** Mean cross-entropy and accuracy over the epoch, each sample scored before its batch's update. */
  loss: number;
  train_accuracy: number;
  val_accuracy?: number;
}

/** One parameter array with its gradient sum and optimizer state. */
interface Param {
  p: Float32Array;
  grad: Float64Array;
  m: Float64Array;
  v: Float64Array;
  decay: number;
}

function param(p: Float32Array, decay: number, adam: boolean): Param {
  const n = p.length;
  return { p, grad: new Float64Array(n), m: new Float64Array(n), v: new Float64Array(adam ? n : 0), decay };
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

/** Trains `net` in place on `train` samples of `data`; calls `onEpoch` after each epoch. */
export function trainNetwork(
  net: Network,
  data: Digits,
  train: Int32Array,
  val: Int32Array,
  hp: Hyperparams,
  random: Random,
  onEpoch: (stats: EpochStats) => void,
): EpochStats[] {
  const adam = hp.optimizer === "adam";
  const params = net.map((l) => ({ w: param(l.w, hp.l2, adam), b: param(l.b, 0, adam) }));
  const deltas = net.map((l) => new Float64Array(l.nOut));
  const pass = new Pass(net);
  const last = net.length - 1;
  const { indices, values, offsets, labels } = data;
  const order = Int32Array.from(train);
  const curve: EpochStats[] = [];
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
        const n = order[s]!;
        const label = labels[n]!;
        loss += pass.forward(indices, values, offsets[n]!, offsets[n + 1]!, label);
        if (pass.predicted() === label) correct++;
        // Softmax + cross-entropy: the logits' gradient is probs - onehot(label).
        const dOut = deltas[last]!;
        dOut.set(pass.probs);
        dOut[label]! -= 1;
        for (let l = last; l >= 0; l--) {
          const g = params[l]!;
          if (l === 0) backward(net[0]!, g.w.grad, g.b.grad, deltas[0]!, indices, values, offsets[n]!, offsets[n + 1]!, null);
          else {
            const count = pass.nzCount[l - 1]!;
            backward(net[l]!, g.w.grad, g.b.grad, deltas[l]!, pass.nzIdx[l - 1]!, pass.nzVal[l - 1]!, 0, count, deltas[l - 1]!);
          }
        }
      }
      const scale = 1 / (end - start);
      const lr = hp.schedule === "linear" ? (hp.lr * (steps - step)) / steps : hp.lr;
      step++;
      if (adam) {
        correction1 *= BETA1; // running products rather than Math.pow, whose last bit may vary by engine
        correction2 *= BETA2;
      }
      for (const { w, b } of params) {
        for (const q of [w, b]) {
          if (adam) adamStep(q, lr, scale, 1 - correction1, 1 - correction2);
          else sgdStep(q, lr, hp.momentum, scale);
        }
      }
    }
    const stats: EpochStats = { epoch, loss: loss / order.length, train_accuracy: correct / order.length };
    if (val.length > 0) stats.val_accuracy = accuracy(net, data, val);
    curve.push(stats);
    onEpoch(stats);
  }
  return curve;
}
