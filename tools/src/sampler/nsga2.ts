// NSGA-II (Deb, Pratap, Agarwal and Meyarivan, "A fast and elitist multiobjective genetic
// algorithm: NSGA-II", IEEE TEC 2002) with its constrained domination, batched: one call is one
// generation of `count` children. Elitist as in the paper and Optuna's NSGAIISampler: the parents
// are the survivors of every successful trial so far (fronts first, then crowding distance), the
// children are bred by binary tournaments on (rank, crowding distance), uniform crossover per
// parameter (Optuna's default) and mutation that draws a parameter afresh from the space.
// Until a population's worth of trials has succeeded, it proposes at random, drawing exactly as
// TPE's startup does.
import { crowdingDistances, nonDominatedRanks, selectSurvivors } from "../pareto/front.ts";
import { type Proposer, proposeBatch } from "./batch.ts";
import { checkGoals, type Goal, type MultiObservation, type Success, successes } from "./multi.ts";
import type { Rng } from "./random.ts";
import { type Distribution, sampleUniform } from "./space.ts";
import { DEFAULT_CANDIDATES } from "./tpe.ts";

export interface Nsga2Options {
  space: Record<string, Distribution>;
  /** Earlier trials, in a fixed order (ties between equal parents go to the earlier trial). */
  history: readonly MultiObservation[];
  /** One goal per objective, in the order of each trial's `values`. */
  goals: readonly Goal[];
  /** How many configurations to propose: one generation. */
  count: number;
  /** An integer; the same options and seed give the same proposals. */
  seed: number;
  /**
   * How many parents survive into the mating pool, and how many successful trials end the random
   * first generation. Default `count` (a generation is a batch). With batches of 1 the pool is
   * the one survivor and children are its mutations; on ZDT1 (64 trials, 20 seeds) that reached
   * a mean hypervolume of 10.45 against 10.12 with a pool of 8 and random search's 9.68.
   */
  populationSize?: number;
  /** The chance that a child is a crossover of two parents rather than a copy of one. Default 0.9 (Optuna's). */
  crossoverProbability?: number;
  /** In a crossover, the chance that a parameter comes from the second parent. Default 0.5 (Optuna's uniform crossover). */
  swappingProbability?: number;
  /** The chance that each parameter is drawn afresh from the space. Default 1 / the number of parameters. */
  mutationProbability?: number;
}

export const DEFAULT_CROSSOVER_PROBABILITY = 0.9;
export const DEFAULT_SWAPPING_PROBABILITY = 0.5;

/**
 * `count` new configurations, each a map from every parameter of the space to its string;
 * never one of the history or of the batch (a child that repeats one is bred again), and the
 * same exhausted-space errors as proposeTpe. Failed trials are never parents.
 */
export function proposeNsga2(options: Nsga2Options): Record<string, string>[] {
  const settings = checkOptions(options);
  const trials = successes(options.history, options.goals);
  return proposeBatch(
    options.space,
    options.history,
    options.count,
    options.seed,
    // The random generation draws from the space's own distribution, as TPE's startup does.
    ({ dists, values, rng }) =>
      trials.length < settings.populationSize
        ? () => dists.map((d) => sampleUniform(d, rng))
        : breeder(dists, values, rng, trials, settings),
    // Without a scorer the first new draw is taken: `candidates` only sets how many draws
    // (times fresh.ts's rounds) may repeat a configuration before the space counts as used up.
    (draw): Proposer => ({ draw, candidates: DEFAULT_CANDIDATES }),
  );
}

/**
 * Draws one child: the parents are the `populationSize` survivors of all successful trials;
 * each parent is the winner of a binary tournament between two different survivors (lower
 * rank, then larger crowding distance within its front, then the earlier trial). With the
 * crossover probability the child takes each parameter from a second parent with the swapping
 * probability, else it copies the first; then each parameter is drawn afresh from the space
 * with the mutation probability, or when the parent's value is missing or outside the space.
 */
function breeder(
  dists: readonly Distribution[],
  values: readonly (number | undefined)[][],
  rng: Rng,
  trials: readonly Success[],
  settings: Settings,
): () => number[] {
  const parents = selectSurvivors(trials.map((t) => t.point), settings.populationSize).map((i) => trials[i]!);
  const points = parents.map((p) => p.point);
  const ranks = nonDominatedRanks(points);
  const crowding = new Array<number>(parents.length).fill(0);
  for (const rank of new Set(ranks)) {
    const members = parents.flatMap((_, i) => (ranks[i] === rank ? [i] : []));
    const distances = crowdingDistances(members.map((i) => points[i]!.values));
    members.forEach((i, k) => (crowding[i] = distances[k]!));
  }
  // Parents are in history order, so the lower index is the earlier trial.
  const better = (a: number, b: number) =>
    ranks[a]! !== ranks[b]! ? ranks[a]! < ranks[b]! : crowding[a]! !== crowding[b]! ? crowding[a]! > crowding[b]! : a < b;
  const n = parents.length;
  const tournament = (): readonly (number | undefined)[] => {
    const a = rng.below(n);
    const b = n === 1 ? a : (a + 1 + rng.below(n - 1)) % n;
    return values[parents[better(a, b) ? a : b]!.index]!;
  };
  return () => {
    const child = [...tournament()];
    if (rng.uniform() < settings.crossoverProbability) {
      const second = tournament();
      for (let j = 0; j < child.length; j++) if (rng.uniform() < settings.swappingProbability) child[j] = second[j];
    }
    return child.map((x, j) => (x === undefined || rng.uniform() < settings.mutationProbability ? sampleUniform(dists[j]!, rng) : x));
  };
}

interface Settings {
  populationSize: number;
  crossoverProbability: number;
  swappingProbability: number;
  mutationProbability: number;
}

function checkOptions(options: Nsga2Options): Settings {
  checkGoals(options.goals);
  const { count } = options;
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`count must be a whole number >= 0, got ${count}`);
  if (!Number.isSafeInteger(options.seed)) throw new Error(`seed must be an integer, got ${options.seed}`);
  const parameters = Object.keys(options.space).length;
  if (parameters === 0) throw new Error("the space has no parameters");
  const populationSize = options.populationSize ?? Math.max(count, 1);
  if (!Number.isSafeInteger(populationSize) || populationSize < 1) {
    throw new Error(`populationSize must be a whole number >= 1, got ${populationSize}`);
  }
  const probability = (name: string, value: number) => {
    if (!(value >= 0 && value <= 1)) throw new Error(`${name} must be in [0, 1], got ${value}`);
    return value;
  };
  return {
    populationSize,
    crossoverProbability: probability("crossoverProbability", options.crossoverProbability ?? DEFAULT_CROSSOVER_PROBABILITY),
    swappingProbability: probability("swappingProbability", options.swappingProbability ?? DEFAULT_SWAPPING_PROBABILITY),
    mutationProbability: probability("mutationProbability", options.mutationProbability ?? 1 / parameters),
  };
}
