// The Pareto math of multi-objective search (tools/src/pareto/): hand-computed cases for each
// function, and brute-force checks written independently of the code under test (front peeling
// by definition, hypervolume by counting unit cells on integer grids) on seeded random sets.
import { describe, expect, it } from "vitest";
import {
  constrainedDominates,
  crowdingDistances,
  dominates,
  hypervolume,
  hypervolumeContributions,
  kneeIndex,
  nonDominatedRanks,
  referencePoint,
  selectSurvivors,
  toMinimized,
  violation,
  type Point,
} from "../tools/src/pareto/front.ts";
import { Rng } from "../tools/src/sampler/random.ts";

type Vector = readonly number[];

const feasible = (...vectors: Vector[]): Point[] => vectors.map((values) => ({ values, violation: 0 }));

/** Domination by its definition, written here again so the brute-force checks do not trust the code. */
function beats(a: Vector, b: Vector): boolean {
  return a.every((v, k) => v <= b[k]!) && a.some((v, k) => v < b[k]!);
}

/** Ranks by peeling: O(N^3). Feasible fronts, then one rank per distinct violation, ascending. */
function ranksByPeeling(points: readonly Point[]): number[] {
  const ranks = new Array<number>(points.length).fill(0);
  let left = points.flatMap((p, i) => (p.violation === 0 ? [i] : []));
  let rank = 0;
  while (left.length > 0) {
    rank++;
    const front = left.filter((i) => !left.some((j) => beats(points[j]!.values, points[i]!.values)));
    for (const i of front) ranks[i] = rank;
    left = left.filter((i) => !front.includes(i));
  }
  const violations = [...new Set(points.map((p) => p.violation).filter((v) => v > 0))].sort((a, b) => a - b);
  points.forEach((p, i) => {
    if (p.violation > 0) ranks[i] = rank + 1 + violations.indexOf(p.violation);
  });
  return ranks;
}

/** The integer cells [c, c + 1) between `low` and the reference that some point weakly dominates, per point covering them. */
function cellsCovered(points: readonly Vector[], reference: Vector, low: number): number[][] {
  const d = reference.length;
  const covering: number[][] = [];
  const cell = new Array<number>(d).fill(low);
  for (;;) {
    covering.push(points.flatMap((p, i) => (p.every((v, k) => v <= cell[k]!) ? [i] : [])));
    let k = 0;
    while (k < d && ++cell[k]! >= reference[k]!) cell[k++] = low;
    if (k === d) return covering;
  }
}

/** Hypervolume and each point's exclusive part by counting unit cells (integer inputs >= low). */
function gridVolumes(points: readonly Vector[], reference: Vector, low: number): { volume: number; alone: number[] } {
  const cells = cellsCovered(points, reference, low);
  const alone = points.map(() => 0);
  for (const by of cells) if (by.length === 1) alone[by[0]!]!++;
  return { volume: cells.filter((by) => by.length > 0).length, alone };
}

/** n random integer vectors of dimension d, each value in [lo, hi). */
function integerPoints(rng: Rng, n: number, d: number, lo: number, hi: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => lo + Math.floor(rng.uniform() * (hi - lo))));
}

describe("toMinimized and dominates", () => {
  it("negates maximized objectives only, never into -0", () => {
    expect(toMinimized([0.9, 100], ["maximize", "minimize"])).toEqual([-0.9, 100]);
    expect(Object.is(toMinimized([0], ["maximize"])[0], 0)).toBe(true);
    expect(() => toMinimized([1, 2], ["maximize"])).toThrow("2 values for 1 objectives");
  });

  it("dominates: no worse everywhere, better somewhere; equal vectors do not", () => {
    expect(dominates([1, 2], [1, 3])).toBe(true);
    expect(dominates([1, 3], [1, 2])).toBe(false);
    expect(dominates([1, 2], [1, 2])).toBe(false);
    expect(dominates([1, 3], [2, 2])).toBe(false);
    expect(dominates([2, 2], [1, 3])).toBe(false);
  });
});

