// `bazel test //tests/pareto:outputs_test`: checks the multi-objective searches of this package
// against fronts worked out by hand from eval.sh's formulas (accuracy = 0.9 - 0.1 d^2 -
// 0.3 / (epochs + 1) - 1 / hidden + bias, d = log10(lr / 0.05); params = 100 hidden; latency_ms =
// hidden / 8): ties and duplicates, constraints, diverged and pruned trials, the knee, the Pareto
// successive halving's promotions, and each sampler.
// Usage: node check_outputs.cjs PACKAGE_DIR (the package's directory in the runfiles: tests/pareto)
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type LeaderboardJson, parseBest, readLeaderboard } from "../../tools/src/formats/leaderboard.ts";
import type { SamplerHistory } from "../../tools/src/formats/sampler-history.ts";
import { readRungSummary } from "../../tools/src/formats/scheduler.ts";
import { type Check, runChecks } from "../harness/node-checks.ts";

const dir = process.argv[2] ?? "";
if (!existsSync(join(dir, "front.leaderboard.json"))) {
  throw new Error(`usage: check_outputs.cjs PACKAGE_DIR, the directory of the fixtures' outputs (got "${dir}")`);
}

const board = (search: string): LeaderboardJson => readLeaderboard(join(dir, `${search}.leaderboard.json`));
const order = (b: LeaderboardJson): string[] => b.trials.map((t) => t.trial);
const column = <K extends keyof LeaderboardJson["trials"][number]>(b: LeaderboardJson, key: K) => b.trials.map((t) => t[key]);
const t = (hidden: number, lr: string, copy?: string): string => `${copy ? `copy_${copy}__` : ""}hidden_${hidden}__lr_${lr}`;

