// Search that learns from earlier trials: sampler = "tpe" proposes each batch while
// building, from the earlier trials' hyperparameters and validation metrics. What ran is read
// from Bazel's execution log; the proposals from the trials' hyperparameter files.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";
import { loggedBuild } from "./harness/execution-log.ts";
import { SAMPLER_HEADER as HEADER, samplerSearch, samplerWorkspace } from "./harness/sampler.ts";
import { removeWorkspace } from "./harness/workspace.ts";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";

/** A search whose batches a sampler executable proposes. */
const executableSearch = (name: string, sampler: string): string => samplerSearch({ name, sampler });

const search = (nTrials: number): string => samplerSearch({ name: "tpe", sampler: "tpe", nTrials });

let ws = "";
let scratch = "";

const build = async (flags: string[] = []): Promise<Record<string, number>> => (await loggedBuild(["//:tpe", ...flags], { cwd: ws, logDir: scratch })).executed;

const bin = (...rel: string[]): string => join(ws, "bazel-bin", ...rel);
const board = (): LeaderboardJson => JSON.parse(readFileSync(bin("tpe.leaderboard.json"), "utf8")) as LeaderboardJson;

/** sha256 of every trial's hyperparameters and model, and of the leaderboard, under `root`. */
function digests(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const hash = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
  for (const trial of readdirSync(join(root, "tpe")).filter((t) => /^b\d+_t\d+$/.test(t)).sort()) {
    for (const file of ["run.hyperparams.json", "model"]) out[`${trial}/${file}`] = hash(join(root, "tpe", trial, file));
  }
  out["tpe.leaderboard.json"] = hash(join(root, "tpe.leaderboard.json"));
  return out;
}

beforeAll(() => {
  ws = samplerWorkspace(HEADER + search(12));
  scratch = mkdtempSync(join(tmpdir(), "databazel-sampler-"));
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("sampler = \"tpe\"", () => {
  it("runs 3 batches of 4 in one build: the first at random, the next two proposed", async () => {
    const executed = await build();
    expect(executed.DatabazelSampler).toBe(2);
    expect(executed.DatabazelTrain).toBe(12);
    const b = board();
    expect(b.trials.map((t) => t.trial).sort()).toEqual(
      [1, 2, 3].flatMap((batch) => [1, 2, 3, 4].map((i) => `b${batch}_t${i}`)).sort(),
    );
    // The leaderboard shows the proposed values, all inside the space and all different.
    const lrs = b.trials.map((t) => Number(t.hyperparams.lr));
    expect(lrs.every((lr) => lr >= 0.001 && lr < 1)).toBe(true);
    expect(new Set(lrs).size).toBe(12);
    console.log(b.trials.map((t) => `${t.trial}: lr ${t.hyperparams.lr} -> ${t.value}`).join("\n"));
  });

  it("learns: the proposed batches' median lr is nearer the best (0.05) than the random batch's", () => {
    const distance = (batch: number): number => {
      const d = board()
        .trials.filter((t) => t.trial.startsWith(`b${batch}_`))
        .map((t) => Math.abs(Math.log10(Number(t.hyperparams.lr) / 0.05)))
        .sort((a, b) => a - b);
      return (d[1]! + d[2]!) / 2;
    };
    expect(distance(3)).toBeLessThan(distance(1));
  });

  it("gives byte-identical proposals, models and leaderboards from two clean builds in different output bases", async () => {
    const here = digests(bin());
    const otherBase = join(scratch, "other-base");
    try {
      await bazel([`--output_base=${otherBase}`, "build", "//:tpe", "--disk_cache=", "--remote_cache="], { cwd: ws });
      const otherBin = (await bazel([`--output_base=${otherBase}`, "info", "bazel-bin"], { cwd: ws })).stdout.trim();
      expect(digests(otherBin)).toEqual(here);
    } finally {
      await bazel([`--output_base=${otherBase}`, "shutdown"], { cwd: ws, allowFailure: true });
    }
  });

  it("raising n_trials by one batch runs only that batch: its proposal, trainings and evaluations", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + search(16));
    const executed = await build();
    expect(executed.DatabazelSampler).toBe(1);
    expect(executed.DatabazelTrain).toBe(4);
    expect(executed.DatabazelEval).toBe(8); // 4 on the validation data, 4 on the test data
    expect(board().trials).toHaveLength(16);
  });

  // Last: after a build served from a disk cache, a build without it runs everything again (Bazel's own behaviour).
  it("rebuilds after bazel clean from a disk cache without running a train or propose action", async () => {
    const cache = `--disk_cache=${join(scratch, "disk-cache")}`;
    await bazel(["clean"], { cwd: ws });
    await build([cache]);
    await bazel(["clean"], { cwd: ws });
    const executed = await build([cache]);
    expect(executed.DatabazelTrain ?? 0).toBe(0);
    expect(executed.DatabazelSampler ?? 0).toBe(0);
  });
});

