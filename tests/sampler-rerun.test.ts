// A changed seed or space re-runs what it must, and nothing else. Two TPE searches
// share a workspace: //:tpe, whose seed and space the tests change, and //:other, which stays as
// it is. What ran is read per target from Bazel's execution log; every build uses one disk cache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheHitsByMnemonic, executedByTarget, loggedBuild } from "./harness/execution-log.ts";
import { SAMPLER_HEADER, samplerSearch, samplerWorkspace } from "./harness/sampler.ts";
import { removeWorkspace } from "./harness/workspace.ts";

const SPACE = { dropout: "uniform(0, 0.5)", lr: "loguniform(0.001, 1)" };

// What a search of 8 trials in 2 batches of 4 runs when every trial changes: 8 trainings, 1
// proposal (batch 2), 12 evaluations: the 8 trials' on the test data and batch 1's 4 on the
// validation data, which batch 2's proposal reads (batch 2's validation results feed no proposal,
// so a default build does not run them), then the leaderboard and the report. Not the 3 data
// digests (training, validation and test data): the data did not change.
const WHOLE_SEARCH = { DatabazelTrain: 8, DatabazelSampler: 1, DatabazelEval: 12, DatabazelLeaderboard: 1, DatabazelReport: 1 };

let ws = "";
let scratch = "";

function setSearch(seed: number, space: Record<string, string>): void {
  writeFileSync(
    join(ws, "BUILD.bazel"),
    SAMPLER_HEADER + samplerSearch({ name: "tpe", sampler: "tpe", seed, space }) + samplerSearch({ name: "other", sampler: "tpe" }),
  );
}

/** Builds both searches; returns the execution log's path. */
const build = async (): Promise<string> => (await loggedBuild(["//:tpe", "//:other", `--disk_cache=${join(scratch, "disk-cache")}`], { cwd: ws, logDir: scratch })).log;

/** The hyperparameters of //:tpe's random first batch, trial by trial. */
function firstBatch(): Record<string, string>[] {
  return [1, 2, 3, 4].map(
    (i) => JSON.parse(readFileSync(join(ws, "bazel-bin", "tpe", `b1_t${i}`, "run.hyperparams.json"), "utf8")) as Record<string, string>,
  );
}

const column = (trials: Record<string, string>[], key: string): string[] => trials.map((t) => t[key]!);

beforeAll(() => {
  ws = samplerWorkspace("");
  scratch = mkdtempSync(join(tmpdir(), "databazel-sampler-rerun-"));
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("a changed seed or space of a search with sampler = \"tpe\"", () => {
  let seed1: Record<string, string>[] = [];

  it("the first build runs both searches, each with its 3 data digests", async () => {
    setSearch(1, SPACE);
    const whole = { ...WHOLE_SEARCH, DatabazelDigest: 3 };
    expect(executedByTarget(await build())).toEqual({ "//:tpe": whole, "//:other": whole });
    seed1 = firstBatch();
  });

  it("a new seed re-runs every training, proposal and evaluation of its search, and nothing of the other", async () => {
    setSearch(2, SPACE);
    expect(executedByTarget(await build())).toEqual({ "//:tpe": WHOLE_SEARCH });
    // The seed draws every value of batch 1 (and is every training's --seed): no trial is kept.
    const seed2 = firstBatch();
    for (const key of ["dropout", "lr"]) {
      column(seed2, key).forEach((value, i) => expect(value, `b1_t${i + 1} ${key}`).not.toBe(seed1[i]![key]));
    }
  });

  // Without a disk cache this would run the whole search again: Bazel's action cache keeps one
  // result per output file, and seed 2's replaced seed 1's.
  it("the old seed again executes nothing: the disk cache serves all of the first build's results", async () => {
    setSearch(1, SPACE);
    const log = await build();
    expect(executedByTarget(log)).toEqual({});
    expect(cacheHitsByMnemonic(log)).toEqual(WHOLE_SEARCH);
    expect(firstBatch()).toEqual(seed1);
  });

  // Batch 1's values are drawn per (seed, trial index, parameter name) (random.bzl's uniform01),
  // so dropout, whose distribution did not change, keeps them. But each trial's hyperparameter
  // file holds both, and its training reads that file: every trial of batch 1 changes, and so
  // does the history that batch 2's proposal reads.
  it("a narrower lr range re-runs the whole search; dropout keeps its batch-1 values, lr gets new ones", async () => {
    setSearch(1, { ...SPACE, lr: "loguniform(0.001, 0.1)" });
    expect(executedByTarget(await build())).toEqual({ "//:tpe": WHOLE_SEARCH });
    const narrowed = firstBatch();
    expect(column(narrowed, "dropout")).toEqual(column(seed1, "dropout"));
    column(narrowed, "lr").forEach((lr, i) => {
      expect(lr, `b1_t${i + 1}`).not.toBe(seed1[i]!.lr);
      expect(Number(lr)).toBeLessThan(0.1);
    });
  });

  // Only the parsed numbers reach the actions: the first batch's files, and the proposal's
  // manifest, which holds each distribution's kind, low and high, not its text.
  it("the same ranges written another way execute nothing", async () => {
    setSearch(1, { dropout: "uniform(0.0, 5e-1)", lr: "loguniform(1e-3, 1e-1)" });
    expect(executedByTarget(await build())).toEqual({});
  });

  // Every trial's file gains wd, so no trial can be kept, although batch 1's lr and dropout stay.
  it("a new parameter re-runs the whole search; the others keep their batch-1 values", async () => {
    const before = firstBatch();
    setSearch(1, { ...SPACE, lr: "loguniform(0.001, 0.1)", wd: "uniform(0, 1)" });
    expect(executedByTarget(await build())).toEqual({ "//:tpe": WHOLE_SEARCH });
    const added = firstBatch();
    expect(added.map(({ dropout, lr }) => ({ dropout, lr }))).toEqual(before);
    expect(added.every((t) => Number(t.wd) >= 0 && Number(t.wd) < 1)).toBe(true);
  });
});
