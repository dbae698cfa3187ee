// model, evaluate and hyperparam_search against the real Bazel, in the repository's own
// //tests/rules package: outputs, the script contract, run records, the leaderboard.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LEADERBOARD_FORMAT, parseBest, readLeaderboard } from "../tools/src/formats/leaderboard.ts";
import { parseTargetLine, type Target } from "../tools/src/formats/providers.ts";
import { readRunRecord, RUN_RECORD_FORMAT } from "../tools/src/formats/run-record.ts";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";

const bin = join(repoRoot, "bazel-bin", "tests", "rules");
const read = (rel: string): string => readFileSync(join(bin, rel), "utf8");
const readJson = <T = Record<string, unknown>>(rel: string): T => JSON.parse(read(rel)) as T;

interface Leaderboard {
  best: string;
  metric: string;
  goal: string;
  trials: { rank: number; trial: string; value: number; hyperparams: Record<string, string> }[];
}

beforeAll(async () => {
  await bazel(["build", "//tests/rules:all", "--output_groups=+records,+logs,+extras"]);
});

describe("model", () => {
  it("runs the train executable with the contract's flags and environment", () => {
    const model = read("mlp.model");
    expect(model).toContain('hyperparams={"hidden":"64","lr":"0.1"}');
    expect(model).toContain("seed=1");
    expect(read("mlp.train.log")).toContain('training with {"hidden":"64","lr":"0.1"} seed 1');
    expect(read("mlp.extras/curve.txt")).toBe("epoch 1 loss 0.5\n");
    expect(readJson("mlp.hyperparams.json")).toEqual({ hidden: "64", lr: "0.1" });
  });

  it("writes a run record with the command, hyperparams and input digests", () => {
    const record = readJson<{
      kind: string;
      label: string;
      exit_code: number;
      duration_ms: number;
      command: string[];
      hyperparams: Record<string, string>;
      inputs: { training_data: { path: string; sha256: string }[] };
      outputs: { model: { sha256: string; bytes: number } };
    }>("mlp.train.json");
    expect(record.kind).toBe("train");
    expect(record.label).toBe("//tests/rules:mlp");
    expect(record.exit_code).toBe(0);
    expect(record.duration_ms).toBeGreaterThanOrEqual(0);
    expect(record.hyperparams).toEqual({ hidden: "64", lr: "0.1" });
    expect(record.command).toEqual(expect.arrayContaining(["--training_data", "tests/rules/train.csv", "--seed", "1"]));
    expect(record.inputs.training_data[0]).toMatchObject({ path: "tests/rules/train.csv" });
    expect(record.inputs.training_data[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.outputs.model.bytes).toBe(Buffer.byteLength(read("mlp.model")));
  });
});

describe("directories", () => {
  it("a model written as a directory, passed on whole as another model's training data", () => {
    expect(read("dir_model.model/weights.txt")).toContain('hyperparams={"lr":"0.2"}');
    const record = readJson<{ command: string[]; inputs: { training_data: { path: string; bytes: number }[] } }>(
      "distilled.train.json",
    );
    const data = record.command[record.command.indexOf("--training_data") + 1];
    expect(data).toMatch(/\/tests\/rules\/dir_model\.model$/);
    expect(record.inputs.training_data).toHaveLength(1);
    expect(record.inputs.training_data[0]!.bytes).toBe(Buffer.byteLength(read("dir_model.model/weights.txt")));
  });

  it("a search over directory models copies out the best directory", () => {
    const board = readJson<Leaderboard>("dir_search.leaderboard.json");
    expect(read("dir_search.best_model.d/weights.txt")).toBe(read(`dir_search/${board.best}/model/weights.txt`));
  });
});

describe("evaluate", () => {
  it("writes the metrics the eval executable produced", () => {
    const metrics = readJson<{ accuracy: number; loss: number }>("mlp_eval.metrics.json");
    expect(metrics.accuracy).toBeCloseTo(0.9 - 0.05 * 0.05 - 1 / 64, 6);
    expect(readJson<{ kind: string }>("mlp_eval.eval.json").kind).toBe("eval");
  });

  it("names the model and the metrics from their `out` templates", () => {
    expect(read("renamed_h32.bin")).toContain('hyperparams={"hidden":"32"}');
    expect(readJson("renamed_eval/scores.json")).toHaveProperty("accuracy");
  });

  it("evaluates a search's best model through its ModelInfo", () => {
    const best = readJson<{ accuracy: number }>("best_eval.metrics.json");
    const board = readJson<Leaderboard>("search.leaderboard.json");
    expect(best.accuracy).toBe(board.trials[0]!.value);
  });
});

describe("hyperparam_search", () => {
  it("trains and evaluates one model per grid point", () => {
    expect(readdirSync(join(bin, "search")).sort()).toEqual([
      "hidden_32__lr_0.05",
      "hidden_32__lr_0.1",
      "hidden_64__lr_0.05",
      "hidden_64__lr_0.1",
    ]);
    const model = read("search/hidden_32__lr_0.1/model");
    expect(model).toContain('"epochs":"3"');
    expect(model).toContain('"hidden":"32"');
  });

  it("ranks trials by metric and goal, and copies out the best model", () => {
    const board = readJson<Leaderboard>("search.leaderboard.json");
    expect(board.metric).toBe("accuracy");
    expect(board.trials.map((t) => t.trial)).toEqual([
      "hidden_64__lr_0.05",
      "hidden_64__lr_0.1",
      "hidden_32__lr_0.05",
      "hidden_32__lr_0.1",
    ]);
    expect(board.best).toBe("hidden_64__lr_0.05");
    expect(read("search.best_model")).toBe(read("search/hidden_64__lr_0.05/model"));
    expect(readJson("search.best_hyperparams.json")).toEqual({ epochs: "3", hidden: "64", lr: "0.05" });

    const csv = read("search.leaderboard.csv").trim().split("\n");
    expect(csv[0]).toBe("rank,trial,epochs,hidden,lr,accuracy,loss");
    expect(csv[1]).toMatch(/^1,hidden_64__lr_0\.05,3,64,0\.05,/);
    const md = read("search.leaderboard.md");
    expect(md).toContain("| **1** | **hidden_64__lr_0.05** |");
  });

  it("minimizes when asked", () => {
    const board = readJson<Leaderboard>("random_search.leaderboard.json");
    const values = board.trials.map((t) => t.value);
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it("samples random trials inside their distributions, the same way for the same seed", () => {
    const board = readJson<Leaderboard>("random_search.leaderboard.json");
    const again = readJson<Leaderboard>("random_search_same_seed.leaderboard.json");
    const other = readJson<Leaderboard>("random_search_other_seed.leaderboard.json");
    const names = (b: Leaderboard): string[] => b.trials.map((t) => t.trial).sort();
    expect(board.trials).toHaveLength(4);
    expect(names(again)).toEqual(names(board));
    expect(names(other)).not.toEqual(names(board));
    for (const { hyperparams: hp } of board.trials) {
      expect(Number(hp.batch)).toSatisfy((b: number) => Number.isInteger(b) && b >= 16 && b <= 128);
      expect(["32", "64", "128"]).toContain(hp.hidden);
      expect(Number(hp.l2)).toSatisfy((v: number) => v >= 0 && v <= 0.01);
      expect(Number(hp.lr)).toSatisfy((v: number) => v >= 1e-4 && v <= 1e-1);
    }
  });

  it("gives odd values safe, distinct trial names", () => {
    const names = readdirSync(join(bin, "odd_values")).sort();
    expect(names).toHaveLength(5);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(names.every((n) => n.length <= 64)).toBe(true);
    const board = readJson<Leaderboard>("odd_values.leaderboard.json");
    expect(board.trials.map((t) => t.hyperparams.path).sort()).toEqual(
      ["a/b", "a_b", "with space", "..", "x".repeat(200)].sort(),
    );
  });

  it("names outputs from a template with hyperparameter placeholders", () => {
    const names = readdirSync(join(bin, "templated"));
    expect(names).toEqual(expect.arrayContaining(["lr0.01.bin", "lr0.1.bin"]));
    expect(read("templated/lr0.01.bin")).toContain('"lr":"0.01"');
  });
});

describe("the formats the rules write pass their readers", () => {
  const formatFile = "databazel/private/cli/targets.cquery.bzl";
  let targets: Map<string, Target>;
  let execRoot: string;

  beforeAll(async () => {
    const labels = ["mlp", "mlp_eval", "search"].map((name) => `//tests/rules:${name}`);
    const result = await bazel(["cquery", "--output=starlark", `--starlark:file=${formatFile}`, "--", labels.join(" + ")]);
    // A label may also be configured under a transition (an `-ST-` output directory) when the
    // server analysed it that way for another command; the build above used the top-level one.
    const lines = result.stdout.split("\n").filter((l) => l.startsWith("{"));
    const parsed = lines.map((line) => parseTargetLine(line, formatFile)).filter((t) => !t.files.some((f) => f.includes("-ST-")));
    targets = new Map(parsed.map((t) => [t.label.replace(/^@@?/, ""), t]));
    execRoot = await bazelInfo("execution_root");
  });

  it("the cquery formatter prints each provider as providers.ts reads it", () => {
    expect([...targets.keys()].sort()).toEqual(["//tests/rules:mlp", "//tests/rules:mlp_eval", "//tests/rules:search"]);
    expect(targets.get("//tests/rules:mlp")!.model!.run_record).toMatch(/tests\/rules\/mlp\.train\.json$/);
    expect(targets.get("//tests/rules:mlp_eval")!.metrics!.run_record).toMatch(/mlp_eval\.eval\.json$/);
    expect(targets.get("//tests/rules:search")!.search!.trials).toHaveLength(4);
  });

  it("run records, the leaderboard and best.json are in their current formats, every trial succeeded", () => {
    const exec = (path: string): string => join(execRoot, path);
    expect(readRunRecord(exec(targets.get("//tests/rules:mlp")!.model!.run_record!)).format).toBe(RUN_RECORD_FORMAT);
    expect(readRunRecord(exec(targets.get("//tests/rules:mlp_eval")!.metrics!.run_record!)).kind).toBe("eval");
    const search = targets.get("//tests/rules:search")!.search!;
    const board = readLeaderboard(exec(search.leaderboard_json));
    expect(board.format).toBe(LEADERBOARD_FORMAT);
    expect(board.schedule).toBeNull();
    expect(board.trials.map((t) => t.outcome)).toEqual(board.trials.map(() => "succeeded"));
    expect(readRunRecord(exec(search.trials[0]!.run_record)).outcome).toBe("succeeded");
    expect(parseBest(JSON.parse(readFileSync(exec(search.best), "utf8")), search.best).trial).toBe("hidden_64__lr_0.05");
  });
});