describe("violation", () => {
  const constraints = [
    { metric: "latency_ms", op: "<=", bound: 20 },
    { metric: "accuracy", op: ">=", bound: 0.75 },
  ] as const;

  it("sums how far each bound is missed; 0 when all hold", () => {
    expect(violation({ latency_ms: 23.5, accuracy: 0.5 }, constraints)).toBe(3.75);
    expect(violation({ latency_ms: 20, accuracy: 0.75 }, constraints)).toBe(0);
    expect(violation({ latency_ms: 10, accuracy: 0.5, params: 7 }, constraints)).toBe(0.25);
    expect(violation({}, [])).toBe(0);
  });

  it("names a missing or non-finite constrained metric", () => {
    expect(() => violation({ accuracy: 0.8, params: 3 }, constraints)).toThrow(
      'the constraint latency_ms <= 20: the trial reported no metric "latency_ms" (it reported: accuracy, params)',
    );
    expect(() => violation({ latency_ms: 1, accuracy: Number.NaN }, constraints)).toThrow('the constraint accuracy >= 0.75: the trial\'s "accuracy" is NaN, not a finite number');
  });
});

describe("nonDominatedRanks", () => {
  it("puts identical vectors in one front", () => {
    // A B C=B D are mutually non-dominated; E and G are dominated by B only / by A and B; F by E.
    const points = feasible([1, 5], [2, 3], [2, 3], [4, 1], [3, 4], [5, 5], [2, 5]);
    expect(nonDominatedRanks(points)).toEqual([1, 1, 1, 1, 2, 3, 2]);
    expect(nonDominatedRanks(feasible([1, 1], [1, 1], [1, 1]))).toEqual([1, 1, 1]);
  });

  it("mixes maximized and minimized objectives", () => {
    // (accuracy: maximize, params: minimize): t2 loses to t0 on params, t3 to t1 on both.
    const trials = [
      [0.9, 100],
      [0.8, 50],
      [0.9, 120],
      [0.7, 60],
      [0.95, 200],
    ];
    const points = feasible(...trials.map((t) => toMinimized(t, ["maximize", "minimize"])));
    expect(nonDominatedRanks(points)).toEqual([1, 1, 2, 2, 1]);
  });

  it("ranks infeasible points after every feasible one, by violation, equal violations together", () => {
    const points: Point[] = [
      { values: [1, 1], violation: 0 },
      { values: [2, 2], violation: 0 },
      { values: [3, 3], violation: 0 },
      { values: [4, 4], violation: 0 }, // dominated by three, still ahead of [0, 0] and [-1, -1]
      { values: [0, 0], violation: 0.5 },
      { values: [0, 0], violation: 2 },
      { values: [10, 10], violation: 0.5 },
      { values: [-1, -1], violation: 1 },
    ];
    expect(nonDominatedRanks(points)).toEqual([1, 2, 3, 4, 5, 7, 5, 6]);
    expect(nonDominatedRanks(points.slice(4))).toEqual([1, 3, 1, 2]);
    expect(nonDominatedRanks([])).toEqual([]);
  });

  it("refuses NaN values, ragged vectors and negative violations", () => {
    expect(() => nonDominatedRanks(feasible([1, Number.NaN]))).toThrow("point 0 has a non-finite value NaN in objective 1");
    expect(() => nonDominatedRanks(feasible([1, 2], [1]))).toThrow("point 1 has 1 values, expected 2");
    expect(() => nonDominatedRanks([{ values: [1], violation: -1 }])).toThrow("violation -1");
  });

  it("matches front peeling on random sets with many ties", () => {
    const rng = new Rng(7);
    for (let trial = 0; trial < 60; trial++) {
      const d = 1 + (trial % 4);
      const n = 1 + Math.floor(rng.uniform() * 60);
      const points = integerPoints(rng, n, d, 0, 5).map((values) => ({ values, violation: rng.uniform() < 0.2 ? Math.floor(rng.uniform() * 3) / 2 : 0 }));
      expect(nonDominatedRanks(points)).toEqual(ranksByPeeling(points));
    }
  });

  it("sorts 2000 points in 3 objectives, each rank justified", () => {
    const rng = new Rng(11);
    const points = feasible(...Array.from({ length: 2000 }, () => [rng.uniform(), rng.uniform(), rng.uniform()]));
    const ranks = nonDominatedRanks(points);
    // O(N^2) check: a point of rank r has a dominator of rank r - 1 and none of rank >= r.
    // A count of faults: an expect per pair would take seconds.
    let faults = 0;
    points.forEach((p, i) => {
      let previous = ranks[i] === 1;
      for (let j = 0; j < points.length; j++) {
        const q = points[j]!.values;
        if (!beats(q, p.values)) continue;
        if (ranks[j]! >= ranks[i]!) faults++;
        if (ranks[j] === ranks[i]! - 1) previous = true;
      }
      if (!previous) faults++;
    });
    expect(faults).toBe(0);
    expect(Math.max(...ranks)).toBeGreaterThan(10);
  });
});

