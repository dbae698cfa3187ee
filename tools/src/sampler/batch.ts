// One batch of proposals, the loop every sampler here shares: read the space and the history's
// values, then propose one new configuration after another, each different from the history and
// from the batch so far (fresh.ts), from a sampler's draws and, optionally, its scores.
import { checkNotExhausted, drawNew, enumerateNew } from "./fresh.ts";
import { Rng } from "./random.ts";
import { canonicalValue, checkDistribution, type Distribution, parseValue } from "./space.ts";

/** What a sampler draws from, for one proposal of the batch. */
export interface Proposer {
  /** One candidate, as internal numbers in the space's (sorted) parameter order. */
  draw(): number[];
  /** Scores candidates (larger is better), or undefined to take the first new draw. */
  scorer?: (values: readonly number[]) => number;
  /** Candidates drawn per round; the best scored is proposed. */
  candidates: number;
}

/** What a sampler sees of the search: the parameters, their distributions, the history's values. */
export interface BatchContext {
  /** The space's parameter names, sorted: the order of every value array. */
  names: readonly string[];
  dists: readonly Distribution[];
  /** Each trial's internal values; undefined where missing or outside the space. */
  values: readonly (number | undefined)[][];
  rng: Rng;
}

/**
 * `count` new configurations, each a map from every parameter of the space to its string.
 * `start` sets up the sampler once (before any draw); `next` gives the proposer for each
 * proposal, with the batch's earlier proposals as `pending` (internal values).
 * The random stream is (seed, history length), so that batch after batch with one seed does not
 * replay the same draws. Throws the exhausted-space errors of fresh.ts.
 */
export function proposeBatch<Sampler>(
  space: Record<string, Distribution>,
  history: readonly { hyperparams: Record<string, string> }[],
  count: number,
  seed: number,
  start: (context: BatchContext) => Sampler,
  next: (sampler: Sampler, pending: readonly number[][]) => Proposer,
): Record<string, string>[] {
  const names = Object.keys(space).sort();
  const dists = names.map((name) => {
    const dist = space[name]!;
    checkDistribution(name, dist);
    return dist;
  });
  const key = (texts: readonly (string | undefined)[]) =>
    JSON.stringify(texts.map((t, j) => (t === undefined ? null : canonicalValue(dists[j]!, t))));

  const texts = history.map((h) => names.map((name) => h.hyperparams[name]));
  const values = texts.map((row) => row.map((t, j) => parseValue(dists[j]!, t)));
  const used = new Set(texts.map(key));
  checkNotExhausted(dists, values, count);

  const rng = new Rng(seed, history.length);
  const sampler = start({ names, dists, values, rng });
  const pending: number[][] = [];
  const proposals: Record<string, string>[] = [];
  for (let i = 0; i < count; i++) {
    const { draw, scorer, candidates } = next(sampler, pending);
    const proposal = drawNew(dists, used, key, draw, scorer, candidates) ?? enumerateNew(dists, used, key, scorer, rng, count - i);
    used.add(key(proposal));
    pending.push(proposal.map((t, j) => parseValue(dists[j]!, t)!));
    proposals.push(Object.fromEntries(names.map((name, j) => [name, proposal[j]!])));
  }
  return proposals;
}
