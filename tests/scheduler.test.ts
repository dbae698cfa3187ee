// The scheduler as one build: successive halving and Hyperband promote trials from
// their checkpoints while building. What trained is read from Bazel's execution log and from the
// models themselves: the test script records every run it makes in its model (`runs=0-1,1-3`).
import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEDULER_HEADER, schedulerSearch, schedulerWorkspace } from "./harness/scheduler.ts";
import { bazel } from "./harness/bazel.ts";
import type { SearchAttrs } from "./harness/build-file.ts";
import { loggedBuild, type LoggedBuild } from "./harness/execution-log.ts";
import { removeWorkspace } from "./harness/workspace.ts";
import type { LeaderboardJson, Ranked } from "../tools/src/formats/leaderboard.ts";
import type { TrainRecord } from "../tools/src/formats/run-record.ts";

const LRS = ["0.001", "0.003", "0.01", "0.02", "0.05", "0.1", "0.3", "1", "3"];

interface HalvingOptions {
  lrs?: string[];
  maxEpochs?: number;
  extra?: SearchAttrs;
}

function halving({ lrs = LRS, maxEpochs = 9, extra = {} }: HalvingOptions = {}): string {
  return schedulerSearch("halving", {
    grid: { lr: lrs },
    scheduler: "successive_halving",
    min_epochs: 1,
    max_epochs: maxEpochs,
    reduction_factor: 3,
    ...extra,
  });
}

const HYPERBAND_ATTRS = {
  space: { lr: "loguniform(0.001, 1)" },
  seed: 1,
  scheduler: "hyperband",
  min_epochs: 1,
  max_epochs: 9,
  reduction_factor: 3,
};
const HYPERBAND = schedulerSearch("hyperband", HYPERBAND_ATTRS);

// Trials that fail: fail_at = 1 fails at the first rung, fail_at = 2 after its promotion.
const failing = (maxFailed: number): string =>
  schedulerSearch("failing", {
    grid: { fail_at: ["1", "2", "99"], lr: ["0.05", "0.1"] },
    scheduler: "successive_halving",
    max_epochs: 3,
    max_failed_trials: maxFailed,
  });

let ws = "";
let scratch = "";

function writeBuild(...targets: string[]): void {
  writeFileSync(join(ws, "BUILD.bazel"), SCHEDULER_HEADER + targets.join(""));
}

const build = (targets: string[], flags: string[] = [], options: { allowFailure?: boolean } = {}): Promise<LoggedBuild> =>
  loggedBuild([...targets, ...flags], { cwd: ws, logDir: scratch, ...options });

const bin = (...rel: string[]): string => join(ws, "bazel-bin", ...rel);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const board = (name = "halving"): LeaderboardJson => readJson<LeaderboardJson>(bin(`${name}.leaderboard.json`));
const row = (b: LeaderboardJson, trial: string): Ranked => b.trials.find((t) => t.trial === trial)!;
/** The runs the test script made to produce a checkpoint, e.g. "0-1,1-3". */
const runs = (trial: string, epoch: number, search = "halving"): string =>
  /^runs=(.*)$/m.exec(readFileSync(bin(search, "segments", trial, `epoch_${epoch}.ckpt`), "utf8"))![1]!;

function files(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(entry)) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

function digests(root: string, pattern: RegExp): Record<string, string> {
  return Object.fromEntries(
    files(root, pattern).map((f) => [relative(root, f), createHash("sha256").update(readFileSync(f)).digest("hex")]),
  );
}