describe("constrainedDominates", () => {
  it("feasible beats infeasible, less violation beats more, else Pareto domination", () => {
    const good = { values: [5, 5], violation: 0 };
    const better = { values: [4, 5], violation: 0 };
    const slightlyOut = { values: [0, 0], violation: 0.5 };
    const farOut = { values: [9, 9], violation: 2 };
    expect(constrainedDominates(better, good)).toBe(true);
    expect(constrainedDominates(good, better)).toBe(false);
    expect(constrainedDominates(good, good)).toBe(false);
    expect(constrainedDominates(good, slightlyOut)).toBe(true);
    expect(constrainedDominates(slightlyOut, good)).toBe(false);
    expect(constrainedDominates(slightlyOut, farOut)).toBe(true);
    expect(constrainedDominates(farOut, slightlyOut)).toBe(false);
    expect(constrainedDominates(slightlyOut, { values: [9, 9], violation: 0.5 })).toBe(false);
  });
});

describe("crowdingDistances", () => {
  it("a 4-point front by hand", () => {
    // Objective 0 over range 6: (3 - 0) / 6 and (6 - 1) / 6; objective 1 over range 10: (10 - 3) / 10 and (6 - 0) / 10.
    expect(crowdingDistances([[0, 10], [1, 6], [3, 3], [6, 0]])).toEqual([Infinity, 3 / 6 + 7 / 10, 5 / 6 + 6 / 10, Infinity]);
  });

  it("an objective of zero range adds nothing, boundaries included; 1 or 2 points are Infinity", () => {
    expect(crowdingDistances([[1, 5], [2, 5], [3, 5]])).toEqual([Infinity, 1, Infinity]);
    expect(crowdingDistances([[1, 1], [1, 1], [1, 1]])).toEqual([0, 0, 0]);
    expect(crowdingDistances([[1, 2], [2, 1]])).toEqual([Infinity, Infinity]);
    expect(crowdingDistances([[1, 2]])).toEqual([Infinity]);
    expect(crowdingDistances([])).toEqual([]);
  });

  it("ties in an objective sort by input order", () => {
    // Objective 0 sorted: 0, 1, 2 (all 0, in input order), 3 -> boundaries 0 and 3; 1 adds (0 - 0) / 1, 2 adds (1 - 0) / 1.
    // Objective 1 sorted: 3, 0, 1, 2 -> boundaries 3 and 2; 0 adds (2 - 0) / 3, 1 adds (3 - 1) / 3.
    // (Ties in reverse order would make 2 the boundary and give 0 a finite 1 + 2/3.)
    expect(crowdingDistances([[0, 1], [0, 2], [0, 3], [1, 0]])).toEqual([Infinity, 0 + 2 / 3, Infinity, Infinity]);
  });
});

