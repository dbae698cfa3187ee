// The multi-objective samplers (tools/src/sampler/nsga2.ts, motpe.ts): determinism, values
// inside the space, no repeated configurations, the exhausted-space error, failed and
// infeasible trials, the good group of MO-TPE by hand, and a better hypervolume than random
// search on ZDT1. No Bazel.
import { describe, expect, it } from "vitest";
import { bestByFronts, proposeMotpe } from "../tools/src/sampler/motpe.ts";
import type { MultiObservation } from "../tools/src/sampler/multi.ts";
import { proposeNsga2 } from "../tools/src/sampler/nsga2.ts";
import { type Distribution, formatValue, proposeTpe } from "../tools/src/sampler/tpe.ts";

type Goals = readonly ("maximize" | "minimize")[];
type Propose = (options: {
  space: Record<string, Distribution>;
  history: readonly MultiObservation[];
  goals: Goals;
  count: number;
  seed: number;
}) => Record<string, string>[];

const samplers: [string, Propose][] = [
  ["proposeNsga2", proposeNsga2],
  ["proposeMotpe", proposeMotpe],
];

const uniform = (low: number, high: number): Distribution => ({ kind: "uniform", low, high });
const choice = (...choices: string[]): Distribution => ({ kind: "choice", choices });
const int = (low: number, high: number): Distribution => ({ kind: "int", low, high });

const mixedSpace: Record<string, Distribution> = {
  act: choice("relu", "tanh", "sigmoid"),
  layers: int(1, 8),
  lr: { kind: "loguniform", low: 1e-5, high: 0.1 },
  dropout: uniform(0, 0.5),
};

/** Accuracy (maximized) and size (minimized) of a pretend network; every 5th trial fails. */
function mixedTrial(h: Record<string, string>, i: number): MultiObservation {
  const layers = Number(h.layers);
  const accuracy = 1 - Math.abs(Math.log10(Number(h.lr)) + 3) / 4 - Number(h.dropout) / 2 + layers / 20;
  return { hyperparams: h, values: i % 5 === 4 ? null : [accuracy, layers * (h.act === "relu" ? 1 : 2)], violation: 0 };
}
const mixedGoals: Goals = ["maximize", "minimize"];

/** `batches` rounds of `count` proposals, each evaluated by `evaluate` before the next. */
function search(
  propose: Propose,
  space: Record<string, Distribution>,
  goals: Goals,
  evaluate: (h: Record<string, string>, i: number) => MultiObservation,
  batches: number,
  count: number,
  seed: number,
): { history: MultiObservation[]; batches: Record<string, string>[][] } {
  const history: MultiObservation[] = [];
  const all: Record<string, string>[][] = [];
  for (let b = 0; b < batches; b++) {
    const batch = propose({ space, history, goals, count, seed });
    all.push(batch);
    for (const h of batch) history.push(evaluate(h, history.length));
  }
  return { history, batches: all };
}

const keyOf = (p: Record<string, string>) => JSON.stringify(Object.entries(p).sort());

/** Fails unless every proposal has exactly the space's parameters, each a value of the space as databazel writes it. */
function expectInSpace(space: Record<string, Distribution>, proposals: readonly Record<string, string>[]): void {
  for (const p of proposals) {
    expect(Object.keys(p).sort()).toEqual(Object.keys(space).sort());
    for (const [name, dist] of Object.entries(space)) {
      const text = p[name]!;
      if (dist.kind === "choice") {
        expect(dist.choices).toContain(text);
        continue;
      }
      const x = Number(text);
      expect(x >= dist.low && x <= dist.high, `${name}=${text} outside [${dist.low}, ${dist.high}]`).toBe(true);
      if (dist.kind === "int") expect(text).toMatch(/^-?\d+$/);
      else expect(formatValue(dist, x), `${name}=${text} is not in databazel's spelling`).toBe(text);
    }
  }
}

/** ZDT1 (Zitzler, Deb and Thiele 2000) on n parameters in [0, 1]: both minimized; the front is g = 1. */
function zdt1(h: Record<string, string>, n: number): number[] {
  const x = Array.from({ length: n }, (_, i) => Number(h[`x${i}`]));
  const g = 1 + (9 / (n - 1)) * x.slice(1).reduce((a, b) => a + b, 0);
  return [x[0]!, g * (1 - Math.sqrt(x[0]! / g))];
}