beforeAll(() => {
  // The validation data scores 0.01 higher than the test data: a test can tell which one a number came from.
  ws = schedulerWorkspace({});
  scratch = mkdtempSync(join(tmpdir(), "databazel-scheduler-"));
  writeBuild(halving());
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("successive halving", () => {
  it("trains 9 trials 1 epoch, the best 3 to 3 epochs and the best 1 to 9, in one build", async () => {
    const { executed } = await build(["//:halving"]);
    // Every declared segment is an action: 9 trials x 3 segments.
    expect(executed.DatabazelTrain).toBe(27);
    expect(executed.DatabazelPromote).toBe(2);
    const b = board();
    expect(b.best).toBe("lr_0.05");
    expect(b.trials.map((t) => [t.trial, t.outcome, t.rung, t.epochs])).toEqual([
      ["lr_0.05", "succeeded", 3, 9],
      ["lr_0.1", "pruned", 2, 3],
      ["lr_0.02", "pruned", 2, 3],
      ["lr_0.01", "pruned", 1, 1],
      ["lr_0.3", "pruned", 1, 1],
      ["lr_0.003", "pruned", 1, 1],
      ["lr_1", "pruned", 1, 1],
      ["lr_0.001", "pruned", 1, 1],
      ["lr_3", "pruned", 1, 1],
    ]);
    expect(row(b, "lr_0.01").error).toBe("pruned at epoch 1 (rung 1): not among the 3 best of 9 on the validation data");
    // The decisions are in the schedule: 9 trials at 1 epoch, 3 at 3, 1 at 9.
    expect(b.schedule!.brackets[0]!.rungs.map((r) => [r.epochs, r.keep, r.trials.length])).toEqual([
      [1, 3, 9],
      [3, 1, 3],
      [9, null, 1],
    ]);
  });

  it("decides on the validation data, and scores the leaderboard on the test data", () => {
    const b = board();
    const rung2 = b.schedule!.brackets[0]!.rungs[1]!.trials;
    const validation = rung2.find((t) => t.trial === "lr_0.1")!.value!;
    // lr_0.1 stopped at 3 epochs: its leaderboard value is the test metric of that checkpoint.
    expect(validation - row(b, "lr_0.1").value!).toBeCloseTo(0.01, 6);
    expect(readJson<{ accuracy: number }>(bin("halving", "segments", "lr_0.1", "epoch_3.validation.json")).accuracy).toBe(validation);
  });

  it("runs no script for the skipped segments of pruned trials, and carries their checkpoint forward", () => {
    // The test script appends each run to the model: a pruned trial's last checkpoint is the one it stopped at.
    expect(runs("lr_3", 9)).toBe("0-1");
    expect(runs("lr_0.1", 9)).toBe("0-1,1-3");
    expect(runs("lr_0.05", 9)).toBe("0-1,1-3,3-9");
    expect(readFileSync(bin("halving", "segments", "lr_3", "epoch_9.ckpt"))).toEqual(
      readFileSync(bin("halving", "segments", "lr_3", "epoch_1.ckpt")),
    );
    for (const epoch of [3, 9]) {
      const record = readJson<TrainRecord>(bin("halving", "segments", "lr_3", `epoch_${epoch}.train.json`));
      expect(record).toMatchObject({ outcome: "pruned", exit_code: null, duration_ms: 0, epochs: { end: epoch } });
      expect(record.error).toContain("pruned at epoch 1 (rung 1)");
      expect(readFileSync(bin("halving", "segments", "lr_3", `epoch_${epoch}.train.log`), "utf8")).toMatch(/^databazel: not run: the search stopped this trial/);
    }
    // The learning curve ends where the trial stopped.
    expect(readJson<unknown[]>(bin("halving", "segments", "lr_3", "epoch_9.curve.json"))).toHaveLength(1);
  });

  it("gives byte-identical leaderboards, decisions and models from two clean builds in different output bases", async () => {
    const here = digests(bin(), /(\.leaderboard\.json|\.promotion\.json|\.rung\.json|\.ckpt|\.best_model)$/);
    expect(Object.keys(here).filter((f) => f.endsWith(".promotion.json"))).toHaveLength(18);
    const otherBase = join(scratch, "other-base");
    try {
      await bazel([`--output_base=${otherBase}`, "build", "//:halving", "--disk_cache=", "--remote_cache="], { cwd: ws });
      const otherBin = (await bazel([`--output_base=${otherBase}`, "info", "bazel-bin"], { cwd: ws })).stdout.trim();
      expect(digests(otherBin, /(\.leaderboard\.json|\.promotion\.json|\.rung\.json|\.ckpt|\.best_model)$/)).toEqual(here);
    } finally {
      await bazel([`--output_base=${otherBase}`, "shutdown"], { cwd: ws, allowFailure: true });
    }
  });

  it("changing one trial's hyperparameter leaves the others' segments cached while their decisions stay", async () => {
    // lr 3 becomes 2: still the worst, so every other trial's decisions are the same.
    writeBuild(halving({ lrs: LRS.map((lr) => (lr === "3" ? "2" : lr)) }));
    const { executed } = await build(["//:halving"]);
    expect(executed.DatabazelTrain).toBe(3); // lr_2's three segments, nothing else
  });

  it("re-runs from the first rung whose decision changed, and only for the trials it changed", async () => {
    // lr 0.001 becomes 0.051, second best: at rung 1 it goes on and lr_0.02 stops, so lr_0.02's
    // later segments run again (now skipped); lr_0.05 and lr_0.1 keep their decisions and caches.
    writeBuild(halving({ lrs: LRS.map((lr) => (lr === "3" ? "2" : lr === "0.001" ? "0.051" : lr)) }));
    const { executed } = await build(["//:halving"]);
    expect(executed.DatabazelTrain).toBe(3 + 2);
    expect(row(board(), "lr_0.02")).toMatchObject({ outcome: "pruned", rung: 1, epochs: 1 });
    expect(row(board(), "lr_0.051")).toMatchObject({ outcome: "pruned", rung: 2, epochs: 3 });
    expect(board().best).toBe("lr_0.05");
    expect(runs("lr_0.05", 9)).toBe("0-1,1-3,3-9");
    writeBuild(halving());
  });

  it("raising max_epochs by the reduction factor runs only the new segments", async () => {
    await build(["//:halving"]);
    writeBuild(halving({ maxEpochs: 27 }));
    const { executed } = await build(["//:halving"]);
    // One new segment per trial (9 to 27): the winner trains it, the others skip it.
    expect(executed.DatabazelTrain).toBe(9);
    // Every rung decides again (its summary counts the rungs), writing the same decisions: so no
    // earlier segment runs.
    expect(executed.DatabazelPromote).toBe(3);
    expect(runs("lr_0.05", 27)).toBe("0-1,1-3,3-9,9-27");
    expect(row(board(), "lr_0.05")).toMatchObject({ outcome: "succeeded", rung: 4, epochs: 27 });
    writeBuild(halving());
  });

  it("continues a pruned trial to max_epochs with continue_trials, from its checkpoint, changing no other decision", async () => {
    await build(["//:halving"]);
    writeBuild(halving({ extra: { continue_trials: ["lr_0.3"] } }));
    const { executed } = await build(["//:halving"]);
    // lr_0.3's two later segments now train; every other trial's segments are cached.
    expect(executed.DatabazelTrain).toBe(2);
    expect(runs("lr_0.3", 9)).toBe("0-1,1-3,3-9");
    const b = board();
    expect(row(b, "lr_0.3")).toMatchObject({ outcome: "succeeded", rung: 3, epochs: 9 });
    expect(b.schedule!.brackets[0]!.rungs[0]!.trials.find((t) => t.trial === "lr_0.3")).toMatchObject({ decision: "continue", forced: true });
    expect(row(b, "lr_0.02")).toMatchObject({ outcome: "pruned", rung: 2 });
    writeBuild(halving());
  });

  // Last: after a build served from a disk cache, a build without it runs everything again (Bazel's own behaviour).
  it("rebuilds after bazel clean from a disk cache without running a train or decide action", async () => {
    const cache = `--disk_cache=${join(scratch, "disk-cache")}`;
    await bazel(["clean"], { cwd: ws });
    await build(["//:halving"], [cache]);
    await bazel(["clean"], { cwd: ws });
    const { executed } = await build(["//:halving"], [cache]);
    expect(executed.DatabazelTrain ?? 0).toBe(0);
    expect(executed.DatabazelPromote ?? 0).toBe(0);
    expect(executed.DatabazelEval ?? 0).toBe(0);
  });
});

describe("Hyperband", () => {
  it("runs the brackets of Li et al. in one build and names every trial's bracket", async () => {
    writeBuild(halving(), HYPERBAND);
    const { executed } = await build(["//:hyperband"]);
    const b = board("hyperband");
    // Brackets of 9, 5 and 3 configurations (1 to 9 epochs, reduction factor 3).
    const sizes = [2, 1, 0].map((bracket) => b.trials.filter((t) => t.bracket === bracket).length);
    expect(sizes).toEqual([9, 5, 3]);
    expect(b.schedule!.brackets.map((br) => br.rungs.map((r) => r.epochs))).toEqual([[1, 3, 9], [3, 9], [9]]);
    // Trials that reach 9 epochs: 1 + 1 + 3.
    expect(b.trials.filter((t) => t.epochs === 9)).toHaveLength(5);
    expect(executed.DatabazelPromote).toBe(3);
    expect(readFileSync(bin("hyperband.leaderboard.md"), "utf8").split("\n")[2]).toContain("| bracket | rung | epochs_trained |");
  });

  it("iterations = 2 runs every bracket again with new configurations, keeping the first iteration's trials and their caches", async () => {
    const first = board("hyperband").trials.map((t) => t.trial).sort();
    writeBuild(halving(), schedulerSearch("hyperband", { ...HYPERBAND_ATTRS, iterations: 2 }));
    const { executed } = await build(["//:hyperband"]);
    const b = board("hyperband");
    expect(b.schedule!.iterations).toBe(2);
    expect(b.schedule!.brackets.map((br) => [br.iteration, br.bracket])).toEqual([[1, 2], [1, 1], [1, 0], [2, 2], [2, 1], [2, 0]]);
    expect(b.trials).toHaveLength(34);
    expect(new Set(b.trials.map((t) => t.trial)).size).toBe(34);
    // The first iteration is the search with one: its trials, segments and decisions stay cached.
    expect(b.trials.filter((t) => t.iteration === 1).map((t) => t.trial).sort()).toEqual(first);
    expect(executed.DatabazelPromote).toBe(3);
    expect(existsSync(bin("hyperband/rungs/iteration_2_bracket_2_epoch_1.rung.json"))).toBe(true);
    expect(readFileSync(bin("hyperband.leaderboard.md"), "utf8").split("\n")[2]).toContain("| iteration | bracket | rung | epochs_trained |");
  });
});

// Models as directories: a pruned trial's directory is carried forward file by file, as bytes.
const TRAIN_DIR = `#!/bin/sh
set -eu
model="" start="" end="" init="" hp=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2 ;; --start_epoch) start=$2 ;; --end_epoch) end=$2 ;;
    --init_checkpoint) init=$2 ;; --hyperparams) hp=$2 ;;
  esac
  shift 2
done
runs=""
[ -n "$init" ] && runs=$(sed -n 's/^runs=//p' "$init/weights.txt")
mkdir -p "$model"
printf 'hyperparams=%s\\nepochs=%s\\nruns=%s%s-%s\\n' "$hp" "$end" "\${runs:+$runs,}" "$start" "$end" >"$model/weights.txt"
`;

const EVAL_DIR = `#!/bin/sh
set -eu
m="" metrics=""
while [ $# -gt 0 ]; do case "$1" in --model) m=$2 ;; --metrics) metrics=$2 ;; esac; shift 2; done
lr=$(sed -n 's/.*"lr":"\\([^"]*\\)".*/\\1/p' "$m/weights.txt")
e=$(sed -n 's/^epochs=//p' "$m/weights.txt")
awk -v lr="$lr" -v e="$e" 'BEGIN { d = log(lr / 0.05); printf "{\\"accuracy\\": %.6f}\\n", 0.9 - 0.01 * d * d - 0.1 / (e + 1) }' >"$metrics"
`;

describe("models as directories", () => {
  it("carries a pruned trial's directory forward as regular files, and copies the best one out the same way", async () => {
    writeFileSync(join(ws, "train_dir.sh"), TRAIN_DIR, { mode: 0o755 });
    writeFileSync(join(ws, "eval_dir.sh"), EVAL_DIR, { mode: 0o755 });
    writeBuild(
      halving(),
      `
sh_binary(name = "train_dir", srcs = ["train_dir.sh"], tags = ["databazel:checkpoints"])

sh_binary(name = "eval_dir", srcs = ["eval_dir.sh"])
`,
      schedulerSearch("dirs", {
        train_executable: ":train_dir",
        eval_executable: ":eval_dir",
        grid: { lr: ["0.001", "0.05", "0.1", "3"] },
        model_is_dir: true,
        scheduler: "successive_halving",
        max_epochs: 4,
        reduction_factor: 2,
      }),
    );
    await build(["//:dirs"]);
    const carried = bin("dirs", "segments", "lr_3", "epoch_4.ckpt", "weights.txt");
    expect(lstatSync(carried).isFile()).toBe(true);
    expect(readFileSync(carried, "utf8")).toContain("runs=0-1\n");
    const best = bin("dirs.best_model.d", "weights.txt");
    expect(lstatSync(best).isFile()).toBe(true);
    expect(readFileSync(best, "utf8")).toContain("runs=0-1,1-2,2-4\n");
    writeBuild(halving());
  });
});

describe("trials that fail", () => {
  it("are failed, never promoted, and count toward max_failed_trials", async () => {
    writeBuild(halving(), failing(3));
    await build(["//:failing"]);
    const b = board("failing");
    expect(b.best).toBe("fail_at_99__lr_0.05");
    expect(b.trials.map((t) => [t.trial, t.outcome])).toEqual([
      ["fail_at_99__lr_0.05", "succeeded"],
      ["fail_at_2__lr_0.1", "pruned"],
      ["fail_at_99__lr_0.1", "pruned"],
      ["fail_at_1__lr_0.05", "failed"],
      ["fail_at_1__lr_0.1", "failed"],
      ["fail_at_2__lr_0.05", "failed"],
    ]);
    // fail_at_2__lr_0.05 was promoted at rung 1 (tied best, declared first) and failed after it.
    expect(b.schedule!.brackets[0]!.rungs[0]!.trials.find((t) => t.trial === "fail_at_2__lr_0.05")).toMatchObject({ decision: "continue" });
    expect(row(b, "fail_at_2__lr_0.05").error).toContain("exit code 3");
    expect(b.schedule!.brackets[0]!.rungs[0]!.trials.find((t) => t.trial === "fail_at_1__lr_0.05")).toMatchObject({ outcome: "failed", decision: "stop" });
  });

  it("fail the search when more fail than max_failed_trials allows", async () => {
    writeBuild(halving(), failing(2));
    const { result } = await build(["//:failing"], [], { allowFailure: true });
    expect(result.exitCode).not.toBe(0);
    expect(result.all).toContain("3 of 6 trials did not succeed");
    writeBuild(halving());
  });
});
