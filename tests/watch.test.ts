// `databazel watch` and `databazel build`: the train shim's progress files, the trials' states
// derived from them (and from bazel-bin and Bazel's build events), the table and its plain
// lines, and, in a real terminal (tmux), the table changing while a slow local search builds.
import { execa } from "execa";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../tools/src/cli/args.ts";
import { applyEvent, BepReader, emptyEvents, remoteExecutor } from "../tools/src/cli/bep.ts";
import { deriveRows, planOf, summarize, trains, type Observation, type Plan, type PlanTrial } from "../tools/src/cli/watch-model.ts";
import { formatElapsed, PlainLog, renderFrame, summaryLine, type Frame } from "../tools/src/cli/watch-render.ts";
import { absoluteLabel, bazelCommand, commandOf, openProgressDir, ownProcesses, readProgress } from "../tools/src/cli/watch-sources.ts";
import { PROGRESS_FORMAT, WATCHING, type Progress } from "../tools/src/formats/progress.ts";
import type { Target } from "../tools/src/formats/providers.ts";
import { outputBaseOf } from "../tools/src/shim/exec-root.ts";
import { startProgress } from "../tools/src/shim/progress.ts";
import { bazel, launcher, repoRoot } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { cliBundle } from "./harness/cli.ts";
import { findOrInstall } from "./harness/install.ts";
import { consumerWorkspace, removeWorkspace } from "./harness/workspace.ts";

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "databazel-watch-unit-"));
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

describe("the train shim's progress file", () => {
  it("finds the output base above each kind of working directory, and none on a remote executor", () => {
    const ob = "/home/u/.cache/bazel/_bazel_u/0123abcd";
    expect(outputBaseOf(`${ob}/execroot/_main`)).toBe(ob);
    expect(outputBaseOf(`${ob}/sandbox/linux-sandbox/12/execroot/_main`)).toBe(ob);
    expect(outputBaseOf(`${ob}/sandbox/processwrapper-sandbox/3/execroot/_main`)).toBe(ob);
    expect(outputBaseOf(`${ob}/bazel-workers/worker-3-DatabazelTrain/_main`)).toBe(ob);
    expect(outputBaseOf("/b/f/w")).toBeUndefined();
    expect(outputBaseOf("/tmp/buildbox-runner-xyz/root")).toBeUndefined();
  });

  /** An output base with an execution root, a curve.json the "script" writes, and the shim's options. */
  function layout(cwdBelow: string) {
    const ob = join(temp(), "ob");
    const cwd = join(ob, cwdBelow);
    mkdirSync(cwd, { recursive: true });
    const curve = join(cwd, "bazel-out/k8-fastbuild/bin/s/segments/all/epoch_4.extras/curve.json");
    mkdirSync(join(curve, ".."), { recursive: true });
    const options = {
      label: "//:s",
      trial: "all epochs 2-4",
      model: "bazel-out/k8-fastbuild/bin/s/segments/all/epoch_4.ckpt",
      curve,
      startEpoch: 2,
      endEpoch: 4,
      cwd,
    };
    return { ob, cwd, curve, options };
  }

  it("writes nothing while no watch is looking", () => {
    const { ob, options } = layout("execroot/_main");
    const progress = startProgress(options);
    progress.finish("succeeded");
    expect(existsSync(join(ob, "databazel-watch"))).toBe(false);
    // A watch that stopped looking a while ago: still nothing.
    openProgressDir(ob);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(join(ob, "databazel-watch", "progress", WATCHING), old, old);
    startProgress(options).finish("succeeded");
    expect(readProgress(ob)).toEqual([]);
  });

  it("follows the curve.json the script writes, once a second, then records how the run ended", async () => {
    const { ob, curve, options } = layout("bazel-workers/worker-1-DatabazelTrain/_main");
    openProgressDir(ob);
    const progress = startProgress(options);
    const first = readProgress(ob);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ format: PROGRESS_FORMAT, label: "//:s", trial: "all epochs 2-4", state: "running", epoch: 2, latest: null, start_epoch: 2, end_epoch: 4 });
    writeFileSync(curve, JSON.stringify([{ epoch: 3, loss: 0.5 }]));
    await sleep(1300);
    expect(readProgress(ob)[0]).toMatchObject({ state: "running", epoch: 3, latest: { epoch: 3, loss: 0.5 } });
    writeFileSync(curve, "[{\"epoch\": 3, \"lo"); // half-written: the last good reading stays
    await sleep(1100);
    expect(readProgress(ob)[0]).toMatchObject({ epoch: 3 });
    writeFileSync(curve, JSON.stringify([{ epoch: 3, loss: 0.5 }, { epoch: 4, loss: 0.25 }]));
    progress.finish("succeeded");
    const [last] = readProgress(ob);
    expect(last).toMatchObject({ state: "succeeded", epoch: 4, latest: { epoch: 4, loss: 0.25 } });
    expect(last!.updated_ms).toBeGreaterThanOrEqual(last!.started_ms);
  });

  it("writes inside its sandbox when the output base is not writable there, and the watch finds it", () => {
    const { ob, cwd, options } = layout("sandbox/linux-sandbox/7/execroot/_main");
    openProgressDir(ob);
    // Stands in for a read-only output base: the place of the file's temporary copy is taken.
    const id = createHash("sha256").update(`${options.label}\0${options.model}`).digest("hex").slice(0, 24);
    mkdirSync(join(ob, "databazel-watch", "progress", `${id}.json.tmp`));
    const progress = startProgress(options);
    expect(readProgress(ob)).toMatchObject([{ label: "//:s", state: "running" }]);
    expect(existsSync(join(cwd, ".databazel-watch", `${id}.json`))).toBe(true);
    // The sandbox goes when the action ends, and so does the file (a sandboxed worker's stays).
    progress.finish("succeeded");
    expect(readProgress(ob)).toEqual([]);
  });
});

