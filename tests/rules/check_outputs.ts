// `bazel test //tests/rules:outputs_test`: checks what model, evaluate and hyperparam_search wrote
// for the fixtures of this package: outputs, the script contract, run records, leaderboards.
// Bundled by //tests/rules:check_outputs and run by node_test with the fixtures' outputs as runfiles.
// Usage: node check_outputs.cjs PACKAGE_DIR (the package's directory in the runfiles: tests/rules)
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LEADERBOARD_FORMAT, type LeaderboardJson, parseBest, readLeaderboard } from "../../tools/src/formats/leaderboard.ts";
import { readRunRecord, RUN_RECORD_FORMAT, type TrainRecord } from "../../tools/src/formats/run-record.ts";
import { type Check, runChecks } from "../harness/node-checks.ts";

const dir = process.argv[2] ?? "";
if (!existsSync(join(dir, "mlp.model"))) {
  throw new Error(`usage: check_outputs.cjs PACKAGE_DIR, the directory of the fixtures' outputs (got "${dir}")`);
}

const read = (rel: string): string => readFileSync(join(dir, rel), "utf8");
const readJson = <T = Record<string, unknown>>(rel: string): T => JSON.parse(read(rel)) as T;
const list = (rel: string): string[] => readdirSync(join(dir, rel)).sort();
const board = (search: string): LeaderboardJson => readLeaderboard(join(dir, `${search}.leaderboard.json`));
const bytes = (text: string): number => Buffer.byteLength(text);

function trainRecord(rel: string): TrainRecord {
  const record = readRunRecord(join(dir, rel));
  assert.equal(record.kind, "train", `${rel} is a train record`);
  return record as TrainRecord;
}

function includes(text: string, part: string, what: string): void {
  assert.ok(text.includes(part), `${what} should contain ${JSON.stringify(part)}, but is:\n${text}`);
}

function within(value: number, low: number, high: number, what: string): void {
  assert.ok(value >= low && value <= high, `${what} = ${value} should be in [${low}, ${high}]`);
}

