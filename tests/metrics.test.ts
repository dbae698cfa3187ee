// Metric names: a flat key with a dot ("val.acc") and a nested path ("val" then "acc") are both
// names a search can rank by, and the names the messages list are the names metricAt reads.
import { describe, expect, it } from "vitest";
import { metricAt, scalarMetrics } from "../tools/src/lib/metrics.ts";

describe("metric names", () => {
  it("reads a flat key that holds a dot, whole", () => {
    expect(metricAt({ "val.acc": 0.9 }, "val.acc")).toBe(0.9);
  });

  it("reads a dotted path into nested objects, and mixes of both", () => {
    expect(metricAt({ val: { acc: 0.8 } }, "val.acc")).toBe(0.8);
    expect(metricAt({ eval: { "top.1": 0.7 } }, "eval.top.1")).toBe(0.7);
    expect(metricAt({ "eval.top": { "1": 0.6 } }, "eval.top.1")).toBe(0.6);
    expect(metricAt({ cm: [[1, 2]] }, "cm.0.1")).toBe(2);
  });

  it("prefers the key as written to a path, and finds neither when absent", () => {
    expect(metricAt({ "val.acc": 0.9, val: { acc: 0.1 } }, "val.acc")).toBe(0.9);
    expect(metricAt({ val: { loss: 0.1 } }, "val.acc")).toBeUndefined();
    expect(metricAt({ val: { acc: "high" } }, "val.acc")).toBeUndefined();
  });

  it("lists names that metricAt reads, with the same values", () => {
    const metrics = { "val.acc": 0.9, val: { acc: 0.1, loss: 0.2 }, test: { "top.1": 0.5 }, cm: [[1]] };
    const names = scalarMetrics(metrics);
    expect(names).toEqual({ "val.acc": 0.9, "val.loss": 0.2, "test.top.1": 0.5 });
    for (const [name, value] of Object.entries(names)) expect(metricAt(metrics, name)).toBe(value);
  });
});
