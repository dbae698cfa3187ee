// What a sampler executable reads (`--history`) and writes (`--output`): the contract of
// `hyperparam_search(sampler = ":my_sampler")` (tools/src/contract.ts, docs/contract.md). The
// history is written by the DatabazelSampler action; the proposals it writes are checked here,
// so that a malformed batch fails with what is wrong and how to fix it.
import { canonicalValue, inSpace, type Distribution } from "../sampler/space.ts";
import type { Goal } from "./leaderboard.ts";
import type { Constraint, Objective } from "./objectives.ts";
import type { Outcome } from "./run-record.ts";

// 1: the first format.
// 2: every objective and constraint of the search, and each trial's objective values and violation.
export const SAMPLER_HISTORY_FORMAT = 2;

export interface SamplerHistory {
  format: typeof SAMPLER_HISTORY_FORMAT;
  space: Record<string, Distribution>;
  /** The first objective (the only one of a search by one metric) and its goal. */
  goal: Goal;
  metric: string;
  /** What the search ranks by, in the order given: one for a search by one metric. */
  objectives: Objective[];
  /** Bounds on metrics (`{metric, op: "<=" | ">=", bound}`); [] without constraints. */
  constraints: Constraint[];
  seed: number;
  /** The batch to propose, 2 or more. */
  batch: number;
  /** How many configurations to write. */
  count: number;
  trials: {
    trial: string;
    hyperparams: Record<string, string>;
    outcome: Outcome;
    /** The first objective's value on the validation data; null when the trial failed or it is not finite. */
    value: number | null;
    /** Every objective's value, by name; null when the trial failed or one is not finite. */
    values: Record<string, number> | null;
    /** How far it is outside the constraints (0 when it keeps them); null when values is null. */
    violation: number | null;
  }[];
}

function describe(dist: Distribution): string {
  return dist.kind === "choice" ? `choice(${dist.choices.join(", ")})` : `${dist.kind}(${dist.low}, ${dist.high})`;
}

/**
 * The problem with a sampler's output, or the proposals as hyperparameter strings. `parsed` is
 * the JSON the sampler wrote; the message names the configuration (1-based) and the value.
 */
export function checkProposals(parsed: unknown, history: SamplerHistory): { problem: string } | { proposals: Record<string, string>[] } {
  const names = Object.keys(history.space).sort();
  if (!Array.isArray(parsed)) return { problem: `wrote ${parsed === null ? "null" : typeof parsed}, not a JSON array of configurations` };
  if (parsed.length !== history.count) {
    return { problem: `wrote ${parsed.length} configuration${parsed.length === 1 ? "" : "s"} for batch ${history.batch}, but the batch has ${history.count} trials` };
  }
  const key = (hp: Record<string, string>): string => names.map((n) => canonicalValue(history.space[n]!, hp[n]!)).join("\u0000");
  const seen = new Map<string, string>(history.trials.map((t) => [names.every((n) => t.hyperparams[n] !== undefined && inSpace(history.space[n]!, t.hyperparams[n]!)) ? key(t.hyperparams) : `?${t.trial}`, t.trial]));
  const proposals: Record<string, string>[] = [];
  for (const [i, item] of parsed.entries()) {
    const where = `configuration ${i + 1}`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) return { problem: `${where} is not a JSON object of parameter to value` };
    const entries = Object.entries(item as Record<string, unknown>);
    const unknown = entries.map(([k]) => k).filter((k) => !(k in history.space));
    if (unknown.length) return { problem: `${where} has ${unknown.join(", ")}, which space does not have (it has ${names.join(", ")})` };
    const hp: Record<string, string> = {};
    for (const name of names) {
      const value = (item as Record<string, unknown>)[name];
      if (value === undefined) return { problem: `${where} gives no value for ${name}` };
      if (typeof value !== "string" && typeof value !== "number") return { problem: `${where} gives ${name} = ${JSON.stringify(value)}, neither a string nor a number` };
      const text = String(value);
      if (!inSpace(history.space[name]!, text)) return { problem: `${where} gives ${name} = ${text}, outside ${describe(history.space[name]!)}` };
      hp[name] = text;
    }
    const k = key(hp);
    const earlier = seen.get(k);
    if (earlier !== undefined) return { problem: `${where} repeats ${earlier}'s hyperparameters (${names.map((n) => `${n} = ${hp[n]}`).join(", ")})` };
    seen.set(k, `configuration ${i + 1} of this batch`);
    proposals.push(hp);
  }
  return { proposals };
}