describe("a sampler executable", () => {
  it("proposes each later batch from the history it reads; the leaderboard shows its values", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + executableSearch("mine", ":sweep_ok"));
    await bazel(["build", "//:mine"], { cwd: ws });
    const b = JSON.parse(readFileSync(bin("mine.leaderboard.json"), "utf8")) as LeaderboardJson;
    const lr = (trial: string) => b.trials.find((t) => t.trial === trial)!.hyperparams.lr;
    expect([1, 2, 3, 4].map((i) => lr(`b2_t${i}`))).toEqual(["0.021", "0.022", "0.023", "0.024"]);
    // What it read: the first batch's values and validation metrics.
    const history = JSON.parse(readFileSync(bin("mine", "batches", "batch_2.history.json"), "utf8")) as {
      count: number;
      trials: { trial: string; hyperparams: Record<string, string>; value: number | null }[];
    };
    expect(history.count).toBe(4);
    expect(history.trials.map((t) => t.trial)).toEqual(["b1_t1", "b1_t2", "b1_t3", "b1_t4"]);
    expect(history.trials.every((t) => typeof t.value === "number")).toBe(true);
  });

  const cases: [string, string][] = [
    ["count", "wrote 3 configurations for batch 2, but the batch has 4 trials"],
    ["range", "configuration 2 gives lr = 5, outside loguniform(0.001, 1)"],
    ["repeat", "configuration 2 repeats configuration 1 of this batch's hyperparameters (lr = 0.021)"],
  ];
  for (const [mode, message] of cases) {
    it(`fails with what is wrong when it breaks the contract: ${mode}`, async () => {
      writeFileSync(join(ws, "BUILD.bazel"), HEADER + executableSearch("bad", `:sweep_${mode}`));
      const result = await bazel(["build", "//:bad"], { cwd: ws, allowFailure: true });
      expect(result.exitCode).not.toBe(0);
      expect(result.all).toContain(`databazel: //:bad: the sampler //:sweep_${mode} (batch 2) ${message}.`);
      expect(result.all).toContain("Fix: write exactly 4 configurations, each giving every parameter of space a value inside it");
      // No partial batch: nothing of it is left.
      const batch = join(await bazelBin(), "bad", "b2_t1", "run.hyperparams.json");
      expect(existsSync(batch)).toBe(false);
    });
  }

  it("fails with its exit code and last lines when it crashes, or with the fix when its output is not JSON", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + executableSearch("crash", ":sweep_crash") + executableSearch("garbage", ":sweep_garbage"));
    const crash = await bazel(["build", "//:crash"], { cwd: ws, allowFailure: true });
    expect(crash.all).toContain("databazel: //:crash: the sampler //:sweep_crash (batch 2) failed with exit code 3.");
    expect(crash.all).toContain("ValueError: the sampler's study is corrupt");
    expect(crash.all).toContain("Reproduce it with: ");
    const garbage = await bazel(["build", "//:garbage"], { cwd: ws, allowFailure: true });
    expect(garbage.all).toContain("databazel: //:garbage: the sampler //:sweep_garbage (batch 2) wrote no valid JSON to --output");
    expect(garbage.all).toContain('Fix: write a JSON array of 4 objects, one per new trial, e.g. [{"lr": "0.01"}].');
  });

  // 6 values, 8 trials: the random first batch takes 4 (distinct at seed 9), and 2 are left for batch 2's 4.
  it("the TPE says so, with a fix, when a small space has no new configuration left", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + executableSearch("small", "tpe").replace('space = {"lr": "loguniform(0.001, 1)"}', 'space = {"depth": "int(1, 6)"},\n    hyperparams = {"lr": "0.05"}').replace("seed = 1", "seed = 9"));
    const result = await bazel(["build", "//:small"], { cwd: ws, allowFailure: true });
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toContain("databazel: //:small: the TPE sampler cannot propose batch 2:");
    expect(result.all).toContain("Fix: widen space (a continuous distribution, or more choices), or lower n_trials.");
  });
});

async function bazelBin(): Promise<string> {
  return (await bazel(["info", "bazel-bin"], { cwd: ws })).stdout.trim();
}
