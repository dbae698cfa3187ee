// The Tree-structured Parzen Estimator (Bergstra et al., "Algorithms for Hyper-Parameter
// Optimization", 2011), univariate as in Optuna's TPESampler: split the trials so far into
// good and bad, fit one Parzen estimator per parameter to each group, draw candidates from the
// good ones, and propose the candidate with the largest l(x) / g(x).
//
// Pure and seeded: the proposals depend only on the options, and are the same bits on every
// Node and platform (see random.ts and fmath.ts), so it can run inside a Bazel action.
import { type Proposer, proposeBatch } from "./batch.ts";
import { type Estimator, parzenEstimator } from "./parzen.ts";
import { type Distribution, sampleUniform } from "./space.ts";

export type { Distribution } from "./space.ts";
export { formatValue } from "./space.ts";

/** A finished trial. `value` is null when the trial failed. */
export interface Observation {
  hyperparams: Record<string, string>;
  value: number | null;
}

export interface TpeOptions extends ParzenOptions {
  history: readonly Observation[];
  goal: "maximize" | "minimize";
}

// The defaults. Optuna's gamma is 0.1 (good = min(ceil(0.1 n), 25)); databazel's searches are
// small, since each trial is a training, and with 0.1 the good group is one trial until n = 10,
// so l is a single kernel. 0.25 (Hyperopt's gamma) did better at 16 to 64 trials on every test
// function of tests/sampler/benchmark.ts (41 seeds, batches of 1, 4 and 8); the cap of 25 is
// Optuna's. 24 candidates is Optuna's and Hyperopt's default. Startup: after 4 successful
// trials the model has something to split; Optuna waits for 10, which at batches of 4 spends
// most of a 32-trial budget at random, and measured no better here.
export const DEFAULT_GAMMA = 0.25;
export const MAX_GOOD = 25;
export const DEFAULT_CANDIDATES = 24;
export const DEFAULT_STARTUP_TRIALS = 4;

/**
 * `count` new configurations, each a map from every parameter of the space to its string.
 * Never one already in `history` (compared on the space's parameters) nor one proposed earlier
 * in the batch; throws when a finite space has fewer than `count` configurations left.
 */
export function proposeTpe(options: TpeOptions): Record<string, string>[] {
  const { goal } = options;
  if (goal !== "maximize" && goal !== "minimize") throw new Error(`goal must be "maximize" or "minimize", got ${goal}`);
  // A failed trial, and one whose metric is NaN or infinite, has no usable value.
  const successes = options.history.flatMap((h, index) =>
    h.value !== null && Number.isFinite(h.value) ? [{ index, score: h.value }] : [],
  );
  const sign = goal === "maximize" ? -1 : 1;
  return proposeParzen(options, {
    successes: successes.length,
    // The best ceil(gamma * n) successful trials; equal values in history order.
    good: (nGood) => [...successes].sort((a, b) => sign * (a.score - b.score) || a.index - b.index).slice(0, nGood).map((s) => s.index),
  });
}

/** The options TPE's search shares with its variants (the multi-objective one, motpe.ts). */
export interface ParzenOptions {
  space: Record<string, Distribution>;
  /** Earlier trials, in a fixed order (oldest first: beyond 25, older ones weigh less). */
  history: readonly { hyperparams: Record<string, string> }[];
  /** How many configurations to propose. */
  count: number;
  /** An integer; the same options and seed give the same proposals. */
  seed: number;
  /** The fraction of successful trials that are "good": ceil(gamma * n), at most 25. Default 0.25. */
  gamma?: number;
  /** Candidates drawn from the good estimators per proposal. Default 24. */
  candidates?: number;
  /** Below this many successful trials, propose at random from the space. Default 4. */
  startupTrials?: number;
}

/**
 * How a variant of TPE splits the history into good and bad: how many trials succeeded, and the
 * history indices of the `nGood` best successful ones. Every other trial, failed ones included,
 * is bad.
 */