// A grid search of three trials (a, b, c), and a checkpointed one whose trials share a chain.
const T0 = 1_000_000;
const trial = (name: string, extra: Partial<PlanTrial> = {}): PlanTrial => ({
  name,
  model: `bazel-out/k8-fastbuild/bin/s/${name}/model`,
  record: `bazel-out/k8-fastbuild/bin/s/${name}/run.eval.json`,
  curve: `bazel-out/k8-fastbuild/bin/s/${name}/run.curve.json`,
  metrics: `bazel-out/k8-fastbuild/bin/s/${name}/metrics.json`,
  trainRecord: null,
  epochs: 4,
  ...extra,
});
const plan: Plan = { label: "//:s", kind: "search", metric: "accuracy", goal: "maximize", trials: [trial("a"), trial("b"), trial("c")] };

function progress(name: string, extra: Partial<Progress> = {}): Progress {
  return {
    format: PROGRESS_FORMAT,
    label: "//:s",
    trial: name,
    model: `bazel-out/k8-fastbuild/bin/s/${name}/model`,
    start_epoch: null,
    end_epoch: null,
    epoch: 0,
    latest: null,
    state: "running",
    started_ms: T0 + 1000,
    updated_ms: T0 + 9000,
    ...extra,
  };
}

function observe(extra: Partial<Observation> = {}): Observation {
  return { now: T0 + 10_000, since: T0, building: true, progress: [], records: new Map(), curves: new Map(), metrics: new Map(), ...extra };
}

