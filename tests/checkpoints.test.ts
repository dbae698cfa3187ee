// Training as an incremental build: epochs in segments with checkpoints, resumed after an
// interrupted build, extended without retraining, and shared across a search over epochs.
// What ran is read from Bazel's execution log.
import { execa } from "execa";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launcher } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { loggedBuild } from "./harness/execution-log.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const HEADER = scriptTargets("train_ckpt.sh");

function modelTarget(epochs: number, extra = ""): string {
  return `
model(
    name = "m",
    training_data = "data.csv",
    train_executable = ":train",
    hyperparams = {"lr": "0.05"${extra}},
    epochs = ${epochs},
    checkpoint_every = 2,
)
`;
}

function searchTarget(checkpointEvery: number): string {
  return scriptSearch({
    name: `search_${checkpointEvery}`,
    hyperparams: { lr: "0.05" },
    grid: { epochs: ["2", "4", "8"], hidden: ["32", "64"] },
    checkpoint_every: checkpointEvery,
  });
}

let ws = "";
const buildAndCount = async (...targets: string[]): Promise<Record<string, number>> => (await loggedBuild(targets, { cwd: ws, logDir: ws })).executed;

const bin = (rel: string): string => join(ws, "bazel-bin", rel);

beforeAll(() => {
  ws = scriptWorkspace({ "BUILD.bazel": HEADER + modelTarget(4) });
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
});

describe("epochs as a chain of actions", () => {
  it("trains 4 epochs as 2 segments, each continuing from the last checkpoint", async () => {
    expect((await buildAndCount("//:m")).DatabazelTrain).toBe(2);
    expect(readFileSync(bin("m.model"), "utf8")).toContain("epochs=4");
    expect(readFileSync(bin("m.segments/epoch_2.ckpt"), "utf8")).toContain("epochs=2");
  });

  it("carries the whole learning curve", () => {
    const curve = JSON.parse(readFileSync(bin("m.curve.json"), "utf8")) as { epoch: number; loss: number }[];
    expect(curve.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
    expect(curve[3]!.loss).toBe(0.25);
  });

  it("extends 4 epochs to 8 by reusing the 4-epoch checkpoint", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + modelTarget(8));
    expect((await buildAndCount("//:m")).DatabazelTrain).toBe(2);
    expect(readFileSync(bin("m.model"), "utf8")).toContain("epochs=8");
    expect(JSON.parse(readFileSync(bin("m.curve.json"), "utf8"))).toHaveLength(8);
  });

  it("resumes an interrupted build: only the unfinished segments run", async () => {
    // Slow segments (1 s an epoch), so the build can be stopped halfway.
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + modelTarget(8, ', "sleep": "1"'));
    const build = execa(launcher, ["build", "//:m"], { cwd: ws, reject: false, stdin: "ignore" });
    // The earlier builds left an epoch_4 checkpoint: wait for the slow one.
    const checkpoint = bin("m.segments/epoch_4.ckpt");
    const slowDone = (): boolean => existsSync(checkpoint) && readFileSync(checkpoint, "utf8").includes('"sleep":"1"');
    for (let waited = 0; !slowDone() && waited < 120_000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(slowDone(), "the second segment should finish within 2 minutes").toBe(true);
    build.kill("SIGINT");
    const interrupted = await build;
    expect(interrupted.exitCode).not.toBe(0);

    const counts = await buildAndCount("//:m");
    // Segments 0-2 and 2-4 had finished; at most 4-6 and 6-8 remain.
    expect(counts.DatabazelTrain).toBeGreaterThanOrEqual(1);
    expect(counts.DatabazelTrain).toBeLessThanOrEqual(2);
    expect(readFileSync(bin("m.model"), "utf8")).toContain("epochs=8");
  });
});

describe("prefix sharing across a search", () => {
  it("trains epochs {2, 4, 8} as 8 epochs of work per chain, not 14", async () => {
    writeFileSync(join(ws, "BUILD.bazel"), HEADER + searchTarget(2) + searchTarget(0));
    const shared = await buildAndCount("//:search_2");
    const separate = await buildAndCount("//:search_0");
    console.log(`train actions for 6 trials: ${shared.DatabazelTrain} with prefix sharing, ${separate.DatabazelTrain} without`);
    // Two chains (hidden 32 and 64), each 4 segments of 2 epochs.
    expect(shared.DatabazelTrain).toBe(8);
    expect(separate.DatabazelTrain).toBe(6);
    expect(shared.DatabazelEval).toBe(6);

    const board = JSON.parse(readFileSync(bin("search_2.leaderboard.json"), "utf8")) as {
      trials: { trial: string; model: string }[];
    };
    const eight = board.trials.find((t) => t.trial === "epochs_8__hidden_64")!;
    expect(eight.model).toMatch(/search_2\/segments\/hidden_64\/epoch_8\.ckpt$/);
    const records = [2, 4, 6, 8].map(
      (e) => JSON.parse(readFileSync(bin(`search_2/segments/hidden_64/epoch_${e}.train.json`), "utf8")) as {
        epochs: { start: number; end: number };
      },
    );
    expect(records.map((r) => r.epochs)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 6 },
      { start: 6, end: 8 },
    ]);
  });
});
