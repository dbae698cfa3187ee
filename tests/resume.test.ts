// Resume loses nothing: the Bazel server is SIGKILLed mid-build (what a crash or a preempted
// machine does to it), and the rebuild executes only what had not finished. Bazel's in-memory
// action cache dies with the server and this first build never saved the on-disk one, so what
// keeps the finished actions is the disk cache in the workspace's .bazelrc, as
// docs/getting-started.md tells users to set. What ran is read from Bazel's execution log.
import { execa } from "execa";
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bazel, bazelInfo, launcher } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { spawns } from "../tools/bench/execution-log.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const workspaces: string[] = [];
const caches: string[] = [];

afterAll(async () => {
  for (const ws of workspaces) await removeWorkspace(ws);
  for (const dir of caches) rmSync(dir, { recursive: true, force: true });
});

/** A consumer workspace whose .bazelrc has a disk cache of its own (a fresh temporary one). */
async function workspaceWithDiskCache(build: string): Promise<{ ws: string; bin: string }> {
  const ws = scriptWorkspace({ "BUILD.bazel": scriptTargets("train_ckpt.sh") + build });
  workspaces.push(ws);
  const cache = mkdtempSync(join(tmpdir(), "databazel-resume-cache-"));
  caches.push(cache);
  // What docs/getting-started.md tells users to put in theirs, with a disk cache of this test's own.
  appendFileSync(join(ws, ".bazelrc"), `build --disk_cache=${cache}\nbuild --remote_download_outputs=all\n`);
  // Its output tree, not the bazel-bin symlink, which a fresh workspace gets only once a build ends.
  return { ws, bin: await bazelInfo("bazel-bin", { cwd: ws }) };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds `target` and SIGKILLs the Bazel server once `finished()` lists at least `atLeast` (and
 * not all `total`) outputs and has not changed for a while: between two actions' ends, so that no
 * action is half-way through storing its outputs. Returns what had finished when it died.
 */
async function killMidBuild(ws: string, target: string, finished: () => string[], atLeast: number, total: number): Promise<string[]> {
  // `bazel info` waits while a build runs: ask for the server's pid before.
  const pid = Number(await bazelInfo("server_pid", { cwd: ws }));
  const build = execa(launcher, ["build", "--jobs=2", target], { cwd: ws, all: true, reject: false, stdin: "ignore" });
  let last = "";
  let stableSince = Date.now();
  for (const deadline = Date.now() + 240_000; Date.now() < deadline && build.exitCode === null; await sleep(100)) {
    const now = finished();
    if (now.join() !== last) {
      last = now.join();
      stableSince = Date.now();
    } else if (now.length >= atLeast && now.length < total && Date.now() - stableSince >= 700) {
      process.kill(pid, "SIGKILL");
      break;
    }
  }
  const killed = await build;
  expect(killed.exitCode, `the build should die with its server:\n${killed.all}`).not.toBe(0);
  const done = finished();
  expect(done.length, `what had finished: ${done.join(", ")}`).toBeGreaterThanOrEqual(atLeast);
  expect(done.length).toBeLessThan(total);
  return done;
}

/** Rebuilds `target` and returns the outputs of each spawn that really executed, by mnemonic. */
async function rebuild(ws: string, target: string): Promise<Record<string, string[][]>> {
  const log = join(ws, "exec-rebuild.json");
  await bazel(["build", target, `--execution_log_json_file=${log}`], { cwd: ws });
  const executed: Record<string, string[][]> = {};
  for (const spawn of spawns(log)) {
    if (spawn.cacheHit || !spawn.mnemonic) continue;
    (executed[spawn.mnemonic] ??= []).push(spawn.listedOutputs ?? []);
  }
  return executed;
}

const listDir = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe("a search whose Bazel server is killed mid-build", () => {
  const trials = ["hidden_32__lr_0.01", "hidden_32__lr_0.05", "hidden_32__lr_0.1", "hidden_64__lr_0.01", "hidden_64__lr_0.05", "hidden_64__lr_0.1"];

  it("runs again only the trials that had not finished, and every output parses", async () => {
    // Six trials of 2 s each, two at a time.
    const { ws, bin } = await workspaceWithDiskCache(
      scriptSearch({ hyperparams: { epochs: "1", sleep: "2" }, grid: { lr: ["0.1", "0.05", "0.01"], hidden: ["32", "64"] } }),
    );
    const out = join(bin, "search");
    const finishedBy = (record: string) => (): string[] => listDir(out).filter((t) => existsSync(join(out, t, record)));
    const trained = await killMidBuild(ws, "//:search", finishedBy("run.train.json"), 2, trials.length);
    const evaluated = finishedBy("run.eval.json")();
    console.log(`killed with ${trained.length} of 6 trials trained, ${evaluated.length} evaluated`);

    const executed = await rebuild(ws, "//:search");
    const trialOf = (outputs: string[]): string => {
      const match = outputs.map((o) => /\/bin\/search\/([^/]+)\//.exec(o)).find((m) => m !== null);
      return match ? match[1]! : `(none of ${outputs.join(", ")})`;
    };
    const unfinished = (done: string[]): string[] => trials.filter((t) => !done.includes(t));
    expect((executed.DatabazelTrain ?? []).map(trialOf).sort()).toEqual(unfinished(trained));
    expect((executed.DatabazelEval ?? []).map(trialOf).sort()).toEqual(unfinished(evaluated));
    expect(executed.DatabazelLeaderboard ?? []).toHaveLength(1);

    // Every trial's outputs, kept from the killed build or made by the rebuild, are whole.
    expect(listDir(out)).toEqual(trials);
    for (const trial of trials) {
      for (const record of ["run.train.json", "run.eval.json", "metrics.json"]) {
        expect(() => JSON.parse(readFileSync(join(out, trial, record), "utf8")), `${trial}/${record}`).not.toThrow();
      }
      expect(readFileSync(join(out, trial, "model"), "utf8")).toMatch(/^hyperparams=.*\nepochs=1\nruns=0-1\n$/);
    }
    const board = JSON.parse(readFileSync(join(bin, "search.leaderboard.json"), "utf8")) as { trials: unknown[] };
    expect(board.trials).toHaveLength(6);
  });
});

describe("a checkpointed model whose Bazel server is killed mid-chain", () => {
  it("runs again only the segments that had not finished", async () => {
    // Six segments of one epoch, 1.5 s each.
    const { ws, bin } = await workspaceWithDiskCache(`
model(
    name = "m",
    training_data = "data.csv",
    train_executable = ":train",
    hyperparams = {"lr": "0.05", "sleep": "1.5"},
    epochs = 6,
    checkpoint_every = 1,
)
`);
    const segments = join(bin, "m.segments");
    const epochOf = (name: string): number => Number(/epoch_(\d+)\./.exec(name)?.[1]);
    const finished = (): string[] => listDir(segments).filter((f) => f.endsWith(".train.json")).map((f) => String(epochOf(f)));
    const done = (await killMidBuild(ws, "//:m", finished, 2, 6)).map(Number);
    console.log(`killed with segments ending at epochs ${done.join(", ")} finished`);

    const executed = await rebuild(ws, "//:m");
    const ran = (executed.DatabazelTrain ?? []).map((outputs) => Math.max(...outputs.map(epochOf).filter((e) => !Number.isNaN(e))));
    expect(ran.sort()).toEqual([1, 2, 3, 4, 5, 6].filter((e) => !done.includes(e)));

    expect(readFileSync(join(bin, "m.model"), "utf8")).toContain("epochs=6");
    const curve = JSON.parse(readFileSync(join(bin, "m.curve.json"), "utf8")) as { epoch: number }[];
    expect(curve.map((p) => p.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let e = 1; e <= 6; e++) {
      expect(readFileSync(join(segments, `epoch_${e}.ckpt`), "utf8")).toContain(`epochs=${e}`);
      expect(() => JSON.parse(readFileSync(join(segments, `epoch_${e}.train.json`), "utf8"))).not.toThrow();
    }
  });
});