describe("the plan", () => {
  it("a search's trials from cquery (a segmented one trains to its last checkpoint's epoch); a model is one row", () => {
    const target: Target = {
      label: "@@//:s",
      files: [],
      output_groups: {},
      metrics: null,
      model: null,
      search: {
        metric: "accuracy",
        goal: "maximize",
        objectives: { accuracy: "maximize" },
        leaderboard_json: "l.json",
        leaderboard_csv: "l.csv",
        leaderboard_md: "l.md",
        best: "b.json",
        best_model: "b",
        schedule: null,
        trials: [
          { name: "e8", hyperparams: { epochs: "8" }, seed: 1, model: "bazel-out/k8-fastbuild/bin/s/segments/all/epoch_8.ckpt", metrics: "m8", run_record: "r8", learning_curve: "c8", hyperparams_file: null },
          { name: "lr_1", hyperparams: { epochs: "3", lr: "1" }, seed: 1, model: "bazel-out/k8-fastbuild/bin/s/lr_1/model", metrics: "m1", run_record: "r1", learning_curve: null, hyperparams_file: null },
        ],
      },
    };
    expect(planOf(target)).toEqual({
      label: "//:s",
      kind: "search",
      metric: "accuracy",
      goal: "maximize",
      trials: [
        { name: "e8", model: "bazel-out/k8-fastbuild/bin/s/segments/all/epoch_8.ckpt", record: "r8", curve: "c8", metrics: "m8", trainRecord: "bazel-out/k8-fastbuild/bin/s/segments/all/epoch_8.train.json", epochs: 8 },
        { name: "lr_1", model: "bazel-out/k8-fastbuild/bin/s/lr_1/model", record: "r1", curve: null, metrics: "m1", trainRecord: null, epochs: 3 },
      ],
    });
    const model: Target = {
      ...target,
      label: "@@//pkg:m",
      search: null,
      model: { model: "bazel-out/k8-fastbuild/bin/pkg/m.model", hyperparams: {}, hyperparams_file: "h", seed: 1, label: "@@//pkg:m", data: [], lineage: [], run_record: "rec", learning_curve: "cur" },
    };
    expect(planOf(model)).toMatchObject({ label: "//pkg:m", kind: "model", trials: [{ name: "m", record: "rec", curve: "cur", epochs: null }] });
  });
});

