// Finding configurations not tried yet: a proposal must differ (as hyperparameter strings) from
// every trial of the history and from the batch's earlier proposals. Drawing usually finds one
// at once; small finite spaces are enumerated when it does not, and an exhausted space is an
// error that says so.
import type { Rng } from "./random.ts";
import { cardinality, type Distribution, formatValue, inSpace, parseValue } from "./space.ts";

/** Rounds of `candidates` draws before a proposal gives up drawing and looks for what is left. */
const DRAW_ROUNDS = 16;
/** Finite spaces up to this size are enumerated when drawing finds nothing new. */
const ENUMERATION_LIMIT = 100_000;

/** A configuration's identity: its strings in the space's (sorted) parameter order. */
export type Key = (texts: readonly (string | undefined)[]) => string;

/**
 * The best new configuration among rounds of `candidates` draws: the first new one when there
 * is no scorer (random search), the one with the largest score otherwise. Values are scored as
 * formatted, i.e. as the trial will record them. Undefined when every draw was a repeat.
 */
export function drawNew(
  dists: readonly Distribution[],
  used: ReadonlySet<string>,
  key: Key,
  draw: () => number[],
  scorer: ((values: readonly number[]) => number) | undefined,
  candidates: number,
): string[] | undefined {
  for (let round = 0; round < DRAW_ROUNDS; round++) {
    let best: { texts: string[]; score: number } | undefined;
    for (let c = 0; c < candidates; c++) {
      const texts = draw().map((x, j) => formatValue(dists[j]!, x));
      if (!texts.every((t, j) => inSpace(dists[j]!, t)) || used.has(key(texts))) continue;
      if (!scorer) return texts;
      const score = scorer(texts.map((t, j) => parseValue(dists[j]!, t)!));
      if (!best || score > best.score) best = { texts, score };
    }
    if (best) return best.texts;
  }
  return undefined;
}

/**
 * When drawing finds nothing new: in a small finite space, the best (or, without a scorer, a
 * random) configuration not yet used; otherwise an error, since the space is (nearly) used up.
 */
export function enumerateNew(
  dists: readonly Distribution[],
  used: ReadonlySet<string>,
  key: Key,
  scorer: ((values: readonly number[]) => number) | undefined,
  rng: Rng,
  wanted: number,
): string[] {
  const size = dists.reduce((n, d) => n * cardinality(d), 1);
  if (size > ENUMERATION_LIMIT) {
    throw new Error(
      `proposeTpe: ${DRAW_ROUNDS} rounds of draws gave only configurations already tried; ` +
        `the space seems exhausted (floats are written with 4 significant digits, so a narrow ` +
        `range has few distinct values), and ${wanted} more configuration(s) were asked for`,
    );
  }
  const fresh: { texts: string[]; values: number[] }[] = [];
  for (const values of allConfigurations(dists)) {
    const texts = values.map((x, j) => formatValue(dists[j]!, x));
    if (!used.has(key(texts))) fresh.push({ texts, values });
  }
  if (fresh.length === 0) throw exhausted(size, wanted, 0);
  if (!scorer) return fresh[rng.below(fresh.length)]!.texts;
  let best = fresh[0]!;
  let bestScore = scorer(best.values);
  for (const f of fresh.slice(1)) {
    const score = scorer(f.values);
    if (score > bestScore) [best, bestScore] = [f, score];
  }
  return best.texts;
}

/** Every configuration of a finite space (ints and choices only), as internal values. */
function* allConfigurations(dists: readonly Distribution[]): Generator<number[]> {
  const first = dists.map((d) => (d.kind === "int" ? d.low : 0));
  const last = dists.map((d, j) => first[j]! + cardinality(d) - 1);
  const values = [...first];
  for (;;) {
    yield [...values];
    let j = dists.length - 1;
    while (j >= 0 && values[j] === last[j]) values[j] = first[j--]!;
    if (j < 0) return;
    values[j]!++;
  }
}

/**
 * Fails before proposing anything when a finite space (ints and choices only) has fewer unused
 * configurations than asked for. Only the history's configurations inside the space count.
 */
export function checkNotExhausted(
  dists: readonly Distribution[],
  history: readonly (number | undefined)[][],
  count: number,
): void {
  const size = dists.reduce((n, d) => n * cardinality(d), 1);
  if (!Number.isFinite(size) || size >= Number.MAX_SAFE_INTEGER) return;
  const inside = new Set(history.filter((values) => values.every((v) => v !== undefined)).map((v) => JSON.stringify(v)));
  if (size - inside.size < count) throw exhausted(size, count, size - inside.size);
}

function exhausted(size: number, wanted: number, left: number): Error {
  return new Error(
    `proposeTpe: the search space is exhausted: it has ${size} distinct configuration(s), ` +
      `${left} of them not yet tried, and ${wanted} new one(s) were asked for`,
  );
}
