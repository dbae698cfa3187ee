// The train executable's hyperparameters: all strings in the contract, parsed and checked here
// so that a typo fails at once with a message naming the culprit.
import { UsageError } from "./cli.ts";

export interface Hyperparams {
  model: "mlp" | "softmax";
  hidden: number;
  lr: number;
  /** Epochs to train in one go; null when training in segments (--start_epoch/--end_epoch say). */
  epochs: number | null;
  /**
   * The linear schedule's horizon: the learning rate falls linearly, step by step, to 0 at the
   * end of epoch decay_epochs, then stays at LR_FLOOR x lr. Segments of a run must not depend on
   * how long the run will be, so it is a hyperparameter rather than the run's last epoch:
   * by default `epochs` when training in one go (today's schedule), 10 when training in segments.
   */
  decay_epochs: number;
  batch: number;
  l2: number;
  optimizer: "sgd" | "adam";
  momentum: number;
  val_split: number;
  schedule: "constant" | "linear";
}

interface Spec {
  accepts: string;
  parse: (text: string) => string | number | undefined;
}

const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const decimal = (min: number, max: number, minOpen: boolean, maxOpen: boolean) => (text: string) => {
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  const ok = (minOpen ? value > min : value >= min) && (maxOpen ? value < max : value <= max);
  return ok && Number.isFinite(value) ? value : undefined;
};
const integer = (min: number, max: number) => (text: string) => {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max ? value : undefined;
};
const choice = (...options: string[]) => (text: string) => (options.includes(text) ? text : undefined);

const SPECS: Record<keyof Hyperparams, Spec> = {
  model: { accepts: '"mlp" or "softmax"', parse: choice("mlp", "softmax") },
  hidden: { accepts: "an integer from 1 to 4096 (hidden units; mlp only)", parse: integer(1, 4096) },
  lr: { accepts: "a number > 0 (learning rate)", parse: decimal(0, Infinity, true, true) },
  epochs: { accepts: "an integer from 1 to 1000", parse: integer(1, 1000) },
  decay_epochs: { accepts: "an integer from 1 to 1000 (epochs of linear learning-rate decay)", parse: integer(1, 1000) },
  batch: { accepts: "an integer from 1 to 65536 (mini-batch size)", parse: integer(1, 65536) },
  l2: { accepts: "a number >= 0 (L2 weight decay)", parse: decimal(0, Infinity, false, true) },
  optimizer: { accepts: '"sgd" or "adam"', parse: choice("sgd", "adam") },
  momentum: { accepts: "a number in [0, 1) (sgd only)", parse: decimal(0, 1, false, true) },
  schedule: { accepts: '"constant" or "linear" (decay the learning rate linearly to 0 over decay_epochs)', parse: choice("constant", "linear") },
  val_split: { accepts: "a number in [0, 1) (fraction of training data held out)", parse: decimal(0, 1, false, true) },
};

const DEFAULTS: Record<keyof Hyperparams, string> = {
  model: "mlp",
  hidden: "128",
  lr: "0.1", // for sgd; adam's default is ADAM_LR
  epochs: "5",
  decay_epochs: "10", // when training in segments; in one go, `epochs`
  batch: "32",
  l2: "0",
  optimizer: "sgd",
  momentum: "0.9",
  val_split: "0",
  schedule: "linear",
};
const ADAM_LR = "0.003"; // tuned for 5 epochs with linear decay; 0.001 underfits there

/** The linear schedule's learning rate after its horizon, as a fraction of lr. */
export const LR_FLOOR = 0.01;

function isName(name: string): name is keyof Hyperparams {
  return Object.hasOwn(SPECS, name);
}

/**
 * Parses the JSON object of strings the contract passes; throws UsageError on any bad entry.
 * `segmented`: training runs in segments of epochs, so "epochs" must be absent.
 */
export function parseHyperparams(json: string, source: string, segmented = false): Hyperparams {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UsageError(`${source} is not valid JSON: ${json.slice(0, 200)}`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${source} must be a JSON object of strings, got ${json.slice(0, 200)}`);
  }
  const given = new Map<keyof Hyperparams, string>();
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
      `hyperparameter epochs=${JSON.stringify(given.get("epochs"))} cannot be combined with --start_epoch/--end_epoch, which say which epochs to train`,
    );
  }
  const values = new Map<string, string | number | null>();
  for (const name of Object.keys(SPECS) as (keyof Hyperparams)[]) {
    if (name === "epochs" && segmented) {
      values.set(name, null);
      continue;
    }
    const fallback =
      name === "lr" && optimizer === "adam"
        ? ADAM_LR
        : name === "decay_epochs" && !segmented
          ? (given.get("epochs") ?? DEFAULTS.epochs)
          : DEFAULTS[name];
    const text = given.get(name) ?? fallback;
    const value = SPECS[name].parse(text);
    if (value === undefined) {
      throw new UsageError(`hyperparameter ${name}=${JSON.stringify(text)} is invalid; expected ${SPECS[name].accepts}`);
    }
    values.set(name, value);
  }
  return Object.fromEntries(values) as unknown as Hyperparams;
}