describe("the trials' states", () => {
  it("queued, running (with its epoch and latest metrics), done, failed and pruned", () => {
    const rows = deriveRows(
      { ...plan, trials: [...plan.trials, trial("d"), trial("e")] },
      observe({
        progress: [
          progress("a", { epoch: 2, latest: { epoch: 2, loss: 0.5 } }),
          progress("b", { state: "succeeded", epoch: 4, latest: { epoch: 4, loss: 0.25 } }),
          progress("c", { state: "failed", epoch: 1 }),
          progress("d", { state: "pruned", epoch: 1 }),
        ],
      }),
    );
    expect(rows.map((r) => [r.trial, r.state, r.epoch])).toEqual([
      ["a", "running", 2],
      ["b", "done", 4],
      ["c", "failed", 1],
      ["d", "pruned", 1],
      ["e", "queued", null],
    ]);
    expect(rows[0]).toMatchObject({ elapsedMs: 9000, latest: { loss: 0.5 }, epochs: 4 });
    expect(rows[1]).toMatchObject({ elapsedMs: 8000 });
  });

  it("ignores earlier builds' progress and bazel-bin's results while a build runs; shows bazel-bin's when none does", () => {
    const before = { progress: [progress("a", { state: "succeeded", epoch: 4, updated_ms: T0 - 5000 })], records: new Map([[trial("b").record!, { outcome: "succeeded" as const, mtimeMs: T0 - 5000 }]]) };
    expect(deriveRows(plan, observe(before)).map((r) => r.state)).toEqual(["queued", "queued", "queued"]);
    const idle = deriveRows(plan, observe({ ...before, building: false, curves: new Map([[trial("b").curve!, [{ epoch: 1, loss: 1 }, { epoch: 2, loss: 0.5 }]]]) }));
    expect(idle.map((r) => [r.state, r.epoch])).toEqual([["queued", null], ["done", 2], ["queued", null]]);
    // A record this build wrote counts while it runs; its metric on the test data ranks it.
    const fresh = deriveRows(
      plan,
      observe({ records: new Map([[trial("c").record!, { outcome: "succeeded", mtimeMs: T0 + 1 }]]), metrics: new Map([[trial("c").metrics!, 0.91]]) }),
    );
    expect(fresh.map((r) => r.state)).toEqual(["queued", "queued", "done"]);
    expect(summarize(plan, fresh).best).toEqual({ trial: "c", key: "accuracy", value: 0.91, test: true });
  });

  it("a search with a scheduler's stopped trial: its evaluation succeeds, its last segment says pruned", () => {
    const t = trial("h", { model: "bazel-out/k8-fastbuild/bin/s/segments/h/epoch_9.ckpt", trainRecord: "bazel-out/k8-fastbuild/bin/s/segments/h/epoch_9.train.json", epochs: 9 });
    const records = new Map([
      [t.record!, { outcome: "succeeded" as const, mtimeMs: T0 + 5 }],
      [t.trainRecord!, { outcome: "pruned" as const, mtimeMs: T0 + 4 }],
    ]);
    const curves = new Map([[t.curve!, [{ epoch: 1, loss: 0.9 }, { epoch: 2, loss: 0.8 }, { epoch: 3, loss: 0.7 }]]]);
    expect(deriveRows({ ...plan, trials: [t] }, observe({ records, curves }))).toMatchObject([{ trial: "h", state: "pruned", epoch: 3, epochs: 9, value: null }]);
  });

  it("an action whose progress stopped is not running: queued while the build goes on, failed once it ended", () => {
    const stale = { progress: [progress("a", { updated_ms: T0 + 1000, epoch: 1 })] };
    expect(deriveRows(plan, observe(stale))[0]).toMatchObject({ state: "queued", epoch: 1 });
    expect(deriveRows(plan, observe({ ...stale, building: false }))[0]).toMatchObject({ state: "failed" });
  });

  it("a chain of segments shared by trials of 2, 4 and 8 epochs: each trial is as far as its own epochs", () => {
    const seg = (epochs: number): PlanTrial => trial(`e${epochs}`, { model: `bazel-out/k8-fastbuild/bin/s/segments/all/epoch_${epochs}.ckpt`, epochs });
    const chained: Plan = { ...plan, trials: [seg(2), seg(4), seg(8)] };
    const segment = (start: number, end: number, extra: Partial<Progress>): Progress =>
      progress("x", { trial: `all epochs ${start}-${end}`, model: `bazel-out/cfg/bin/s/segments/all/epoch_${end}.ckpt`, start_epoch: start, end_epoch: end, ...extra });
    expect(trains("bazel-out/cfg/bin/s/segments/all/epoch_2.ckpt", seg(4))).toBe(true);
    expect(trains("bazel-out/cfg/bin/s/segments/all/epoch_8.ckpt", seg(4))).toBe(false);
    const rows = deriveRows(chained, observe({ progress: [segment(0, 2, { state: "succeeded", epoch: 2 }), segment(2, 4, { epoch: 3 })] }));
    expect(rows.map((r) => [r.trial, r.state, r.epoch])).toEqual([
      ["e2", "done", 2],
      ["e4", "running", 3],
      ["e8", "running", 3],
    ]);
  });

  it("on remote execution, from the build events: completed train actions, and the one Bazel names as running", () => {
    const events = emptyEvents();
    events.remote = true;
    events.trained.set("bazel-out/k8-fastbuild/bin/s/a/model", true);
    events.trained.set("bazel-out/k8-fastbuild/bin/s/c/model", false);
    events.running = [
      { label: "//:s", trial: "a" },
      { label: "//:s", trial: "b" },
    ];
    expect(deriveRows(plan, observe({ events })).map((r) => r.state)).toEqual(["done", "running", "failed"]);
    // A chain: the segment named running is past the last one that completed.
    const seg = (epochs: number): PlanTrial => trial(`e${epochs}`, { model: `bazel-out/k8-fastbuild/bin/s/segments/all/epoch_${epochs}.ckpt`, epochs });
    const chained: Plan = { ...plan, trials: [seg(2), seg(4)] };
    const chainEvents = emptyEvents();
    chainEvents.trained.set("bazel-out/k8-fastbuild/bin/s/segments/all/epoch_2.ckpt", true);
    chainEvents.running = [
      { label: "//:s", trial: "all epochs 0-2" },
      { label: "//:s", trial: "all epochs 2-4" },
    ];
    expect(deriveRows(chained, observe({ events: chainEvents })).map((r) => [r.state, r.epoch])).toEqual([
      ["done", 2],
      ["running", 2],
    ]);
  });

  it("progress of trials the plan does not list (the trials came from an old manifest) gets rows of its own", () => {
    const rows = deriveRows({ ...plan, trials: [] }, observe({ progress: [progress("z", { epoch: 3, trial: "z epochs 2-4", model: "bazel-out/k8-fastbuild/bin/s/segments/z/epoch_4.ckpt", end_epoch: 4 })] }));
    expect(rows).toMatchObject([{ trial: "z", state: "running", epoch: 3 }]);
  });
});

