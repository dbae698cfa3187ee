// The multi-fidelity HPO benchmark's figures (tools/bench/hpo/mf-regret.ts): the sequential order
// of a Hyperband leaderboard's evaluations, and regret at the full fidelity within a budget.
import { describe, expect, it } from "vitest";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";
import { mfRegret, scheduleEvaluations, type MfEvaluation } from "../tools/bench/hpo/mf-regret.ts";
import { mfSettings } from "../tools/bench/hpo/multi-fidelity.ts";

const trial = (name: string, epochs: number, loss: number, trueLoss: number, runtime: number) => ({
  rank: 0, trial: name, hyperparams: {}, seed: 1, outcome: epochs === 9 ? "succeeded" : "pruned", error: null, value: loss,
  metrics: { loss, true_loss: trueLoss, runtime }, model: "", bracket: 0, rung: 0, epochs,
}) as LeaderboardJson["trials"][number];
const entry = (name: string, value: number, decision: "continue" | "stop" | "final") => ({ trial: name, outcome: "succeeded", value, decision, forced: false }) as const;

// Two brackets of a 3-to-9-epoch Hyperband: bracket 1 (a, b at 3 epochs, a goes on to 9), bracket 0 (c at 9).
const board = {
  format: 3, label: "//:s", metric: "loss", goal: "minimize", best: "c",
  trials: [trial("a", 9, -1, -0.9, 90), trial("b", 3, 0.5, 0.4, 30), trial("c", 9, -2, -1.5, 90)],
  schedule: {
    scheduler: "hyperband", min_epochs: 3, max_epochs: 9, reduction_factor: 3,
    brackets: [
      { bracket: 0, rungs: [{ epochs: 9, keep: null, trials: [entry("c", -2, "final")] }] },
      { bracket: 1, rungs: [{ epochs: 3, keep: 1, trials: [entry("a", 0, "continue"), entry("b", 0.5, "stop")] }, { epochs: 9, keep: null, trials: [entry("a", -1, "final")] }] },
    ],
  },
} as unknown as LeaderboardJson;

describe("scheduleEvaluations", () => {
  it("orders the most aggressive bracket first, costs each rung's new epochs, and counts a trial's runtime once", () => {
    const evaluations = scheduleEvaluations(board);
    expect(evaluations.map((e) => [e.trial, e.epochs, e.full, e.runtime])).toEqual([
      ["a", 3, false, 90], ["b", 3, false, 30], ["a", 6, true, 0], ["c", 9, true, 90],
    ]);
    expect(evaluations.reduce((sum, e) => sum + e.epochs, 0)).toBe(21);
    expect(evaluations[2]).toMatchObject({ loss: -1, trueLoss: -0.9 });
  });
});

describe("mfRegret", () => {
  const evaluations: MfEvaluation[] = [
    { trial: "a", epochs: 3, full: false, loss: -5, trueLoss: -5, runtime: 0 },
    { trial: "a", epochs: 6, full: true, loss: -1.2, trueLoss: -0.9, runtime: 0 },
    { trial: "c", epochs: 9, full: true, loss: -1.1, trueLoss: -1.5, runtime: 0 },
  ];
  it("counts only full-fidelity evaluations inside the budget", () => {
    expect(mfRegret(evaluations, -2, 8)).toEqual({ best: undefined, incumbent: undefined });
    expect(mfRegret(evaluations, -2, 9)).toEqual({ best: 1.1, incumbent: 1.1 });
    expect(mfRegret(evaluations, -2, 17)).toEqual({ best: 1.1, incumbent: 1.1 });
  });
  it("gives the best true loss, and the true loss of the one with the best noisy loss", () => {
    const final = mfRegret(evaluations, -2, Number.POSITIVE_INFINITY);
    expect(final.best).toBeCloseTo(0.5);
    expect(final.incumbent).toBeCloseTo(1.1);
  });
});

describe("the multi-fidelity run's settings", () => {
  it("takes mf or mf_<task> and one seed, default both tasks at seed 1", () => {
    expect(mfSettings({ BENCH_HPO_TASK: "mf" })).toEqual({ tasks: ["hartmann6", "branin"], seed: 1 });
    expect(mfSettings({ BENCH_HPO_TASK: "mf_branin", BENCH_HPO_SEED: "7" })).toEqual({ tasks: ["branin"], seed: 7 });
  });

  it("says what is wrong and the fix", () => {
    expect(() => mfSettings({ BENCH_HPO_TASK: "mf_rosenbrock" })).toThrow(/BENCH_HPO_TASK = "mf_rosenbrock" is not a multi-fidelity task\.\nFix: give BENCH_HPO_TASK=mf \(both\) or one of mf_hartmann6, mf_branin\./);
    expect(() => mfSettings({ BENCH_HPO_TASK: "mf", BENCH_HPO_SEED: "x" })).toThrow(/BENCH_HPO_SEED = "x": "x" is not an integer[^]*\nFix: give e\.g\./);
    expect(() => mfSettings({ BENCH_HPO_TASK: "mf", BENCH_HPO_SEED: "1-3" })).toThrow(/names 3 seeds; the multi-fidelity run takes one\.\nFix: run it once per seed/);
  });
});
