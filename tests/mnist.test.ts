// The mnist example end to end: real digits, a real MLP, its evaluation and a grid search,
// with the quality floors of the design and byte-identical models from clean builds.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { executedByMnemonic } from "./harness/execution-log.ts";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";

const bin = join(repoRoot, "bazel-bin", "mnist");
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

interface Metrics {
  accuracy: number;
  loss: number;
  examples: number;
  per_class: { precision: number[]; recall: number[]; f1: number[] };
  confusion_matrix: number[][];
}

beforeAll(async () => {
  await bazel(["build", "//mnist:bzl_eval", "//mnist:bzl_search", "//mnist:bzl_hyperband"]);
});

describe("mnist", () => {
  it("prepares 8 000 training and 2 000 held-out digits as IDX files", () => {
    const labels = (name: string): Buffer => readFileSync(join(bin, "data", "npm", name));
    expect(labels("train-labels-idx1-ubyte").readInt32BE(4)).toBe(8000);
    expect(labels("t10k-labels-idx1-ubyte").readInt32BE(4)).toBe(2000);
    expect(readFileSync(join(bin, "data", "npm", "t10k-images-idx3-ubyte")).readInt32BE(0)).toBe(2051);
  });

  it("bzl_eval: the MLP reaches at least 94% on the held-out digits, with full metrics", () => {
    const metrics = readJson<Metrics>(join(bin, "bzl_eval.metrics.json"));
    console.log(`bzl_training accuracy: ${metrics.accuracy}`);
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.94);
    expect(metrics.examples).toBe(2000);
    expect(metrics.per_class.f1).toHaveLength(10);
    expect(metrics.confusion_matrix.flat().reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it("bzl_search: a grid over hidden x lr whose best trial reaches at least 95%", () => {
    const board = readJson<{ best: string; trials: { trial: string; value: number; hyperparams: Record<string, string> }[] }>(
      join(bin, "bzl_search.leaderboard.json"),
    );
    console.log(board.trials.map((t) => `${t.trial}: ${t.value}`).join("\n"));
    expect(board.trials).toHaveLength(4);
    expect(new Set(board.trials.map((t) => t.hyperparams.hidden)).size).toBeGreaterThan(1);
    expect(new Set(board.trials.map((t) => t.hyperparams.lr)).size).toBeGreaterThan(1);
    expect(board.trials[0]!.value).toBeGreaterThanOrEqual(0.95);
    expect(sha256(join(bin, "bzl_search.best_model"))).toBe(sha256(join(bin, "bzl_search", board.best, "model")));
  });

  it("splits the 8 000 training digits into 7 001 to fit and 999 to validate, stratified by class", () => {
    const count = (name: string): number => readFileSync(join(bin, "data", "split", name)).readInt32BE(4);
    expect(count("fit-labels-idx1-ubyte")).toBe(7001);
    expect(count("validation-labels-idx1-ubyte")).toBe(999);
  });

  it("bzl_hyperband: one build runs Hyperband's 3 brackets, decided on the validation digits", () => {
    const board = readJson<LeaderboardJson>(join(bin, "bzl_hyperband.leaderboard.json"));
    console.log(board.trials.map((t) => `${t.trial} (bracket ${t.bracket}, ${t.epochs} epochs, ${t.outcome}): ${t.value}`).join("\n"));
    expect(board.trials).toHaveLength(17);
    expect(board.schedule!.brackets.map((b) => b.rungs.map((r) => r.trials.length))).toEqual([[9, 3, 1], [5, 1], [3]]);
    expect(board.trials.filter((t) => t.outcome === "succeeded")).toHaveLength(5);
    expect(board.trials.filter((t) => t.outcome === "pruned")).toHaveLength(12);
    expect(board.trials[0]!.value).toBeGreaterThanOrEqual(0.95);
    // Every decision used a validation metric: the rungs' values are not the leaderboard's test values.
    const rung1 = board.schedule!.brackets[0]!.rungs[0]!.trials;
    expect(rung1.every((t) => t.value !== null && t.value > 0)).toBe(true);
  });

  it("the two-objective searches (accuracy against params): a front whose knee is the best model, with each sampler and Hyperband", async () => {
    const searches = ["bzl_pareto_random", "bzl_pareto_tpe", "bzl_pareto_nsga2", "bzl_pareto_hyperband"];
    await bazel(["build", ...searches.map((s) => `//mnist:${s}`)]);
    for (const search of searches) {
      const board = readJson<LeaderboardJson>(join(bin, `${search}.leaderboard.json`));
      console.log(`${search}: front ${board.front.map((t) => { const row = board.trials.find((r) => r.trial === t)!; return `${t} (${row.metrics["accuracy"]}, ${row.metrics["params"]})`; }).join(", ")}`);
      expect(board.objectives.map((o) => o.name)).toEqual(["accuracy", "params"]);
      expect(board.front.length).toBeGreaterThanOrEqual(2);
      expect(board.front[0]).toBe(board.best);
      // No trial of the front is beaten on both objectives by any trial that trained as far.
      const done = board.trials.filter((t) => t.outcome === "succeeded");
      for (const name of board.front) {
        const f = board.trials.find((t) => t.trial === name)!;
        const beaten = done.some((t) => t.metrics["accuracy"]! >= f.metrics["accuracy"]! && t.metrics["params"]! <= f.metrics["params"]! && (t.metrics["accuracy"]! > f.metrics["accuracy"]! || t.metrics["params"]! < f.metrics["params"]!));
        expect(beaten, `${search}: ${name} is on the front but beaten`).toBe(false);
      }
      // params = 784 hidden + hidden + 10 hidden + 10 for one hidden layer: deterministic.
      for (const t of done) expect(t.metrics["params"]).toBe(795 * Number(t.hyperparams["hidden"]) + 10);
      expect(readFileSync(join(bin, `${search}.report.html`), "utf8")).toContain("Pareto front");
    }
  });

  describe("determinism", () => {
    let otherBase = "";
    afterAll(async () => {
      if (!otherBase) return;
      await bazel([`--output_base=${otherBase}`, "shutdown"], { allowFailure: true });
      rmSync(otherBase, { recursive: true, force: true });
    });

    it("two clean builds in different output bases give byte-identical models, checkpoints and metrics", async () => {
      const files = [
        "bzl_training.model",
        ...[2, 4, 6, 8].map((e) => `bzl_checkpointed.segments/epoch_${e}.ckpt`),
        "bzl_checkpointed.curve.json",
        "bzl_eval.metrics.json",
        "bzl_checkpointed_eval.metrics.json",
      ];
      const targets = ["//mnist:bzl_eval", "//mnist:bzl_checkpointed", "//mnist:bzl_checkpointed_eval"];
      await bazel(["build", ...targets]);
      const first = files.map((f) => sha256(join(bin, f)));

      otherBase = mkdtempSync(join(tmpdir(), "databazel-output-base-"));
      // The workspace's bazel-bin must keep pointing at the main output base. No disk cache: the
      // default one would serve this build the very bytes it is compared with.
      const log = join(otherBase, "exec.json");
      await bazel([
        `--output_base=${otherBase}`,
        "build",
        "--disk_cache=",
        "--experimental_convenience_symlinks=ignore",
        `--execution_log_json_file=${log}`,
        ...targets,
      ]);
      // Really trained and evaluated again: one model, 4 segments, 2 evaluations.
      expect(executedByMnemonic(log)).toMatchObject({ DatabazelTrain: 5, DatabazelEval: 2 });
      const otherBin = (await bazel([`--output_base=${otherBase}`, "info", "bazel-bin"])).stdout.trim();
      const second = files.map((f) => sha256(join(otherBin, "mnist", f)));
      expect(second).toEqual(first);
    });
  });
});