describe("the table", () => {
  const rows = deriveRows(
    plan,
    observe({
      progress: [progress("a", { epoch: 2, latest: { epoch: 2, loss: 0.5, accuracy: 0.8 } }), progress("b", { state: "succeeded", epoch: 4, latest: { epoch: 4, loss: 0.25, accuracy: 0.9 } })],
    }),
  );
  const frame: Frame = { plan, rows, notes: [], status: "[12 / 20] Training //:s a; 9s worker" };

  it("columns trial, state, epoch, elapsed and latest metrics; a summary line; no colour when asked for none", () => {
    expect(renderFrame(frame, { colour: false })).toEqual([
      "databazel watch //:s: 3 trials (metric: accuracy, maximize)",
      "trial  state    epoch  elapsed  latest",
      "a      running    2/4       9s  accuracy=0.8 loss=0.5",
      "b      done       4/4       8s  accuracy=0.9 loss=0.25",
      "c      queued     0/4",
      "1 done, 1 running, 1 queued; best so far: b (accuracy 0.9)",
      "[12 / 20] Training //:s a; 9s worker",
    ]);
    expect(formatElapsed(185_000)).toBe("3m05s");
    expect(formatElapsed(3_725_000)).toBe("1h02m");
  });

  it("on a terminal: the states in colour, lines cut to its width, trials that do not fit counted", () => {
    const coloured = renderFrame(frame, { colour: true });
    expect(coloured[2]).toContain("\x1b[36mrunning\x1b[0m");
    expect(coloured[3]).toContain("\x1b[32mdone\x1b[0m");
    expect(coloured[0]).toMatch(/^\x1b\[1m/);
    const narrow = renderFrame(frame, { colour: false, width: 30, height: 7 });
    expect(narrow.every((l) => l.length <= 30)).toBe(true);
    expect(narrow).toContain("... and 2 more trials");
  });

  it("not on a terminal: one plain line per trial whose state or epoch changed", () => {
    const log = new PlainLog();
    expect(log.update(frame)).toEqual(["a: running, epoch 2/4, 9s, accuracy=0.8 loss=0.5", "b: done, epoch 4/4, 8s, accuracy=0.9 loss=0.25", "c: queued, epoch 0/4"]);
    expect(log.update(frame)).toEqual([]);
    const later = deriveRows(plan, observe({ progress: [progress("a", { epoch: 3 })] }));
    expect(log.update({ ...frame, rows: later })).toEqual(["a: running, epoch 3/4, 9s", "b: queued, epoch 0/4"]);
    expect(summaryLine(plan, later)).toBe("0 done, 1 running, 2 queued; best so far: none yet");
  });
});

describe("Bazel's build events", () => {
  it("remote execution, completed train actions, the running one, the exit code", () => {
    const events = emptyEvents();
    applyEvent(events, { started: { startTimeMillis: "1700000000000" } });
    applyEvent(events, { optionsParsed: { cmdLine: ["--remote_executor=grpc://localhost:50051", "--jobs=4"] } });
    applyEvent(events, { progress: { stderr: "INFO: Analyzed target //:s\n[16 / 24] Training //:s lr_3; 2s remote ... (2 actions running)\n" } });
    expect(events).toMatchObject({ remote: true, startedMs: 1_700_000_000_000, running: [{ label: "//:s", trial: "lr_3" }] });
    applyEvent(events, { id: { actionCompleted: { primaryOutput: "bazel-out/k8-fastbuild/bin/s/lr_3/model" } }, action: { type: "DatabazelTrain", success: true } });
    applyEvent(events, { id: { actionCompleted: { primaryOutput: "bazel-out/k8-fastbuild/bin/s.best_model" } }, action: { type: "DatabazelLeaderboard", success: true } });
    applyEvent(events, { progress: { stderr: "[19 / 24] [Sched] Training //:s lr_4\n[20 / 24] Training //:s all epochs 2-4; 1s remote\n" } });
    applyEvent(events, { finished: { exitCode: { code: 1 } } });
    expect([...events.trained]).toEqual([["bazel-out/k8-fastbuild/bin/s/lr_3/model", true]]);
    // Named once, running until completed: lr_3 did (trained), the segment has not.
    expect(events.running).toEqual([
      { label: "//:s", trial: "lr_3" },
      { label: "//:s", trial: "all epochs 2-4" },
    ]);
    expect(events.status).toBe("Training //:s all epochs 2-4; 1s remote");
    expect(events.exitCode).toBe(1);
    expect(remoteExecutor(["--remote_executor=grpc://x", "--remote_executor="])).toBe(false);
    expect(remoteExecutor(["--remote_executor", "grpc://x"])).toBe(true);
  });

  it("reads the JSON file as Bazel writes it, a line at a time", () => {
    const path = join(temp(), "bep.json");
    const reader = new BepReader(path);
    expect(reader.read().startedMs).toBeNull();
    writeFileSync(path, `${JSON.stringify({ started: { startTimeMillis: "5" } })}\n{"optionsParsed": {"cmdLine": ["--remote_exec`);
    expect(reader.read()).toMatchObject({ startedMs: 5, remote: false });
    writeFileSync(path, `${JSON.stringify({ started: { startTimeMillis: "5" } })}\n{"optionsParsed": {"cmdLine": ["--remote_executor=grpc://x"]}}\n`);
    expect(reader.read()).toMatchObject({ startedMs: 5, remote: true });
  });
});

describe("the command line", () => {
  it("watch and build take one label; labels resolve from the current directory", () => {
    expect(parseArgs(["watch", "//:s"]).command).toEqual({ name: "watch", label: "//:s" });
    expect(parseArgs(["build", ":s", "--", "--config=remote"])).toMatchObject({ command: { name: "build", label: ":s" }, bazelFlags: ["--config=remote"] });
    expect(() => parseArgs(["watch"])).toThrow(/takes one label/);
    expect(absoluteLabel(":s", "/ws/pkg", "/ws")).toBe("//pkg:s");
    expect(absoluteLabel("s", "/ws", "/ws")).toBe("//:s");
    expect(absoluteLabel("sub:s", "/ws/pkg", "/ws")).toBe("//pkg/sub:s");
    expect(absoluteLabel("@@//a/b", "/ws/pkg", "/ws")).toBe("//a/b:b");
    expect(commandOf(["/usr/bin/bazel", "--output_user_root=/x", "build", "//:s"])).toBe("build");
  });
});

describe("the busy Bazel: the command in the output base's lock file", () => {
  it("a live client is a running command, unless it is this process or one above it (the bazel run that started it)", async () => {
    const ob = temp();
    const lock = (pid: number): void => writeFileSync(join(ob, "lock"), `pid=${pid}\nowner=client\ncwd=/ws\n`);
    const other = spawn("sleep", ["30"], { stdio: "ignore" });
    try {
      lock(other.pid!);
      expect(bazelCommand(ob)).toMatchObject({ pid: other.pid, running: true, args: ["sleep", "30"], cwd: "/ws" });
      // \`bazel run\` execs the program in its client's process: the lock names the CLI itself.
      lock(process.pid);
      expect(bazelCommand(ob)).toMatchObject({ pid: process.pid, running: false });
      // Or its launcher (a shell script that did not exec), or anything above that.
      lock(process.ppid);
      expect(bazelCommand(ob)).toMatchObject({ pid: process.ppid, running: false });
      expect(ownProcesses()).toContain(process.pid);
      expect(ownProcesses()).toContain(process.ppid);
      expect(ownProcesses()).not.toContain(other.pid);
    } finally {
      other.kill();
    }
    await new Promise((done) => other.on("exit", done));
    lock(other.pid!);
    expect(bazelCommand(ob)).toMatchObject({ running: false });
  });
});

// A slow search: the scheduler fixture's train script sleeps each epoch and rewrites curve.json
// after it, as a real trainer logs its epochs; three trials of four epochs, two training at a time.
const SLOW_TRAIN = readFileSync(join(repoRoot, "tests", "scheduler", "train.sh"), "utf8");

const EVAL = `#!/bin/sh
set -eu
while [ $# -gt 0 ]; do
  case "$1" in --metrics) metrics=$2 ;; esac
  shift 2
done
echo '{"accuracy": 0.5}' >"$metrics"
`;

const search = (name: string, lrs: string[]): string =>
  scriptSearch({ name, train_executable: ":slow_train", hyperparams: { epochs: "4", sleep: "1" }, grid: { lr: lrs } });

// tmux, Debian's, installed when missing: the test skips only where apt cannot install it.
const tmuxFound = await findOrInstall("tmux", "/usr/bin/tmux", "tmux");
const tmuxMissing = "reason" in tmuxFound;
if ("reason" in tmuxFound) console.warn(`databazel watch's terminal test skipped: ${tmuxFound.reason}`);

describe("against a slow local search", () => {
  let ws = "";
  const socket = `databazel-watch-${process.pid}`;
  const tmux = (...args: string[]): string => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });

  beforeAll(async () => {
    ws = consumerWorkspace({
      "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "evaluate", "hyperparam_search", "model")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "slow_train", srcs = ["slow_train.sh"])

sh_binary(name = "eval", srcs = ["eval.sh"])
${search("slow", ["1", "2", "3"])}${search("slow_plain", ["4", "5"])}
model(
    name = "one",
    training_data = "data.csv",
    train_executable = ":slow_train",
    hyperparams = {"epochs": "1", "sleep": "0", "lr": "1"},
)

evaluate(
    name = "one_eval",
    model = ":one",
    test_data = "data.csv",
    eval_executable = ":eval",
)
`,
      "slow_train.sh": SLOW_TRAIN,
      "eval.sh": EVAL,
      "data.csv": "x\n1\n",
    });
    // The server up and the searches analyzed, so that the watch starts at once.
    await bazel(["build", "--nobuild", "//:slow", "//:slow_plain"], { cwd: ws });
  });

  afterAll(async () => {
    spawnSync("tmux", ["-L", socket, "kill-server"]);
    if (ws) await removeWorkspace(ws);
  });

  it.skipIf(tmuxMissing)("in tmux: watch in one window while the build runs in another; states and epochs change", async () => {
    tmux("new-session", "-d", "-s", "watch", "-x", "110", "-y", "24", "-c", ws, `${process.execPath} ${cliBundle} watch //:slow; echo WATCH-EXIT=$?; sleep 600`);
    const capture = (): string => tmux("capture-pane", "-p", "-t", "watch:0");
    const until = async (text: string, seconds: number): Promise<string> => {
      for (let i = 0; i < seconds * 4; i++) {
        const screen = capture();
        if (screen.includes(text)) return screen;
        await sleep(250);
      }
      throw new Error(`tmux never showed ${JSON.stringify(text)}; it shows:\n${capture()}`);
    };
    const waiting = await until("Waiting for a build of //:slow", 60);
    expect(waiting).toMatch(/^trial\s+state\s+epoch\s+elapsed\s+latest$/m);
    tmux("new-window", "-d", "-t", "watch", "-c", ws, `${launcher} build //:slow > build.log 2>&1; echo $? > build.rc`);
    const screens: string[] = [];
    // About 10 s here; a loaded machine may take much longer.
    for (let i = 0; i < 720 && !screens.at(-1)?.includes("WATCH-EXIT="); i++) {
      await sleep(250);
      screens.push(capture());
    }
    const buildLog = existsSync(join(ws, "build.log")) ? readFileSync(join(ws, "build.log"), "utf8") : "(no build.log)";
    expect(screens.at(-1), `the watch did not end; the build's log:\n${buildLog}`).toContain("WATCH-EXIT=");
    expect(readFileSync(join(ws, "build.rc"), "utf8").trim(), buildLog).toBe("0");
    const rows = screens.map((s) => [...s.matchAll(/^lr_(\d)\s+(queued|running|done|failed|pruned)\s+(\d+)\/4\b/gm)].map((m) => ({ trial: m[1]!, state: m[2]!, epoch: Number(m[3]) })));
    const states = new Set(rows.flat().map((r) => r.state));
    expect(states.size, screens.at(-1)).toBeGreaterThanOrEqual(2);
    expect(states).toContain("running");
    expect(states).toContain("done");
    // Some trial was seen running at two different epochs, the later one higher.
    const running = rows.flat().filter((r) => r.state === "running" && r.epoch > 0);
    const advanced = ["1", "2", "3"].some((t) => {
      const epochs = running.filter((r) => r.trial === t).map((r) => r.epoch);
      return epochs.length > 1 && epochs.at(-1)! > epochs[0]!;
    });
    expect(advanced, screens.join("\n----\n")).toBe(true);
    const last = screens.at(-1)!;
    expect(last).toContain("3 done, 0 running; best so far: lr_1 (accuracy 0.5 on the test data)");
    expect(last).toContain("The build finished.");
    expect(last).toContain("WATCH-EXIT=0");
  });

  it("databazel build, not on a terminal: plain lines as trials change, no colour, Bazel's output on stderr", async () => {
    const result = await execa(process.execPath, [cliBundle, "build", "//:slow_plain", "--", "--strategy=DatabazelTrain=sandboxed"], { cwd: ws, reject: false, stdin: "ignore" });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("\x1b[");
    const lines = result.stdout.split("\n");
    expect(lines).toContain("lr_4: queued, epoch 0/4");
    expect(lines.some((l) => /^lr_[45]: running, epoch [1-3]\/4, \d+s, loss=/.test(l))).toBe(true);
    expect(lines.filter((l) => /^lr_[45]: done, epoch 4\/4/.test(l))).toHaveLength(2);
    expect(lines.at(-1)).toBe("2 done, 0 running; best so far: lr_4 (accuracy 0.5 on the test data)");
    expect(result.stderr).toContain("Build completed successfully");
  });

  it("under bazel run, watch does not take the bazel run that started it for a busy Bazel", async () => {
    // \`bazel run\` writes its client's pid into the output base's lock file, then runs the program
    // in that same process (exec): the lock file names the watch itself, alive and not Bazel.
    const watch = execa(launcher, ["run", "@databazel//:databazel", "--", "watch", "//:one"], { cwd: ws, reject: false, stdin: "ignore" });
    let out = "";
    let built = false;
    watch.stdout!.on("data", (chunk: Buffer) => void (out += chunk.toString("utf8")));
    try {
      for (let i = 0; i < 2400 && !out.includes("Waiting for a build of //:one") && watch.exitCode === null; i++) await sleep(250);
      expect(out).toContain("Waiting for a build of //:one");
      expect(out).not.toContain("Bazel is busy");
      // And it follows the build that comes, then ends.
      await bazel(["build", "//:one"], { cwd: ws });
      built = true;
    } finally {
      // Without a build, the watch would wait for one.
      if (!built) watch.kill();
    }
    const result = await watch;
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("Bazel is busy");
    expect(result.stdout).toMatch(/^one: done\b/m);
    expect(result.stdout).toMatch(/^1 done, 0 running; /m);
  });

  it("a label that is neither a search nor a model: says what it is and what to watch instead", async () => {
    const binary = await execa(process.execPath, [cliBundle, "watch", "//:eval"], { cwd: ws, reject: false, stdin: "ignore" });
    expect(binary.exitCode).toBe(2);
    expect(binary.stderr).toContain("//:eval is a sh_binary rule, not a databazel target");
    expect(binary.stderr).toContain("`databazel watch` expects a hyperparam_search target (SearchInfo) or a model target (ModelInfo)");
    const evaluation = await execa(process.execPath, [cliBundle, "build", "//:one_eval"], { cwd: ws, reject: false, stdin: "ignore" });
    expect(evaluation.exitCode).toBe(2);
    expect(evaluation.stderr).toContain("watch the model it scores: databazel build //:one");
  });
});
