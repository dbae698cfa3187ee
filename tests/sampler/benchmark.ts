// TPE against random search on a few test functions, with the same budget: batches of
// proposals, each batch evaluated before the next is proposed, as a search in Bazel would run.
// Random search is proposeTpe below its startup threshold: uniform draws, no repeats.
import { type Distribution, type Observation, proposeTpe } from "../../tools/src/sampler/tpe.ts";

export interface Objective {
  name: string;
  space: Record<string, Distribution>;
  goal: "minimize" | "maximize";
  f(hyperparams: Record<string, string>): number;
}

const num = (h: Record<string, string>, name: string): number => Number(h[name]);

/** Branin-Hoo, minimum 0.397887 at three points. */
function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
}

export const objectives: Objective[] = [
  {
    name: "(x - 0.3)^2",
    space: { x: { kind: "uniform", low: 0, high: 1 } },
    goal: "minimize",
    f: (h) => (num(h, "x") - 0.3) ** 2,
  },
  {
    // A learning rate's optimum is a point in log space; a second, linear parameter.
    name: "(log10 lr + 2.5)^2 + 4 (m - 0.7)^2",
    space: { lr: { kind: "loguniform", low: 1e-5, high: 1 }, m: { kind: "uniform", low: 0, high: 1 } },
    goal: "minimize",
    f: (h) => (Math.log10(num(h, "lr")) + 2.5) ** 2 + 4 * (num(h, "m") - 0.7) ** 2,
  },
  {
    name: "branin",
    space: { x1: { kind: "uniform", low: -5, high: 10 }, x2: { kind: "uniform", low: 0, high: 15 } },
    goal: "minimize",
    f: (h) => branin(num(h, "x1"), num(h, "x2")),
  },
  {
    // Maximized, with an int and a choice.
    name: "-(log10 lr + 3)^2 - (layers - 5)^2 / 10 - act",
    space: {
      act: { kind: "choice", choices: ["relu", "tanh", "sigmoid"] },
      layers: { kind: "int", low: 1, high: 8 },
      lr: { kind: "loguniform", low: 1e-5, high: 1 },
    },
    goal: "maximize",
    f: (h) => {
      const act = { relu: 0, tanh: 0.3, sigmoid: 1 }[h.act as "relu" | "tanh" | "sigmoid"];
      return -((Math.log10(num(h, "lr")) + 3) ** 2) - (num(h, "layers") - 5) ** 2 / 10 - act;
    },
  },
];

/** The best value a search reached: `batches` rounds of `size` proposals. */
export function bestValue(objective: Objective, sampler: "tpe" | "random", seed: number, batches = 8, size = 4): number {
  const history: Observation[] = [];
  for (let b = 0; b < batches; b++) {
    const batch = proposeTpe({
      space: objective.space,
      history,
      goal: objective.goal,
      count: size,
      seed,
      ...(sampler === "random" ? { startupTrials: Infinity } : {}),
    });
    for (const hyperparams of batch) history.push({ hyperparams, value: objective.f(hyperparams) });
  }
  const values = history.map((h) => h.value!);
  return objective.goal === "minimize" ? Math.min(...values) : Math.max(...values);
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Comparison {
  objective: Objective;
  tpe: number[];
  random: number[];
  /** Seeds on which TPE reached a strictly better value. */
  tpeWins: number;
}

export function compare(objective: Objective, seeds: readonly number[]): Comparison {
  const tpe = seeds.map((s) => bestValue(objective, "tpe", s));
  const random = seeds.map((s) => bestValue(objective, "random", s));
  const better = (a: number, b: number) => (objective.goal === "minimize" ? a < b : a > b);
  return { objective, tpe, random, tpeWins: tpe.filter((t, i) => better(t, random[i]!)).length };
}

/** A table of the best values per seed, and the medians. */
export function formatComparison(c: Comparison, seeds: readonly number[]): string {
  const fmt = (x: number) => x.toPrecision(3).padStart(11);
  return [
    `${c.objective.name} (${c.objective.goal}), 8 batches x 4, best value per seed ${seeds.join(",")}:`,
    `  tpe    ${c.tpe.map(fmt).join("")}   median ${fmt(median(c.tpe))}`,
    `  random ${c.random.map(fmt).join("")}   median ${fmt(median(c.random))}`,
    `  TPE better on ${c.tpeWins} of ${seeds.length} seeds`,
  ].join("\n");
}