/**
 * 2-D hypervolume of minimized points below `reference`, by its own sweep (not pareto/front.ts):
 * sorted by the first objective, each point adds the strip between its second value and the
 * lowest second value seen so far.
 */
function hypervolume2d(points: readonly (readonly number[])[], reference: readonly [number, number]): number {
  const inside = points.filter((p) => p[0]! < reference[0] && p[1]! < reference[1]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  let volume = 0;
  let lowest = reference[1];
  for (const p of inside) {
    if (p[1]! >= lowest) continue;
    volume += (reference[0] - p[0]!) * (lowest - p[1]!);
    lowest = p[1]!;
  }
  return volume;
}

describe.each(samplers)("%s", (name, propose) => {
  it("gives the same proposals for the same options and seed, others for another seed, whatever the space's key order", () => {
    const { history } = search(propose, mixedSpace, mixedGoals, mixedTrial, 3, 6, 1);
    const options = { space: mixedSpace, history, goals: mixedGoals, count: 6, seed: 11 };
    expect(propose(options)).toEqual(propose(options));
    expect(propose(options)).not.toEqual(propose({ ...options, seed: 12 }));
    const reversed = Object.fromEntries(Object.entries(mixedSpace).reverse());
    expect(propose({ ...options, space: reversed })).toEqual(propose(options));
  });

  it("draws its first generation as TPE's random startup does, and counts failed trials out of it", () => {
    const random = (history: readonly MultiObservation[]) =>
      proposeTpe({ space: mixedSpace, history: history.map((h) => ({ hyperparams: h.hyperparams, value: 0 })), goal: "minimize", count: 6, seed: 3, startupTrials: Infinity });
    expect(propose({ space: mixedSpace, history: [], goals: mixedGoals, count: 6, seed: 3 })).toEqual(random([]));
    // 20 trials, but only 3 succeeded: below both samplers' thresholds (6 and 4), still random.
    const failed = random([]).concat(proposeTpe({ space: mixedSpace, history: [], goal: "minimize", count: 14, seed: 4, startupTrials: Infinity }));
    const history = failed.map((h, i): MultiObservation => ({ hyperparams: h, values: i < 3 ? [1, 2] : null, violation: 0 }));
    expect(propose({ space: mixedSpace, history, goals: mixedGoals, count: 6, seed: 3 })).toEqual(random(history));
  });

  it("proposes values of the space in databazel's spelling, never a configuration twice", () => {
    const spaces: Record<string, Distribution>[] = [mixedSpace, { a: uniform(-3.5, 2.25), b: { kind: "loguniform", low: 0.12344, high: 0.5 }, c: int(-4, 4) }];
    for (const space of spaces) {
      for (const seed of [1, 2]) {
        const evaluate = (h: Record<string, string>, i: number): MultiObservation =>
          space === mixedSpace ? mixedTrial(h, i) : { hyperparams: h, values: [Number(h.a) ** 2, Number(h.c) - Number(h.a)], violation: 0 };
        const { batches } = search(propose, space, mixedGoals, evaluate, 6, 6, seed);
        const all = batches.flat();
        expectInSpace(space, all);
        expect(new Set(all.map(keyOf)).size).toBe(all.length);
      }
    }
  });

  it("uses up a small finite space without a repeat, then throws TPE's exhausted-space error", () => {
    // 3 x 4 = 12 configurations, proposed 4 at a time with every objective equal-ish.
    const space = { opt: choice("sgd", "adam", "lamb"), depth: int(1, 4) };
    const evaluate = (h: Record<string, string>): MultiObservation => ({ hyperparams: h, values: [Number(h.depth), h.opt!.length], violation: 0 });
    const { history, batches } = search(propose, space, mixedGoals, evaluate, 3, 4, 7);
    expect(new Set(batches.flat().map(keyOf)).size).toBe(12);
    expect(() => propose({ space, history, goals: mixedGoals, count: 1, seed: 7 })).toThrow(
      /search space is exhausted: it has 12 distinct configuration\(s\), 0 of them not yet tried, and 1 new one\(s\) were asked for/,
    );
    expect(() => propose({ space: { x: uniform(1, 1.002) }, history: [], goals: mixedGoals, count: 4, seed: 1 })).toThrow(/space seems exhausted/);
  });

  it("refuses malformed goals, values and violations", () => {
    const base = { space: mixedSpace, history: [] as MultiObservation[], goals: mixedGoals, count: 1, seed: 1 };
    expect(() => propose({ ...base, goals: [] })).toThrow(/at least one objective/);
    expect(() => propose({ ...base, goals: ["maximize", "up" as "maximize"] })).toThrow(/goals must be "maximize" or "minimize", got up/);
    const trial = { hyperparams: { act: "relu", layers: "2", lr: "0.001", dropout: "0.1" }, values: [1, 2], violation: 0 };
    expect(() => propose({ ...base, history: [{ ...trial, values: [1] }] })).toThrow(/history\[0\] has 1 objective value\(s\), but there are 2 goals/);
    expect(() => propose({ ...base, history: [{ ...trial, violation: -1 }] })).toThrow(/history\[0\]: violation must be a number >= 0, got -1/);
    expect(() => propose({ ...base, seed: 0.5 })).toThrow(/seed must be an integer/);
  });

  it(`steers towards feasible trials (${name})`, () => {
    // Every point is on one front (f2 = 1 - f1 + c); x < 0.5 is infeasible. Random search would
    // be feasible half of the time; seeds 1..4, the last two of four batches of 8.
    const space = { x: uniform(0, 1), y: uniform(0, 1) };
    let feasible = 0;
    for (const seed of [1, 2, 3, 4]) {
      const evaluate = (h: Record<string, string>): MultiObservation => {
        const [x, y] = [Number(h.x), Number(h.y)];
        return { hyperparams: h, values: [x + y * y, 1 - x + y * y], violation: Math.max(0, 0.5 - x) };
      };
      const { history } = search(propose, space, ["minimize", "minimize"], evaluate, 4, 8, seed);
      feasible += history.slice(-16).filter((h) => h.violation === 0).length;
    }
    expect(feasible, `${feasible} of 64 feasible`).toBeGreaterThanOrEqual(40);
  });
});

describe("the same bits on every Node (fixed snapshots; update only for an intended change)", () => {
  // Mixed parameters, failures (every 5th) and constraints (every 3rd trial from the second).
  const evaluate = (h: Record<string, string>, i: number): MultiObservation => ({ ...mixedTrial(h, i), violation: i % 3 === 1 ? 0.1 * i : 0 });
  it.each(samplers)("%s", (name, propose) => {
    const { history } = search(propose, mixedSpace, mixedGoals, evaluate, 3, 6, 2024);
    expect(propose({ space: mixedSpace, history, goals: mixedGoals, count: 3, seed: 2024 })).toEqual(SNAPSHOTS[name]);
  });
});

const SNAPSHOTS: Record<string, Record<string, string>[]> = {
  proposeNsga2: [
    { act: "sigmoid", dropout: "0.1702", layers: "1", lr: "0.0681" },
    { act: "sigmoid", dropout: "0.1702", layers: "3", lr: "0.005682" },
    { act: "tanh", dropout: "0.3325", layers: "8", lr: "0.01306" },
  ],
  proposeMotpe: [
    { act: "relu", dropout: "0.1566", layers: "6", lr: "0.001669" },
    { act: "relu", dropout: "0.1765", layers: "7", lr: "0.001247" },
    { act: "relu", dropout: "0.09483", layers: "5", lr: "0.0002116" },
  ],
};

describe("proposeNsga2", () => {
  // Four trials on the first front, each parameter value of theirs found nowhere else; dominated
  // and failed trials with other values. With no mutation, every child is a crossover of the
  // survivors (population 4 = the first front), so each of its values is one of theirs.
  const space = { x: uniform(0, 1), y: uniform(0, 1) };
  const trial = (x: string, y: string, values: number[] | null, violation = 0): MultiObservation => ({ hyperparams: { x, y }, values, violation });
  const history = [
    trial("0.9", "0.9", [5, 5]),
    trial("0.11", "0.21", [1, 4]),
    trial("0.5", "0.5", null), // failed: never a parent
    trial("0.12", "0.22", [2, 3]),
    trial("0.8", "0.8", [4, 4]),
    trial("0.13", "0.23", [3, 2]),
    trial("0.6", "0.6", null),
    trial("0.14", "0.24", [4, 1]),
    trial("0.7", "0.7", [0, 0], 0.5), // dominates all, but infeasible
    trial("0.95", "0.95", [6, 6]),
  ];

  it("breeds only from the survivors: the first front, never a failed, dominated or infeasible trial", () => {
    for (const seed of [1, 2, 3]) {
      const children = proposeNsga2({ space, history, goals: ["minimize", "minimize"], count: 4, seed, mutationProbability: 0, crossoverProbability: 1 });
      expect(children).toHaveLength(4);
      for (const child of children) {
        expect(["0.11", "0.12", "0.13", "0.14"]).toContain(child.x);
        expect(["0.21", "0.22", "0.23", "0.24"]).toContain(child.y);
      }
    }
  });

  it("picks parents by binary tournament: lower rank, then larger crowding distance, then the earlier trial", () => {
    // The trials hold x alone, so a child's y is always drawn afresh (a missing value) and its x,
    // with neither crossover nor mutation, is its tournament winner's. The first front, in history
    // order: A (1, 2), B (0, 3), C (3, 0), D (2, 1); E (5, 5) is on the second. Crowding: B and C
    // are its ends (infinite), A and D 2/3 + 2/3 each. So of the 10 pairs, each as likely, B wins
    // 4, C 3, A 2 (D, E), D 1 (E) and E none: of 200 children, about 80, 60, 40, 20 and 0.
    const front = [["0.1", [1, 2]], ["0.2", [0, 3]], ["0.3", [3, 0]], ["0.4", [2, 1]], ["0.5", [5, 5]]] as const;
    const trials = front.map(([x, values]): MultiObservation => ({ hyperparams: { x }, values, violation: 0 }));
    const options = { space, history: trials, goals: ["minimize", "minimize"] as const, count: 200, seed: 1, populationSize: 5 };
    const children = proposeNsga2({ ...options, crossoverProbability: 0, mutationProbability: 0 });
    const [a, b, c, d, e] = ["0.1", "0.2", "0.3", "0.4", "0.5"].map((x) => children.filter((child) => child.x === x).length);
    console.log(`tournament wins of A..E in 200: ${[a, b, c, d, e].join(", ")}`);
    expect(e).toBe(0);
    expect(b! > c! && c! > a! && a! > d! && d! > 0, `wins ${[a, b, c, d, e]}`).toBe(true);
  });

  it("mutates: with probability 1 every value is drawn afresh from the space", () => {
    const children = proposeNsga2({ space, history, goals: ["minimize", "minimize"], count: 8, seed: 5, mutationProbability: 1 });
    const parents = new Set(history.flatMap((h) => [h.hyperparams.x, h.hyperparams.y]));
    expect(children.flatMap((c) => [c.x, c.y]).filter((v) => parents.has(v))).toEqual([]);
  });

  it("checks its probabilities and population size", () => {
    const base = { space, history, goals: ["minimize", "minimize"] as const, count: 2, seed: 1 };
    expect(() => proposeNsga2({ ...base, crossoverProbability: 1.5 })).toThrow(/crossoverProbability must be in \[0, 1\], got 1.5/);
    expect(() => proposeNsga2({ ...base, mutationProbability: -0.1 })).toThrow(/mutationProbability must be in \[0, 1\]/);
    expect(() => proposeNsga2({ ...base, populationSize: 0 })).toThrow(/populationSize must be a whole number >= 1, got 0/);
  });
});

describe("proposeMotpe", () => {
  const success = (index: number, values: number[], violation = 0) => ({ index, point: { values, violation } });

  it("takes the good trials front by front, cutting the last front by greedy hypervolume (by hand)", () => {
    // The first front, in history order D, C, B, A: A (0, 5), B (1, 2), C (2, 1), D (4, 0); the
    // reference point is the front's worst + 10 % of its range: (4.4, 5.5). Alone, B holds
    // 3.4 x 3.5 = 11.9, C 2.4 x 4.5 = 10.8, A and D 2.2: B first. Then C adds 2.4 x 1 = 2.4, A
    // 1 x 0.5 = 0.5, D 0.4 x 2 = 0.8: C. Then A adds 0.5, D 0.4 x 1 = 0.4: A.
    const trials = [
      success(10, [4, 0]),
      success(11, [5, 5]), // second front
      success(12, [2, 1]),
      success(13, [1, 2]),
      success(14, [0, 5]),
    ];
    expect(bestByFronts(trials, 1)).toEqual([13]);
    expect(bestByFronts(trials, 3)).toEqual([13, 12, 14]);
    expect(bestByFronts(trials, 4)).toEqual([10, 12, 13, 14]);
    expect(bestByFronts(trials, 5)).toEqual([10, 12, 13, 14, 11]);
  });

  it("puts infeasible trials after every feasible one, by violation, in the good group's split", () => {
    const trials = [
      success(0, [0, 0], 0.5), // dominates everything, but violates the most
      success(1, [9, 9]), // feasible, dominated by everything
      success(2, [1, 1], 0.2),
      success(3, [8, 9]),
      success(4, [0, 1], 0.2), // same violation as 2: same rank, history order
    ];
    expect(bestByFronts(trials, 1)).toEqual([3]);
    expect(bestByFronts(trials, 2)).toEqual([3, 1]);
    expect(bestByFronts(trials, 3)).toEqual([3, 1, 2]);
    expect(bestByFronts(trials, 5)).toEqual([3, 1, 2, 4, 0]);
  });

  it("with one objective is proposeTpe, maximized or minimized, failures included", () => {
    const { history } = search(proposeMotpe, mixedSpace, mixedGoals, mixedTrial, 3, 6, 2);
    for (const goal of ["maximize", "minimize"] as const) {
      const single = history.map((h) => ({ hyperparams: h.hyperparams, value: h.values === null ? null : h.values[0]! }));
      // Ties too: equal values go to the earlier trial in both.
      single[3] = { ...single[3]!, value: 0.5 };
      single[7] = { ...single[7]!, value: 0.5 };
      const multi = single.map((h): MultiObservation => ({ hyperparams: h.hyperparams, values: h.value === null ? null : [h.value], violation: 0 }));
      for (const seed of [1, 2]) {
        const tpe = proposeTpe({ space: mixedSpace, history: single, goal, count: 5, seed });
        expect(proposeMotpe({ space: mixedSpace, history: multi, goals: [goal], count: 5, seed })).toEqual(tpe);
      }
    }
  });
});

describe("on ZDT1 (5 parameters, both minimized), 64 trials in batches of 8, seeds 1..10", () => {
  it("NSGA-II and MO-TPE reach a larger mean hypervolume than random search", () => {
    const n = 5;
    const space = Object.fromEntries(Array.from({ length: n }, (_, i) => [`x${i}`, uniform(0, 1)]));
    const reference: [number, number] = [1.1, 11];
    const evaluate = (h: Record<string, string>): MultiObservation => ({ hyperparams: h, values: zdt1(h, n), violation: 0 });
    // Random search: MO-TPE that never leaves its startup (uniform draws, no repeats).
    const random: Propose = (options) => proposeMotpe({ ...options, startupTrials: Infinity });
    const means: Record<string, number> = {};
    for (const [name, propose] of [["random", random], ...samplers] as [string, Propose][]) {
      const volumes = Array.from({ length: 10 }, (_, s) => {
        const { history } = search(propose, space, ["minimize", "minimize"], evaluate, 8, 8, s + 1);
        expect(history).toHaveLength(64);
        return hypervolume2d(history.map((h) => h.values!), reference);
      });
      means[name] = volumes.reduce((a, b) => a + b, 0) / volumes.length;
    }
    console.log(`ZDT1 mean hypervolume (reference (1.1, 11); the true front's is 11.77): ${JSON.stringify(means)}`);
    expect(means.proposeNsga2!).toBeGreaterThan(means.random! + 0.2);
    expect(means.proposeMotpe!).toBeGreaterThan(means.random! + 0.5);
  });
});
