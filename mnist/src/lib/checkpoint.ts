// Checkpoints of segmented training (the databazel-mnist/2 file format, see network.ts): the
// model, plus what the next segment needs to continue exactly - the optimizer state and the
// epochs and steps done - and what it must agree with: hyperparameters, seed, layer sizes and
// number of training samples. A checkpoint is also a model: eval reads it and skips the rest.
import { Failure, UsageError } from "./cli.ts";
import type { Hyperparams } from "./hyperparams.ts";
import { CHECKPOINT_FORMAT, type Network, readModelFile, serialize } from "./network.ts";
import { type OptimizerState, parameterArrays } from "./training.ts";

/** Where training stands, and with what, when a checkpoint is written or resumed. */
export interface Position {
  /** Epochs completed: written after epoch E, resumed with --start_epoch E. */
  completedEpochs: number;
  seed: number;
  layers: readonly number[];
  trainExamples: number;
  hp: Hyperparams;
}

/** The hyperparameters a checkpoint records (all but epochs, which segments leave out), sorted. */
function recorded(hp: Hyperparams): Record<string, string | number> {
  const entries = Object.entries(hp).filter((e): e is [string, string | number] => e[0] !== "epochs" && e[1] !== null);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const ARRAYS = "each parameter array (layer 0 weights, layer 0 biases, layer 1 weights...)";

export function writeCheckpoint(net: Network, state: OptimizerState, at: Position): Buffer {
  const adam = at.hp.optimizer === "adam";
  const arrays = adam ? [...state.m, ...state.v] : state.m;
  const header = {
    completed_epochs: at.completedEpochs,
    completed_steps: state.steps,
    hyperparams: recorded(at.hp),
    optimizer_state: adam
      ? `adam: the first moments of ${ARRAYS}, then their second moments`
      : `sgd: the momentum velocity of ${ARRAYS}`,
    optimizer_state_floats: arrays.reduce((n, a) => n + a.length, 0),
    seed: at.seed,
    train_examples: at.trainExamples,
  };
  return serialize(net, { header, state: arrays });
}

const show = (value: unknown) => JSON.stringify(value) ?? "absent";

/**
 * Reads the checkpoint at `path` to resume training at `expected`; throws UsageError naming
 * everything that differs (epochs done, hyperparameters, seed, layer sizes, training samples).
 */
export function readCheckpoint(bytes: Buffer, path: string, expected: Position): { net: Network; state: OptimizerState } {
  const file = readModelFile(bytes, path);
  if (!file.checkpoint) {
    throw new UsageError(
      `--init_checkpoint ${path} is a ${file.format} model without optimizer state, not a ${CHECKPOINT_FORMAT} ` +
        `checkpoint (train writes those when given --start_epoch and --end_epoch)`,
    );
  }
  const { header, state: flat } = file.checkpoint;
  const differences: string[] = [];
  const differ = (what: string, there: unknown, here: unknown, where = "in this run") => {
    if (show(there) !== show(here)) differences.push(`${what}: ${show(there)} in the checkpoint, ${show(here)} ${where}`);
  };
  differ("completed epochs", header.completed_epochs, expected.completedEpochs, "per --start_epoch");
  differ("layer sizes", [file.net[0]!.nIn, ...file.net.map((l) => l.nOut)], expected.layers);
  const theirs = (typeof header.hyperparams === "object" && header.hyperparams) || {};
  const ours = recorded(expected.hp);
  for (const name of [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort()) {
    differ(`hyperparameter ${name}`, (theirs as Record<string, unknown>)[name], ours[name]);
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
  if (!Number.isInteger(steps) || (steps as number) < 0 || flat.length !== moments * floats) {
    throw new Failure(`${path} is corrupt: bad completed_steps or optimizer state size`);
  }
  let offset = 0;
  const take = (n: number) => flat.slice(offset, (offset += n));
  const m = arrays.map((a) => take(a.length));
  const v = arrays.map((a) => take(moments === 2 ? a.length : 0));
  return { net: file.net, state: { steps: steps as number, m, v } };
}
