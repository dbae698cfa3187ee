// Promotion in successive halving and Hyperband (tools/src/scheduler/promote.ts): the best by
// the metric go on, ties break by declared order, failed trials never do, and the arrival order
// of the results changes nothing.
import { describe, expect, it } from "vitest";
import { promote, type RungResult } from "../tools/src/scheduler/promote.ts";

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
