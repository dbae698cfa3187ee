// The Tree-structured Parzen Estimator (Bergstra et al., "Algorithms for Hyper-Parameter
// Optimization", 2011), univariate as in Optuna's TPESampler: split the trials so far into
// good and bad, fit one Parzen estimator per parameter to each group, draw candidates from the
// good ones, and propose the candidate with the largest l(x) / g(x).
//
// Pure and seeded: the proposals depend only on the options, and are the same bits on every
// Node and platform (see random.ts and fmath.ts), so it can run inside a Bazel action.
import { checkNotExhausted, drawNew, enumerateNew } from "./fresh.ts";
import { type Estimator, parzenEstimator } from "./parzen.ts";
import { Rng } from "./random.ts";
import { canonicalValue, checkDistribution, type Distribution, parseValue, sampleUniform } from "./space.ts";

export type { Distribution } from "./space.ts";
export { formatValue } from "./space.ts";

/** A finished trial. `value` is null when the trial failed. */
export interface Observation {
  hyperparams: Record<string, string>;
  value: number | null;
}

export interface TpeOptions {
  space: Record<string, Distribution>;
  /** Earlier trials, in a fixed order (oldest first: beyond 25, older ones weigh less). */
  history: readonly Observation[];
  goal: "maximize" | "minimize";
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
  const settings = checkOptions(options);
  const names = Object.keys(options.space).sort();
  const dists = names.map((name) => {
    const dist = options.space[name]!;
    checkDistribution(name, dist);
    return dist;
  });
  const key = (texts: readonly (string | undefined)[]) =>
    JSON.stringify(texts.map((t, j) => (t === undefined ? null : canonicalValue(dists[j]!, t))));

  const history = options.history.map((h) => ({
    texts: names.map((name) => h.hyperparams[name]),
    values: names.map((name, j) => parseValue(dists[j]!, h.hyperparams[name])),
    // A failed trial, and one whose metric is NaN or infinite, has no usable value.
    score: h.value !== null && Number.isFinite(h.value) ? h.value : null,
  }));
  const used = new Set(history.map((h) => key(h.texts)));
  checkNotExhausted(dists, history.map((h) => h.values), options.count);

  // The stream depends on the history's length too, so that batch after batch with one seed
  // does not replay the same draws.
  const rng = new Rng(options.seed, options.history.length);
  const model = tpeModel(dists, history, options.goal, settings);
  const pending: number[][] = [];
  const proposals: Record<string, string>[] = [];
  for (let i = 0; i < options.count; i++) {
    const scorer = model?.scorer(pending);
    const draw = model ? () => model.good.map((l) => l.sample(rng)) : () => dists.map((d) => sampleUniform(d, rng));
    const texts =
      drawNew(dists, used, key, draw, scorer, settings.candidates) ??
      enumerateNew(dists, used, key, scorer, rng, options.count - i);
    used.add(key(texts));
    pending.push(texts.map((t, j) => parseValue(dists[j]!, t)!));
    proposals.push(Object.fromEntries(names.map((name, j) => [name, texts[j]!])));
  }
  return proposals;
}

interface Settings {
  gamma: number;
  candidates: number;
  startupTrials: number;
}

function checkOptions(options: TpeOptions): Settings {
  const { goal, count, gamma = DEFAULT_GAMMA, candidates = DEFAULT_CANDIDATES } = options;
  const startupTrials = options.startupTrials ?? DEFAULT_STARTUP_TRIALS;
  if (goal !== "maximize" && goal !== "minimize") throw new Error(`goal must be "maximize" or "minimize", got ${goal}`);
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

interface ParsedTrial {
  texts: (string | undefined)[];
  values: (number | undefined)[];
  score: number | null;
}

interface TpeModel {
  /** l: one estimator per parameter, from the good trials. */
  good: Estimator[];
  /** ln l(x) - ln g(x) summed over the parameters, g from the bad trials plus `pending`. */
  scorer(pending: readonly number[][]): (values: readonly number[]) => number;
}

/**
 * The estimators, or null while there are too few successful trials to model (random search).
 * Good: the best ceil(gamma * n) successful trials (at most 25; equal values in history order).
 * Bad: the other successful trials, every failed one (failures are what to stay away from:
 * a learning rate that diverges fails), and this batch's earlier proposals, which count as bad
 * until they are run (Optuna's "constant liar"), so that one batch spreads out instead of
 * proposing its best guess four times over. A trial whose value for a parameter is missing or
 * outside the space is left out of that parameter's estimators.
 */
function tpeModel(
  dists: readonly Distribution[],
  history: readonly ParsedTrial[],
  goal: "maximize" | "minimize",
  settings: Settings,
): TpeModel | null {
  const successes = history.flatMap((h, index) => (h.score === null ? [] : [{ index, score: h.score }]));
  if (successes.length === 0 || successes.length < settings.startupTrials) return null;
  const sign = goal === "maximize" ? -1 : 1;
  const ranked = [...successes].sort((a, b) => sign * (a.score - b.score) || a.index - b.index);
  const nGood = Math.min(Math.ceil(settings.gamma * successes.length), MAX_GOOD);
  const isGood = new Set(ranked.slice(0, nGood).map((s) => s.index));

  // Observed values per parameter, in history order.
  const column = (j: number, good: boolean) =>
    history.flatMap((h, index) => (isGood.has(index) === good && h.values[j] !== undefined ? [h.values[j]!] : []));
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
