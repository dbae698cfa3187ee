// Scores a network on labelled digits: accuracy, mean cross-entropy, per-class precision,
// recall and F1, the confusion matrix, and the network's size (params: weights and biases), the
// deterministic second objective of the multi-objective searches.
import { CLASSES, type Digits } from "./digits.ts";
import { type Network, Pass } from "./network.ts";

// A type alias, not an interface, so it is assignable to Json.
export type Metrics = {
  accuracy: number;
  loss: number;
  examples: number;
  params: number;
  confusion_matrix: number[][];
  per_class: { precision: number[]; recall: number[]; f1: number[] };
};

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function evaluate(net: Network, data: Digits): Metrics {
  const pass = new Pass(net);
  // confusion[t][p]: digits of true label t predicted as p.
  const confusion = Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0));
  let loss = 0;
  for (let n = 0; n < data.count; n++) {
    const label = data.labels[n]!;
    loss += pass.forward(data.indices, data.values, data.offsets[n]!, data.offsets[n + 1]!, label);
    confusion[label]![pass.predicted()]!++;
  }
  const correct = confusion.reduce((sum, row, k) => sum + row[k]!, 0);
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  for (let k = 0; k < CLASSES; k++) {
    const truePositives = confusion[k]![k]!;
    const predictedK = confusion.reduce((sum, row) => sum + row[k]!, 0);
    const actualK = confusion[k]!.reduce((a, b) => a + b, 0);
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
    per_class: { f1, precision, recall },
  };
}