describe("selectSurvivors", () => {
  // On a line: the ends have Infinity, the three inside 2/4 + 2/4 = 1 each.
  const line = [[0, 4], [1, 3], [2, 2], [3, 1], [4, 0]];

  it("keeps whole fronts, then the most crowded-out, ties by input order", () => {
    const points: Point[] = [{ values: [-9, -9], violation: 1 }, ...feasible(...line), ...feasible([5, 5])];
    expect(selectSurvivors(points, 3)).toEqual([1, 2, 5]);
    expect(selectSurvivors(points, 1)).toEqual([1]);
    expect(selectSurvivors(points, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(selectSurvivors(points, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(selectSurvivors(points, 99)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(selectSurvivors(points, 0)).toEqual([]);
    // Reversed input: the Infinity tie now goes to [4, 0], the first in input order.
    expect(selectSurvivors(feasible(...[...line].reverse()), 1)).toEqual([0]);
    expect(selectSurvivors(feasible(...[...line].reverse()), 3)).toEqual([0, 1, 4]);
  });

  it("prefers the larger crowding distance over input order", () => {
    const points = feasible([0, 4], [2, 2], [2.5, 1.5], [1, 3], [4, 0]);
    // [2, 2]: (2.5 - 1) / 4 + (3 - 1.5) / 4; [2.5, 1.5]: (4 - 2) / 4 + (2 - 0) / 4; [1, 3]: (2 - 0) / 4 + (4 - 2) / 4.
    // So [2, 2], first in input order among the three, is the one left out.
    expect(crowdingDistances(points.map((p) => p.values))).toEqual([Infinity, 0.75, 1, 1, Infinity]);
    expect(selectSurvivors(points, 3)).toEqual([0, 2, 4]);
    expect(selectSurvivors(points, 4)).toEqual([0, 2, 3, 4]);
  });

  it("refuses a keep that is not a whole number >= 0", () => {
    expect(() => selectSurvivors([], -1)).toThrow("keep must be a whole number >= 0, got -1");
    expect(() => selectSurvivors([], 1.5)).toThrow("got 1.5");
  });
});

describe("hypervolume", () => {
  it("2-D and 3-D by hand; points not strictly inside the reference count 0", () => {
    expect(hypervolume([[1, 3], [2, 2], [3, 1]], [4, 4])).toBe(3 + 2 + 1);
    expect(hypervolume([[1, 3], [2, 2], [3, 1], [5, 0], [4, 1], [3, 3]], [4, 4])).toBe(6);
    expect(hypervolume([], [4, 4])).toBe(0);
    expect(hypervolume([[1, 1, 1]], [2, 2, 2])).toBe(1);
    // Boxes of 4 and 2 sharing [1, 2]^3: 4 + 2 - 1.
    expect(hypervolume([[0, 0, 1], [1, 1, 0]], [2, 2, 2])).toBe(5);
    // [0, 1, 0]'s box (4) holds [1, 1, 0]'s; it shares [0, 2] x [1, 2] x [1, 2] (2) with [0, 0, 1]'s (4).
    expect(hypervolume([[0, 0, 1], [1, 1, 0], [0, 1, 0]], [2, 2, 2])).toBe(6);
    expect(hypervolume([[0.5], [0.25]], [1])).toBe(0.75);
  });

  it("matches grid counting on random integer sets in 2, 3 and 4 dimensions", () => {
    const rng = new Rng(3);
    for (let trial = 0; trial < 45; trial++) {
      const d = 2 + (trial % 3);
      const n = 1 + Math.floor(rng.uniform() * (d === 4 ? 12 : 25));
      const points = integerPoints(rng, n, d, -2, 6);
      const reference = integerPoints(rng, 1, d, 2, 7)[0]!;
      const grid = gridVolumes(points, reference, -2);
      expect(hypervolume(points, reference)).toBe(grid.volume);
      expect(hypervolumeContributions(points, reference)).toEqual(grid.alone);
    }
  });

  it("is the same bits whatever the input order", () => {
    const rng = new Rng(5);
    const points = Array.from({ length: 200 }, () => [rng.uniform(), rng.uniform(), rng.uniform()]);
    const reversed = [...points].reverse();
    expect(Object.is(hypervolume(points, [1.1, 1.1, 1.1]), hypervolume(reversed, [1.1, 1.1, 1.1]))).toBe(true);
    expect(hypervolumeContributions(points, [1, 1, 1])).toEqual(hypervolumeContributions(reversed, [1, 1, 1]).reverse());
  });

  it("refuses a non-finite or mismatched reference", () => {
    expect(() => hypervolume([[1, 2]], [1, Infinity])).toThrow("hypervolume's reference point: point 0 has a non-finite value Infinity in objective 1");
    expect(() => hypervolume([[1, 2, 3]], [4, 4])).toThrow("hypervolume: point 0 has 3 values, expected 2");
  });
});

describe("hypervolumeContributions", () => {
  it("by hand: staircase steps; duplicates, dominated and outside points give 0", () => {
    expect(hypervolumeContributions([[1, 3], [2, 2], [3, 1]], [4, 4])).toEqual([1, 1, 1]);
    expect(hypervolumeContributions([[1, 3], [2, 2], [3, 1], [2, 2], [3, 3], [0, 5]], [4, 4])).toEqual([1, 0, 1, 0, 0, 0]);
  });

  it("equals hypervolume(all) - hypervolume(without it) on random integer sets", () => {
    const rng = new Rng(9);
    for (let trial = 0; trial < 30; trial++) {
      const d = 2 + (trial % 3);
      const points = integerPoints(rng, 2 + Math.floor(rng.uniform() * 20), d, 0, 10);
      const reference = new Array<number>(d).fill(9);
      const all = hypervolume(points, reference);
      const expected = points.map((_, i) => all - hypervolume(points.filter((__, j) => j !== i), reference));
      expect(hypervolumeContributions(points, reference)).toEqual(expected);
    }
  });

  it("handles 500 points of a 3-D front quickly, agreeing with the difference of volumes", () => {
    const rng = new Rng(13);
    // Points near the simplex x + y + z = 1: mostly mutually non-dominated.
    const points = Array.from({ length: 500 }, () => {
      const [a, b, c] = [rng.uniform(), rng.uniform(), rng.uniform()];
      const s = a + b + c;
      return [a / s, b / s, c / s];
    });
    const reference = [1.1, 1.1, 1.1];
    const started = performance.now();
    const all = hypervolume(points, reference);
    const contributions = hypervolumeContributions(points, reference);
    expect(performance.now() - started).toBeLessThan(2000);
    for (const i of [0, 17, 250, 499]) {
      const without = hypervolume(points.filter((_, j) => j !== i), reference);
      expect(contributions[i]).toBeCloseTo(all - without, 12);
    }
  });
});

describe("kneeIndex", () => {
  it("the point nearest the ideal after scaling each objective to [0, 1]", () => {
    // Scaled squared distances: 1, 1/36 + 0.36, 0.25 + 0.09, 1.
    const front = [[0, 10], [1, 6], [3, 3], [6, 0]];
    expect(kneeIndex(front)).toBe(2);
    // Units do not matter: the same front with objective 1 in thousandths.
    expect(kneeIndex(front.map(([a, b]) => [a!, b! * 1000]))).toBe(2);
  });

  it("ties go to the first; a zero range scales to 0; an empty front throws", () => {
    expect(kneeIndex([[0, 1], [1, 0]])).toBe(0);
    expect(kneeIndex([[1, 0], [0, 1]])).toBe(0);
    expect(kneeIndex([[2, 5], [1, 5]])).toBe(1);
    expect(kneeIndex([[7, 7]])).toBe(0);
    expect(() => kneeIndex([])).toThrow("kneeIndex: the front is empty");
  });
});

describe("referencePoint", () => {
  it("the worst value plus a tenth of the range, or plus 1 for a zero range", () => {
    expect(referencePoint([[0, 10], [1, 6], [3, 3], [6, 0]])).toEqual([6.6, 11]);
    expect(referencePoint([[2, -3], [2, -5]])).toEqual([3, -2.8]);
    expect(() => referencePoint([])).toThrow("no points");
  });

  it("the next double up when rounding swallows the margin, so every point still counts", () => {
    expect(referencePoint([[1e16], [1e16 + 2]])).toEqual([1e16 + 4]);
    expect(referencePoint([[-1e16], [-1e16 + 2]])).toEqual([-1e16 + 4]);
    const points = [[1e16, 1], [1e16 + 2, 0]];
    expect(hypervolumeContributions(points, referencePoint(points)).every((c) => c > 0)).toBe(true);
  });
});