export interface GoodSplit {
  successes: number;
  good(nGood: number): Iterable<number>;
}

/**
 * TPE's search given a way to pick the good trials: random below the startup trials, then the
 * Parzen estimators of the good and bad trials and the candidate with the largest l / g. The
 * rest is as proposeTpe documents it.
 */
export function proposeParzen(options: ParzenOptions, split: GoodSplit): Record<string, string>[] {
  const settings = checkOptions(options);
  return proposeBatch(
    options.space,
    options.history,
    options.count,
    options.seed,
    ({ dists, values, rng }) => ({ dists, rng, model: tpeModel(dists, values, split, settings) }),
    ({ dists, rng, model }, pending): Proposer =>
      model
        ? { draw: () => model.good.map((l) => l.sample(rng)), scorer: model.scorer(pending), candidates: settings.candidates }
        : { draw: () => dists.map((d) => sampleUniform(d, rng)), candidates: settings.candidates },
  );
}

interface Settings {
  gamma: number;
  candidates: number;
  startupTrials: number;
}

function checkOptions(options: ParzenOptions): Settings {
  const { count, gamma = DEFAULT_GAMMA, candidates = DEFAULT_CANDIDATES } = options;
  const startupTrials = options.startupTrials ?? DEFAULT_STARTUP_TRIALS;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a whole number >= 0, got ${count}`);
  if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  if (!(gamma > 0 && gamma <= 1)) throw new Error(`gamma must be in (0, 1], got ${gamma}`);
  if (!Number.isSafeInteger(candidates) || candidates < 1) {
    throw new Error(`candidates must be a whole number >= 1, got ${candidates}`);
  }
  // Infinity is allowed: random search that never repeats a configuration.
  if (!(startupTrials >= 0)) throw new Error(`startupTrials must be >= 0, got ${startupTrials}`);
  if (Object.keys(options.space).length === 0) throw new Error("the space has no parameters");
  return { gamma, candidates, startupTrials };
}

interface TpeModel {
  /** l: one estimator per parameter, from the good trials. */
  good: Estimator[];
  /** ln l(x) - ln g(x) summed over the parameters, g from the bad trials plus `pending`. */
  scorer(pending: readonly number[][]): (values: readonly number[]) => number;
}

/**
 * The estimators, or null while there are too few successful trials to model (random search).
 * Good: the split's best ceil(gamma * n) of the n successful trials (at most 25).
 * Bad: the other successful trials, every failed one (failures are what to stay away from:
 * a learning rate that diverges fails), and this batch's earlier proposals, which count as bad
 * until they are run (Optuna's "constant liar"), so that one batch spreads out instead of
 * proposing its best guess four times over. A trial whose value for a parameter is missing or
 * outside the space is left out of that parameter's estimators.
 */
function tpeModel(
  dists: readonly Distribution[],
  values: readonly (number | undefined)[][],
  split: GoodSplit,
  settings: Settings,
): TpeModel | null {
  if (split.successes === 0 || split.successes < settings.startupTrials) return null;
  const nGood = Math.min(Math.ceil(settings.gamma * split.successes), MAX_GOOD);
  const isGood = new Set(split.good(nGood));

  // Observed values per parameter, in history order.
  const column = (j: number, good: boolean) =>
    values.flatMap((v, index) => (isGood.has(index) === good && v[j] !== undefined ? [v[j]!] : []));
  const good = dists.map((d, j) => parzenEstimator(d, column(j, true)));
  const badColumns = dists.map((_, j) => column(j, false));
  return {
    good,
    scorer(pending) {
      const bad = dists.map((d, j) => parzenEstimator(d, [...badColumns[j]!, ...pending.map((p) => p[j]!)]));
      return (values) => values.reduce((sum, x, j) => sum + good[j]!.logDensity(x) - bad[j]!.logDensity(x), 0);
    },
  };
}
