// One parameter's Parzen estimator: a mixture with one kernel per observed value plus a prior
// kernel over the whole range, as in Bergstra et al. (2011) and Optuna's TPESampler defaults
// (consider_prior, prior_weight 1, consider_magic_clip, not consider_endpoints, default_weights).
//   uniform     truncated Gaussians on [low, high]
//   loguniform  the same on [ln low, ln high]
//   int         Gaussians truncated to [low - 1/2, high + 1/2], whose mass on [k - 1/2, k + 1/2]
//               is the probability of k (Optuna's discrete kernels), samples rounded
//   choice      each observation's choice with smoothed counts, the prior uniform
import { exp, ln, lnNormalMass, logSumExp } from "./fmath.ts";
import type { Rng } from "./random.ts";
import type { Distribution } from "./space.ts";

export interface Estimator {
  /** A draw, as the internal number (the value, or a choice's index). */
  sample(rng: Rng): number;
  /** ln of the density (or probability, for int and choice) at an internal number. */
  logDensity(x: number): number;
}

const PRIOR_WEIGHT = 1;
const LN_SQRT_2PI = 0.9189385332046728;

/**
 * Optuna's default_weights: equal weights, except that beyond 25 observations the older ones
 * fade in linearly from 1/n, so a long history follows where the search went lately.
 * `observations` are in history order, oldest first.
 */
export function observationWeights(n: number): number[] {
  if (n <= 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  const weights: number[] = [];
  for (let i = 0; i < ramp; i++) weights.push(ramp === 1 ? 1 / n : 1 / n + (i * (1 - 1 / n)) / (ramp - 1));
  return weights.concat(new Array<number>(25).fill(1));
}

/** The estimator of `dist` from observed internal values (in history order). */
export function parzenEstimator(dist: Distribution, observations: readonly number[]): Estimator {
  const weights = [...observationWeights(observations.length), PRIOR_WEIGHT];
  const total = weights.reduce((a, b) => a + b, 0);
  const normalized = weights.map((w) => w / total);
  return dist.kind === "choice"
    ? categorical(dist.choices.length, observations, normalized)
    : numerical(dist, observations, normalized);
}

function categorical(n: number, observations: readonly number[], weights: readonly number[]): Estimator {
  // Each observation's kernel: its choice gets 1 + prior/K, every choice prior/K (K kernels);
  // the prior kernel is uniform. Mixed, that is a smoothed count of the observed choices.
  const kernels = observations.length + 1;
  const smoothing = PRIOR_WEIGHT / kernels;
  const probs = new Array<number>(n).fill(weights[observations.length]! / n);
  observations.forEach((choice, i) => {
    const norm = 1 + n * smoothing;
    for (let c = 0; c < n; c++) probs[c]! += (weights[i]! * ((c === choice ? 1 : 0) + smoothing)) / norm;
  });
  const logProbs = probs.map((p) => ln(p));
  return {
    sample: (rng) => pick(probs, rng.uniform()),
    logDensity: (x) => logProbs[x] ?? -Infinity,
  };
}

function numerical(
  dist: Extract<Distribution, { low: number }>,
  observations: readonly number[],
  weights: readonly number[],
): Estimator {
  const log = dist.kind === "loguniform";
  const step = dist.kind === "int" ? 1 : 0;
  const low = log ? ln(dist.low) : dist.low;
  const high = log ? ln(dist.high) : dist.high;
  const mus = [...observations.map((x) => (log ? ln(x) : x)), 0.5 * (low + high)];
  const sigmas = bandwidths(mus, low - step / 2, high + step / 2);
  // Optuna's "magic clip": no kernel narrower than range / (kernels + 1), up to 100 kernels;
  // none wider than the range. The prior kernel is as wide as the range.
  const range = high - low + step;
  const minSigma = range / Math.min(100, 1 + mus.length);
  for (let i = 0; i < sigmas.length; i++) sigmas[i] = Math.min(Math.max(sigmas[i]!, minSigma), range);
  sigmas[sigmas.length - 1] = range;

  const lo = low - step / 2;
  const hi = high + step / 2;
  const lnWeights = weights.map((w) => ln(w));
  const lnMass = mus.map((mu, i) => lnNormalMass((lo - mu) / sigmas[i]!, (hi - mu) / sigmas[i]!));
  const lnSigmas = sigmas.map((s) => ln(s));

  const kernelLogDensity = (y: number, i: number): number => {
    const mu = mus[i]!;
    const sigma = sigmas[i]!;
    const z = (y - mu) / sigma; // z * z, not z ** 2: the spec leaves ** to the engine
    const inside = step
      ? lnNormalMass((y - step / 2 - mu) / sigma, (y + step / 2 - mu) / sigma)
      : -0.5 * z * z - lnSigmas[i]! - LN_SQRT_2PI;
    return lnWeights[i]! + inside - lnMass[i]!;
  };

  return {
    sample(rng) {
      const i = pick(weights, rng.uniform());
      const y = truncatedNormal(rng, mus[i]!, sigmas[i]!, lo, hi);
      if (step) return Math.min(Math.max(Math.round(y), dist.low), dist.high);
      if (log) return Math.min(Math.max(exp(y), dist.low), dist.high);
      return y;
    },
    logDensity(x) {
      const y = log ? ln(x) : x;
      return logSumExp(mus.map((_, i) => kernelLogDensity(y, i)));
    },
  };
}

/**
 * Each kernel's width: the larger gap to its neighbours among the sorted centres, with the
 * range's ends as neighbours of the outermost, except that the outermost use their inner gap
 * (Optuna without consider_endpoints: an observation near an edge is not made wider by it).
 */
function bandwidths(mus: readonly number[], low: number, high: number): number[] {
  const order = mus.map((_, i) => i).sort((a, b) => mus[a]! - mus[b]! || a - b);
  const sorted = [low, ...order.map((i) => mus[i]!), high];
  const sigmas = new Array<number>(mus.length);
  order.forEach((index, k) => {
    const j = k + 1;
    sigmas[index] = Math.max(sorted[j]! - sorted[j - 1]!, sorted[j + 1]! - sorted[j]!);
  });
  if (sorted.length >= 4) {
    sigmas[order[0]!] = sorted[2]! - sorted[1]!;
    sigmas[order[order.length - 1]!] = sorted[sorted.length - 2]! - sorted[sorted.length - 3]!;
  }
  return sigmas;
}

/**
 * A normal draw kept only inside [lo, hi]. Every centre is in the range and no width exceeds
 * it, so at least a third of the draws land inside; the bound on tries only guards the loop.
 */
function truncatedNormal(rng: Rng, mu: number, sigma: number, lo: number, hi: number): number {
  for (let tries = 0; tries < 1000; tries++) {
    const y = mu + sigma * rng.normal();
    if (y >= lo && y <= hi) return y;
  }
  return Math.min(Math.max(mu, lo), hi);
}

/** The index that u in [0, 1) falls on when the weights (summing to ~1) are laid end to end. */
function pick(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i]!;
    if (u * total < acc) return i;
  }
  return weights.length - 1;
}
