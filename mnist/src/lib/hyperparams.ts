// The train executable's hyperparameters: all strings in the contract, parsed and checked here
// so that a typo fails at once with a message naming the culprit.
import { UsageError } from "./cli.ts";

export interface Hyperparams {
  model: "mlp" | "softmax";
  hidden: number;
  lr: number;
  epochs: number;
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
  batch: { accepts: "an integer from 1 to 65536 (mini-batch size)", parse: integer(1, 65536) },
  l2: { accepts: "a number >= 0 (L2 weight decay)", parse: decimal(0, Infinity, false, true) },
  optimizer: { accepts: '"sgd" or "adam"', parse: choice("sgd", "adam") },
  momentum: { accepts: "a number in [0, 1) (sgd only)", parse: decimal(0, 1, false, true) },
  schedule: { accepts: '"constant" or "linear" (decay the learning rate linearly to 0)', parse: choice("constant", "linear") },
  val_split: { accepts: "a number in [0, 1) (fraction of training data held out)", parse: decimal(0, 1, false, true) },
};

const DEFAULTS: Record<keyof Hyperparams, string> = {
  model: "mlp",
  hidden: "128",
  lr: "0.1", // for sgd; adam's default is ADAM_LR
  epochs: "5",
  batch: "32",
  l2: "0",
  optimizer: "sgd",
  momentum: "0.9",
  val_split: "0",
  schedule: "linear",
};
const ADAM_LR = "0.003"; // tuned for 5 epochs with linear decay; 0.001 underfits there

function isName(name: string): name is keyof Hyperparams {
  return Object.hasOwn(SPECS, name);
}

/** Parses the JSON object of strings the contract passes; throws UsageError on any bad entry. */
export function parseHyperparams(json: string, source: string): Hyperparams {
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
  const values = new Map<string, string | number>();
  for (const name of Object.keys(SPECS) as (keyof Hyperparams)[]) {
    const text = given.get(name) ?? (name === "lr" && optimizer === "adam" ? ADAM_LR : DEFAULTS[name]);
    const value = SPECS[name].parse(text);
    if (value === undefined) {
      throw new UsageError(`hyperparameter ${name}=${JSON.stringify(text)} is invalid; expected ${SPECS[name].accepts}`);
    }
    values.set(name, value);
  }
  return Object.fromEntries(values) as unknown as Hyperparams;
}
