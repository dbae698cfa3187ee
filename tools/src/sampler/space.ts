// The search space: its distributions, and the one conversion between a parameter's internal
// number (the value, or a choice's index) and the string a trial's hyperparameters hold.
import { roundSignificant, starlarkFloat } from "./format.ts";
import { exp, ln } from "./fmath.ts";
import type { Rng } from "./random.ts";

export type Distribution =
  | { kind: "uniform"; low: number; high: number }
  | { kind: "loguniform"; low: number; high: number } // 0 < low < high
  | { kind: "int"; low: number; high: number } // integers, both ends included
  | { kind: "choice"; choices: string[] };

/** Fails with a message naming the parameter unless the distribution is well formed. */
export function checkDistribution(name: string, dist: Distribution): void {
  const bad = (why: string) => new Error(`space["${name}"]: ${why}, got ${JSON.stringify(dist)}`);
  if (dist.kind === "choice") {
    if (dist.choices.length === 0) throw bad("choice needs at least one choice");
    if (new Set(dist.choices).size !== dist.choices.length) throw bad("choice has a repeated choice");
    return;
  }
  if (!Number.isFinite(dist.low) || !Number.isFinite(dist.high) || !(dist.low < dist.high)) {
    throw bad(`${dist.kind} needs finite low < high`);
  }
  if (dist.kind === "loguniform" && !(dist.low > 0)) throw bad("loguniform needs 0 < low");
  if (dist.kind === "int" && !(Number.isSafeInteger(dist.low) && Number.isSafeInteger(dist.high))) {
    throw bad("int needs integer low and high");
  }
}

/**
 * A value as the trial's hyperparameter string, exactly as databazel's random search writes it:
 * floats as Starlark's str(round_significant(x, 4)) (e.g. "0.1551", "3.904e-05"), ints in
 * decimal, choices as the choice. For a choice, `x` is the choice's index.
 */
export function formatValue(dist: Distribution, x: number): string {
  switch (dist.kind) {
    case "choice": {
      const choice = dist.choices[x];
      if (choice === undefined) throw new Error(`no choice at index ${x} in ${JSON.stringify(dist.choices)}`);
      return choice;
    }
    case "int":
      return String(Math.round(x));
    default:
      return starlarkFloat(roundSignificant(x));
  }
}

/**
 * A hyperparameter string read back as the internal number, or undefined when it is not a value
 * of this distribution (outside the range, not an integer, not a choice): such a value says
 * nothing about this space, so the estimators leave it out.
 */
export function parseValue(dist: Distribution, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (dist.kind === "choice") {
    const index = dist.choices.indexOf(text);
    return index < 0 ? undefined : index;
  }
  const x = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(x) || x < dist.low || x > dist.high) return undefined;
  if (dist.kind === "int" && !Number.isInteger(x)) return undefined;
  return x;
}

/**
 * The string as it takes part in "same configuration?": the same number in databazel's
 * spelling ("1e-5" and "1e-05" are one value, "0.1" and "0.1000001" are not), else as given.
 */
export function canonicalValue(dist: Distribution, text: string): string {
  if (dist.kind === "choice") return text;
  const x = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(x)) return text;
  if (dist.kind === "int") return Number.isInteger(x) ? String(x) : text;
  return starlarkFloat(x);
}

/**
 * Whether a formatted value lies in the space. Rounding to 4 significant digits can step just
 * outside (low = 0.12344 has no 4-digit value at or above it below 0.1235), or a range can be
 * narrower than the digits resolve; such candidates are dropped rather than clamped.
 */
export function inSpace(dist: Distribution, text: string): boolean {
  return parseValue(dist, text) !== undefined;
}

/** One draw of the space's own (prior) distribution: what random search draws. */
export function sampleUniform(dist: Distribution, rng: Rng): number {
  const u = rng.uniform();
  switch (dist.kind) {
    case "choice":
      return Math.min(Math.floor(u * dist.choices.length), dist.choices.length - 1);
    case "int":
      return Math.min(dist.low + Math.floor(u * (dist.high - dist.low + 1)), dist.high);
    case "loguniform":
      return exp(ln(dist.low) + u * (ln(dist.high) - ln(dist.low)));
    case "uniform":
      return dist.low + u * (dist.high - dist.low);
  }
}

/** How many distinct strings the distribution can produce; Infinity for floats. */
export function cardinality(dist: Distribution): number {
  if (dist.kind === "choice") return dist.choices.length;
  if (dist.kind === "int") return dist.high - dist.low + 1;
  // Finite at 4 significant digits, but counting them is not worth it: a float space that runs
  // out is found by failing to draw anything new (see tpe.ts).
  return Infinity;
}