const checks: Check[] = [
  {
    name: "front: the Pareto front first, duplicates share it, the knee leads it",
    run() {
      const b = board("front");
      assert.deepEqual(b.objectives, [
        { name: "accuracy", goal: "maximize" },
        { name: "params", goal: "minimize" },
      ]);
      assert.equal(b.select, "knee");
      // lr = 0.05 dominates lr = 0.5 at every width; along the front, accuracy and params both
      // grow with hidden. Scaled to [0, 1] over the front, the squared distances to the ideal
      // point are 1 (hidden 8), 0.2222 (16), 0.08 (32) and 1 (128): the knee is hidden = 32, and
      // of its two copies the one declared first.
      const front = [t(32, "0.05", "a"), t(128, "0.05", "a"), t(128, "0.05", "b"), t(32, "0.05", "b"), t(16, "0.05", "a"), t(16, "0.05", "b"), t(8, "0.05", "a"), t(8, "0.05", "b")];
      assert.deepEqual(b.front, front);
      assert.equal(b.best, t(32, "0.05", "a"));
      assert.deepEqual(order(b).slice(0, 8), front);
      assert.deepEqual(order(b).slice(8), [t(128, "0.5", "a"), t(128, "0.5", "b"), t(32, "0.5", "a"), t(32, "0.5", "b"), t(16, "0.5", "a"), t(16, "0.5", "b"), t(8, "0.5", "a"), t(8, "0.5", "b")]);
      assert.deepEqual(column(b, "pareto_rank"), [...Array(8).fill(1), ...Array(8).fill(2)]);
      assert.deepEqual(column(b, "rank"), b.trials.map((_, i) => i + 1));
      // The front's extremes (both copies of hidden 8 and of hidden 128) have infinite crowding.
      for (const row of b.trials.slice(0, 8)) {
        assert.equal(row.crowding === null, row.hyperparams["hidden"] === "8" || row.hyperparams["hidden"] === "128", `${row.trial}'s crowding ${row.crowding}`);
      }
      assert.ok(b.trials.every((row) => row.violation === 0));
      assert.equal(b.metric, "accuracy");
      assert.equal(b.trials[0]!.value, 0.79375);
    },
  },
  {
    name: "front: best.json names the knee and lists the front with every objective",
    run() {
      const best = parseBest(JSON.parse(readFileSync(join(dir, "front.best.json"), "utf8")), "front.best.json");
      assert.equal(best.trial, t(32, "0.05", "a"));
      assert.deepEqual(best.values, { accuracy: 0.79375, params: 3200 });
      assert.equal(best.select, "knee");
      assert.equal(best.front.length, 8);
      assert.deepEqual(best.front[1], {
        trial: t(128, "0.05", "a"),
        hyperparams: { copy: "a", hidden: "128", lr: "0.05" },
        seed: 1,
        values: { accuracy: 0.817188, params: 12800 },
        model: "tests/pareto/front/copy_a__hidden_128__lr_0.05/model",
      });
    },
  },
  {
    name: "front: the CSV and Markdown carry the Pareto rank and every objective",
    run() {
      const csv = readFileSync(join(dir, "front.leaderboard.csv"), "utf8").split("\n");
      assert.equal(csv[0], "rank,trial,pareto_rank,copy,hidden,lr,accuracy,params,latency_ms");
      assert.equal(csv[1], "1,copy_a__hidden_32__lr_0.05,1,a,32,0.05,0.79375,3200,4");
      const md = readFileSync(join(dir, "front.leaderboard.md"), "utf8");
      assert.ok(md.startsWith("Leaderboard of `//tests/pareto:front`: accuracy (higher is better), params (lower is better);"), md);
    },
  },
  {
    name: "constrained: infeasible trials after every feasible one, sharing a rank by violation; select picks by accuracy",
    run() {
      const b = board("constrained");
      assert.deepEqual(b.constraints, [{ metric: "latency_ms", op: "<=", bound: 4 }]);
      assert.deepEqual(order(b), [t(32, "0.05"), t(16, "0.05"), t(8, "0.05"), t(32, "0.5"), t(16, "0.5"), t(8, "0.5"), t(64, "0.05"), t(64, "0.5")]);
      assert.deepEqual(column(b, "pareto_rank"), [1, 1, 1, 2, 2, 2, 3, 3]);
      // hidden = 64 has latency_ms = 8: 4 over the bound. Its lr = 0.05 trial has the best
      // accuracy of all, yet ranks after every feasible trial.
      assert.deepEqual(column(b, "violation"), [0, 0, 0, 0, 0, 0, 4, 4]);
      assert.deepEqual(b.front, [t(32, "0.05"), t(16, "0.05"), t(8, "0.05")]);
      assert.equal(b.best, t(32, "0.05"));
      assert.equal(b.select, "accuracy");
      const csv = readFileSync(join(dir, "constrained.leaderboard.csv"), "utf8").split("\n");
      assert.equal(csv[0], "rank,trial,pareto_rank,violation,hidden,lr,accuracy,params,latency_ms");
    },
  },
  {
    name: "diverging: diverged trials rank last, on no front",
    run() {
      const b = board("diverging");
      assert.deepEqual(order(b), [t(16, "0.05"), t(8, "0.05"), t(8, "9"), t(16, "9")]);
      assert.deepEqual(column(b, "outcome"), ["succeeded", "succeeded", "diverged", "diverged"]);
      assert.deepEqual(column(b, "pareto_rank"), [1, 1, null, null]);
      assert.deepEqual(column(b, "violation"), [0, 0, null, null]);
      // Two points scale to (0, 1) and (1, 0): equally near the ideal; the first by accuracy wins.
      assert.deepEqual(b.front, [t(16, "0.05"), t(8, "0.05")]);
      assert.equal(b.best, t(16, "0.05"));
    },
  },
  {
    name: "halving: rungs promote by fronts, then crowding distance, then declared order",
    run() {
      const summary = (epochs: number) => readRungSummary(join(dir, `halving/rungs/bracket_0_epoch_${epochs}.rung.json`));
      const kept = (epochs: number) => summary(epochs).trials.filter((e) => e.decision === "continue").map((e) => e.trial);
      // At 1 epoch (validation bias 0.01) the front is lr = 0.05 at all five widths; 3 of 10 go
      // on: the two extremes (hidden 8 and 128, infinite crowding) and the widest gap, hidden 64
      // (crowding 1.156, against 0.844 for 16 and 0.8 for 24).
      assert.deepEqual(kept(1), [t(8, "0.05"), t(64, "0.05"), t(128, "0.05")]);
      // At 3 epochs all three are on the front, hidden 8 and 128 both infinitely crowded: the
      // one declared first goes on.
      assert.deepEqual(kept(3), [t(8, "0.05")]);
      const b = board("halving");
      assert.equal(b.best, t(8, "0.05"));
      assert.deepEqual(b.front, [t(8, "0.05")]);
      assert.deepEqual(order(b).slice(0, 3), [t(8, "0.05"), t(128, "0.05"), t(64, "0.05")]);
      assert.deepEqual(column(b, "outcome").slice(0, 3), ["succeeded", "pruned", "pruned"]);
    },
  },
  {
    name: "samplers: MO-TPE and NSGA-II propose from every objective; random search ranks by fronts too",
    run() {
      const hp = (search: string) => new Map(board(search).trials.map((row) => [row.trial, row.hyperparams]));
      const [motpe, nsga2] = [hp("motpe"), hp("nsga2")];
      for (const [name, trials] of [["motpe", motpe], ["nsga2", nsga2], ["random", hp("random")]] as const) {
        for (const [trial, values] of trials) {
          const hidden = Number(values["hidden"]);
          const lr = Number(values["lr"]);
          assert.ok(Number.isInteger(hidden) && hidden >= 4 && hidden <= 128, `${name} ${trial}: hidden ${values["hidden"]}`);
          assert.ok(lr >= 0.001 && lr <= 1, `${name} ${trial}: lr ${values["lr"]}`);
        }
        assert.ok(board(name).front.length >= 1, `${name} has a front`);
      }
      assert.equal(motpe.size, 8);
      assert.equal(nsga2.size, 8);
      // The first batch is the same random draw; the second is each sampler's own.
      for (const k of ["b1_t1", "b1_t2", "b1_t3", "b1_t4"]) assert.deepEqual(motpe.get(k), nsga2.get(k));
      assert.notDeepEqual(["b2_t1", "b2_t2", "b2_t3", "b2_t4"].map((k) => motpe.get(k)), ["b2_t1", "b2_t2", "b2_t3", "b2_t4"].map((k) => nsga2.get(k)));
    },
  },
  {
    name: "a sampler executable reads every objective and each trial's violation (history format 2)",
    run() {
      const history = JSON.parse(readFileSync(join(dir, "executable/batches/batch_2.history.json"), "utf8")) as SamplerHistory;
      assert.equal(history.format, 2);
      assert.deepEqual(history.objectives, [
        { name: "accuracy", goal: "maximize" },
        { name: "params", goal: "minimize" },
      ]);
      assert.deepEqual(history.constraints, [{ metric: "latency_ms", op: "<=", bound: 1 }]);
      assert.equal(history.metric, "accuracy");
      assert.equal(history.trials.length, 2);
      for (const trial of history.trials) {
        assert.equal(trial.outcome, "succeeded");
        assert.equal(trial.values?.["params"], 1600);
        assert.equal(trial.values?.["accuracy"], trial.value);
        assert.equal(trial.violation, 1);
      }
      // Every trial breaks the constraint by the same amount: one front, of them all, by violation.
      const b = board("executable");
      assert.deepEqual(column(b, "violation"), [1, 1, 1, 1]);
      assert.deepEqual(column(b, "pareto_rank"), [1, 1, 1, 1]);
    },
  },
];

runChecks(checks);
