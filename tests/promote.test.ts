// Promotion in successive halving and Hyperband (tools/src/scheduler/promote.ts): the best by
// the metric go on, ties break by declared order, failed trials never do, and the arrival order
// of the results changes nothing.
import { describe, expect, it } from "vitest";
import { promote, promoteByFronts, type ParetoRungResult, type RungResult } from "../tools/src/scheduler/promote.ts";

const result = (trial: string, order: number, value: number | undefined, outcome: RungResult["outcome"] = "succeeded"): RungResult => ({
  trial,
  order,
  outcome,
  value,
});

const continuing = (decisions: Map<string, string>) => [...decisions].filter(([, d]) => d === "continue").map(([t]) => t);

describe("promote", () => {
  const rung = [result("a", 0, 0.7), result("b", 1, 0.9), result("c", 2, 0.8), result("d", 3, 0.6)];

  it("keeps the best by the metric, in either direction", () => {
    expect(continuing(promote(rung, "maximize", 2)).sort()).toEqual(["b", "c"]);
    expect(continuing(promote(rung, "minimize", 1))).toEqual(["d"]);
    expect(promote(rung, "maximize", 2).get("a")).toBe("stop");
  });

  it("breaks ties by declared order, whatever order the results arrive in", () => {
    const tied = [result("x", 2, 0.5), result("y", 0, 0.5), result("z", 1, 0.5)];
    expect(continuing(promote(tied, "maximize", 1))).toEqual(["y"]);
    expect(continuing(promote([...tied].reverse(), "maximize", 1))).toEqual(["y"]);
    expect(continuing(promote(tied, "maximize", 2)).sort()).toEqual(["y", "z"]);
  });

  it("never promotes a trial that failed, timed out, diverged or has no finite value", () => {
    const bad = [
      result("failed", 0, 0.99, "failed"),
      result("slow", 1, undefined, "timed_out"),
      result("nan", 2, Number.NaN),
      result("inf", 3, Number.POSITIVE_INFINITY),
      result("ok", 4, 0.1),
    ];
    expect(continuing(promote(bad, "maximize", 3))).toEqual(["ok"]);
    expect(promote(bad, "maximize", 3).size).toBe(5);
  });

  it("refuses a keep that is not a whole number of at least 1", () => {
    expect(() => promote(rung, "maximize", 0)).toThrow(/keep must be a whole number >= 1, got 0/);
    expect(() => promote(rung, "maximize", 1.5)).toThrow(/got 1.5/);
  });
});

describe("promoteByFronts (several objectives, constraints)", () => {
  // (accuracy, params): maximize accuracy, minimize params.
  const point = (trial: string, order: number, values: [number, number] | undefined, violation = 0, outcome: RungResult["outcome"] = "succeeded"): ParetoRungResult => ({
    trial,
    order,
    outcome,
    values,
    violation,
  });
  const goals = ["maximize", "minimize"] as const;

  it("keeps whole fronts first, then the widest gaps of the front that does not fit", () => {
    // Front 1: a (0.9, 900), b (0.8, 500), c (0.62, 300), d (0.6, 100); e (0.5, 900) is dominated.
    // Crowding: a and d are the extremes (infinite); b's neighbours are a and c,
    // (0.9 - 0.62) / 0.3 + (900 - 300) / 800 = 1.683; c's are b and d, 0.2 / 0.3 + 400 / 800 = 1.167.
    const rung = [point("a", 0, [0.9, 900]), point("b", 1, [0.8, 500]), point("c", 2, [0.62, 300]), point("d", 3, [0.6, 100]), point("e", 4, [0.5, 900])];
    expect(continuing(promoteByFronts(rung, goals, 2)).sort()).toEqual(["a", "d"]);
    expect(continuing(promoteByFronts(rung, goals, 3)).sort()).toEqual(["a", "b", "d"]);
    expect(continuing(promoteByFronts(rung, goals, 5)).sort()).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("ranks infeasible trials after every feasible one, by violation", () => {
    // x is the best on both objectives but breaks a constraint; y, dominated by x, keeps them.
    const rung = [point("x", 0, [0.99, 10], 2), point("y", 1, [0.5, 500]), point("z", 2, [0.98, 20], 1)];
    expect(continuing(promoteByFronts(rung, goals, 1))).toEqual(["y"]);
    expect(continuing(promoteByFronts(rung, goals, 2)).sort()).toEqual(["y", "z"]);
  });

  it("breaks ties by declared order and never promotes a trial without finite values", () => {
    const rung = [point("p", 2, [0.7, 100]), point("q", 0, [0.7, 100]), point("r", 1, undefined, 0, "failed"), point("s", 3, [NaN, 1])];
    expect(continuing(promoteByFronts(rung, goals, 1))).toEqual(["q"]);
    expect(continuing(promoteByFronts([...rung].reverse(), goals, 1))).toEqual(["q"]);
    expect(continuing(promoteByFronts(rung, goals, 4)).sort()).toEqual(["p", "q"]);
  });
});
