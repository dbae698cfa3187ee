// The hyperparameters of an exported search as the hparams plugin describes them: each one's
// type and domain, from what the search declared (its `space`, `grid` and fixed `hyperparams`)
// and the values its trials ran with; and each trial's values in that type.
import type { HParamInfo, HParamValue } from "./events.ts";

/** What a hyperparam_search declared, as its rule's attributes hold it after the macro ran. */
export interface Declared {
  fixed: Record<string, string>;
  grid: Record<string, string[]>;
  /** Name to distribution: `uniform(lo, hi)`, `loguniform(lo, hi)`, `int(lo, hi)`, `choice(a, b, ...)`. */
  space: Record<string, string>;
}

/** A number as hyperparameter strings write them ("0.1", "1e-05", "64"). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const isNumber = (text: string): boolean => NUMBER.test(text.trim());

type Parsed = { interval: { min: number; max: number } } | { discrete: string[] };

/** A `space` expression, as databazel/private/trials.bzl parses it; undefined when malformed. */
export function parseDistribution(expr: string): Parsed | undefined {
  const match = expr.trim().match(/^(\w+)\s*\((.*)\)$/s);
  if (!match) return undefined;
  const [, kind, args] = match as unknown as [string, string, string];
  const parts = args.split(",").map((p) => p.trim());
  if (kind === "choice") return { discrete: parts.map((p) => p.replace(/^["']+|["']+$/g, "")) };
  if (!["uniform", "loguniform", "int"].includes(kind) || parts.length !== 2 || !parts.every(isNumber)) return undefined;
  return { interval: { min: Number(parts[0]), max: Number(parts[1]) } };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the first of each value, numbers compared as numbers ("1e-5" and "1e-05" are one). */
function unique(values: HParamValue[]): HParamValue[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = typeof v === "number" ? `n${v}` : `s${String(v)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the search declared for one hyperparameter: the values listed, or a range; and in words. */
function declaredDomain(name: string, declared: Declared | undefined): { listed?: string[]; range?: { min: number; max: number }; description: string } {
  const expr = declared?.space[name];
  if (expr !== undefined) {
    const dist = parseDistribution(expr);
    const description = `space: ${expr}`;
    return dist && "interval" in dist ? { range: dist.interval, description } : { ...(dist ? { listed: dist.discrete } : {}), description };
  }
  const axis = declared?.grid[name];
  if (axis) return { listed: axis, description: `grid: ${axis.join(", ")}` };
  const fixed = declared?.fixed[name];
  if (fixed !== undefined) return { listed: [fixed], description: `fixed: ${fixed}` };
  return { description: "the values the trials ran with" };
}

/**
 * One HParamInfo per hyperparameter any trial has, sorted by name. A `space` range is an
 * interval (widened to take in every trial's value, which rounding can put just outside); a
 * choice, a grid axis or a fixed value is a discrete domain, in the declared order, with any
 * other value a trial ran with after it. A hyperparameter is a number (FLOAT64) when every value
 * it has is one, else a string. Without `declared` the domains are the trials' values.
 */
export function hparamInfos(trials: readonly Record<string, string>[], declared: Declared | undefined): HParamInfo[] {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t)))].sort(byText);
  return names.map((name): HParamInfo => {
    const observed = [...new Set(trials.flatMap((t) => (name in t ? [t[name]!] : [])))].sort(byText);
    const { listed = [], range, description } = declaredDomain(name, declared);
    const numeric = [...listed, ...observed].every(isNumber);
    if (range && numeric) {
      const values = observed.map(Number);
      return { name, type: "float64", domain: { interval: { min: Math.min(range.min, ...values), max: Math.max(range.max, ...values) } }, description };
    }
    const others = observed.filter((v) => !listed.includes(v));
    if (numeric) others.sort((a, b) => Number(a) - Number(b));
    const values = [...listed, ...others].map((v) => (numeric ? Number(v) : v));
    return { name, type: numeric ? "float64" : "string", domain: { discrete: unique(values) }, description };
  });
}

/** A trial's hyperparameters in the types `infos` give them: numbers as numbers. */
export function typedHparams(hparams: Record<string, string>, infos: readonly HParamInfo[]): Record<string, HParamValue> {
  const types = new Map(infos.map((i) => [i.name, i.type]));
  return Object.fromEntries(
    Object.entries(hparams).map(([k, v]) => [k, (types.get(k) ?? (isNumber(v) ? "float64" : "string")) === "float64" && isNumber(v) ? Number(v) : v]),
  );
}