const checks: Check[] = [
  {
    name: "model: runs the train executable with the contract's flags and environment",
    run() {
      const model = read("mlp.model");
      includes(model, 'hyperparams={"hidden":"64","lr":"0.1"}', "mlp.model");
      includes(model, "seed=1", "mlp.model");
      includes(read("mlp.train.log"), 'training with {"hidden":"64","lr":"0.1"} seed 1', "mlp.train.log");
      assert.equal(read("mlp.extras/curve.txt"), "epoch 1 loss 0.5\n");
      assert.deepEqual(readJson("mlp.hyperparams.json"), { hidden: "64", lr: "0.1" });
    },
  },
  {
    name: "model: writes a run record with the command, hyperparams and input digests",
    run() {
      const record = trainRecord("mlp.train.json");
      assert.equal(record.label, "//tests/rules:mlp");
      assert.equal(record.exit_code, 0);
      assert.ok(record.duration_ms >= 0, `duration_ms ${record.duration_ms}`);
      assert.deepEqual(record.hyperparams, { hidden: "64", lr: "0.1" });
      for (const arg of ["--training_data", "tests/rules/train.csv", "--seed", "1"]) {
        assert.ok(record.command.includes(arg), `the command ${JSON.stringify(record.command)} should include ${arg}`);
      }
      const data = record.inputs.training_data[0];
      assert.equal(data?.path, "tests/rules/train.csv");
      assert.match(data.sha256, /^[0-9a-f]{64}$/);
      assert.equal(record.outputs.model.bytes, bytes(read("mlp.model")));
    },
  },
  {
    name: "directories: a model written as a directory, passed on whole as another model's training data",
    run() {
      includes(read("dir_model.model/weights.txt"), 'hyperparams={"lr":"0.2"}', "dir_model.model/weights.txt");
      const record = trainRecord("distilled.train.json");
      const data = record.command[record.command.indexOf("--training_data") + 1];
      assert.match(data ?? "", /\/tests\/rules\/dir_model\.model$/);
      assert.equal(record.inputs.training_data.length, 1);
      assert.equal(record.inputs.training_data[0]?.bytes, bytes(read("dir_model.model/weights.txt")));
    },
  },
  {
    name: "directories: a search over directory models copies out the best directory",
    run() {
      const best = board("dir_search").best;
      assert.equal(read("dir_search.best_model.d/weights.txt"), read(`dir_search/${best}/model/weights.txt`));
    },
  },
  {
    name: "evaluate: writes the metrics the eval executable produced",
    run() {
      const metrics = readJson<{ accuracy: number; loss: number }>("mlp_eval.metrics.json");
      const expected = 0.9 - 0.05 * 0.05 - 1 / 64;
      // vitest's toBeCloseTo(expected, 6).
      assert.ok(Math.abs(metrics.accuracy - expected) < 5e-7, `accuracy ${metrics.accuracy}, expected ${expected}`);
      assert.equal(readJson<{ kind: string }>("mlp_eval.eval.json").kind, "eval");
    },
  },
  {
    name: "evaluate: names the model and the metrics from their `out` templates",
    run() {
      includes(read("renamed_h32.bin"), 'hyperparams={"hidden":"32"}', "renamed_h32.bin");
      assert.ok("accuracy" in readJson("renamed_eval/scores.json"), "renamed_eval/scores.json has accuracy");
    },
  },
  {
    name: "evaluate: evaluates a search's best model through its ModelInfo",
    run() {
      const best = readJson<{ accuracy: number }>("best_eval.metrics.json");
      assert.equal(best.accuracy, board("search").trials[0]?.value);
    },
  },
  {
    name: "hyperparam_search: trains and evaluates one model per grid point",
    run() {
      assert.deepEqual(list("search"), ["hidden_32__lr_0.05", "hidden_32__lr_0.1", "hidden_64__lr_0.05", "hidden_64__lr_0.1"]);
      const model = read("search/hidden_32__lr_0.1/model");
      includes(model, '"epochs":"3"', "search/hidden_32__lr_0.1/model");
      includes(model, '"hidden":"32"', "search/hidden_32__lr_0.1/model");
    },
  },
  {
    name: "hyperparam_search: ranks trials by metric and goal, and copies out the best model",
    run() {
      const ranked = board("search");
      assert.equal(ranked.metric, "accuracy");
      assert.deepEqual(
        ranked.trials.map((t) => t.trial),
        ["hidden_64__lr_0.05", "hidden_64__lr_0.1", "hidden_32__lr_0.05", "hidden_32__lr_0.1"],
      );
      assert.equal(ranked.best, "hidden_64__lr_0.05");
      assert.equal(read("search.best_model"), read("search/hidden_64__lr_0.05/model"));
      assert.deepEqual(readJson("search.best_hyperparams.json"), { epochs: "3", hidden: "64", lr: "0.05" });

      const csv = read("search.leaderboard.csv").trim().split("\n");
      assert.equal(csv[0], "rank,trial,epochs,hidden,lr,accuracy,loss");
      assert.match(csv[1] ?? "", /^1,hidden_64__lr_0\.05,3,64,0\.05,/);
      includes(read("search.leaderboard.md"), "| **1** | **hidden_64__lr_0.05** |", "search.leaderboard.md");
    },
  },
  {
    name: "hyperparam_search: minimizes when asked",
    run() {
      const values = board("random_search").trials.map((t) => t.value ?? Number.NaN);
      assert.deepEqual(values, [...values].sort((a, b) => a - b));
    },
  },
  {
    name: "hyperparam_search: samples random trials inside their distributions, the same way for the same seed",
    run() {
      const first = board("random_search");
      const names = (b: LeaderboardJson): string[] => b.trials.map((t) => t.trial).sort();
      assert.equal(first.trials.length, 4);
      assert.deepEqual(names(board("random_search_same_seed")), names(first));
      assert.notDeepEqual(names(board("random_search_other_seed")), names(first));
      for (const { trial, hyperparams: hp } of first.trials) {
        const batch = Number(hp.batch);
        assert.ok(Number.isInteger(batch), `${trial}: batch ${hp.batch} is an integer`);
        within(batch, 16, 128, `${trial}: batch`);
        assert.ok(["32", "64", "128"].includes(hp.hidden ?? ""), `${trial}: hidden ${hp.hidden} is one of the choices`);
        within(Number(hp.l2), 0, 0.01, `${trial}: l2`);
        within(Number(hp.lr), 1e-4, 1e-1, `${trial}: lr`);
      }
    },
  },
  {
    name: "hyperparam_search: gives odd values safe, distinct trial names",
    run() {
      const names = list("odd_values");
      assert.equal(names.length, 5, `trials: ${names.join(", ")}`);
      for (const name of names) {
        assert.match(name, /^[A-Za-z0-9._-]+$/);
        assert.ok(name.length <= 64, `${name} is at most 64 characters`);
      }
      assert.deepEqual(
        board("odd_values").trials.map((t) => t.hyperparams.path).sort(),
        ["a/b", "a_b", "with space", "..", "x".repeat(200)].sort(),
      );
    },
  },
  {
    name: "hyperparam_search: names outputs from a template with hyperparameter placeholders",
    run() {
      const names = list("templated");
      for (const name of ["lr0.01.bin", "lr0.1.bin"]) assert.ok(names.includes(name), `templated/ holds ${name}: ${names.join(", ")}`);
      includes(read("templated/lr0.01.bin"), '"lr":"0.01"', "templated/lr0.01.bin");
    },
  },
  {
    name: "the formats the rules write pass their readers: run records, the leaderboard and best.json are in their current formats, every trial succeeded",
    run() {
      assert.equal(readRunRecord(join(dir, "mlp.train.json")).format, RUN_RECORD_FORMAT);
      assert.equal(readRunRecord(join(dir, "mlp_eval.eval.json")).kind, "eval");
      const ranked = board("search");
      assert.equal(ranked.format, LEADERBOARD_FORMAT);
      assert.equal(ranked.schedule, null);
      assert.deepEqual(
        ranked.trials.map((t) => t.outcome),
        ranked.trials.map(() => "succeeded"),
      );
      for (const trial of list("search")) {
        const record = readRunRecord(join(dir, "search", trial, "run.eval.json"));
        assert.equal(record.outcome, "succeeded", `search/${trial}/run.eval.json`);
      }
      const bestFile = join(dir, "search.best.json");
      assert.equal(parseBest(JSON.parse(readFileSync(bestFile, "utf8")), bestFile).trial, "hidden_64__lr_0.05");
    },
  },
];

runChecks(checks);
