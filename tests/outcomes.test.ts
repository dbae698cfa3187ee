// Searches that survive their trials (max_failed_trials) and timeouts, against the real Bazel:
// a six-trial search where one trial crashes, one writes NaN and one hangs past train_timeout
// ranks the three good ones and lists the others with their outcome and error, in the
// leaderboard, the report (headless Chromium) and `databazel show`; one failure too many fails
// the search and lists them all; a script killed by SIGKILL is never a recorded outcome; a
// hanging model or evaluate is stopped, whole process group included, with no partial output.
import { execa } from "execa";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEADERBOARD_FORMAT } from "../tools/src/formats/leaderboard.ts";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { dumpDom, findChromium } from "./harness/chromium.ts";
import { databazel } from "./harness/cli.ts";
import { cacheHitsByMnemonic, executedByMnemonic } from "./harness/execution-log.ts";
import { consumerWorkspace, removeWorkspace, scriptTargets } from "./harness/workspace.ts";
import type { RunRecord } from "../tools/src/formats/run-record.ts";
import { tooManyFailures } from "../tools/src/leaderboard/failures.ts";

const MODES = ["a", "b", "c", "crash", "nan", "hang"];

const BUILD = `${scriptTargets()}
${scriptSearch({ name: "s3", grid: { mode: MODES }, max_failed_trials: 3, train_timeout: "5s" })}
${scriptSearch({ name: "s2", grid: { mode: MODES }, max_failed_trials: 2, train_timeout: "5s" })}
${scriptSearch({ name: "killed", grid: { mode: ["a", "sigkill"] }, max_failed_trials: 1 })}
${scriptSearch({ name: "segmented", grid: { epochs: ["1", "2"], mode: ["a", "crash"] }, max_failed_trials: 2, checkpoint_every: 1 })}
model(name = "hang", training_data = "data.csv", train_executable = ":train", hyperparams = {"mode": "hang"}, train_timeout = "5s")

model(name = "evalhang_model", training_data = "data.csv", train_executable = ":train", hyperparams = {"mode": "evalhang"})

evaluate(name = "evalhang", model = ":evalhang_model", test_data = "data.csv", eval_executable = ":eval", eval_timeout = "5s")
`;

let ws = "";
let scratch = "";
const bin = (...path: string[]): string => join(ws, "bazel-bin", ...path);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

interface Row {
  rank: number;
  trial: string;
  outcome: string;
  error: string | null;
  value: number | null;
}

beforeAll(() => {
  ws = consumerWorkspace({ "BUILD.bazel": BUILD, "data.csv": "x\n1\n" });
  for (const script of ["train.sh", "eval.sh"]) copyFileSync(join(repoRoot, "tests", "outcomes", script), join(ws, script));
  scratch = mkdtempSync(join(tmpdir(), "databazel-outcomes-"));
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function buildFails(target: string): Promise<string> {
  const result = await bazel(["build", target], { cwd: ws, allowFailure: true });
  expect(result.exitCode, result.all).not.toBe(0);
  return result.all ?? "";
}

/**
 * The processes still running one of this workspace's scripts' sleeps (`sleep 1007`, `sleep
 * 1008`): those whose working directory lies in its output base, where every action runs, so
 * that another checkout's run of this file does not count. (Seen from outside the offline
 * Bazel's root filesystem, that path has the root's own path in front.)
 */
async function leftoverSleeps(): Promise<string[]> {
  const outputBase = await bazelInfo("output_base", { cwd: ws });
  const { stdout } = await execa("ps", ["-eo", "pid,args"]);
  return stdout.split("\n").filter((line) => {
    if (!/ sleep 100[78]$/.test(line)) return false;
    try {
      return readlinkSync(`/proc/${line.trim().split(" ")[0]}/cwd`).includes(outputBase);
    } catch {
      return false; // it ended meanwhile
    }
  });
}

describe("max_failed_trials = 3, with a crash, a NaN and a hang among six trials", () => {
  let build = "";
  beforeAll(async () => {
    const result = await bazel(["build", "//:s3", `--disk_cache=${join(scratch, "disk")}`], { cwd: ws, allowFailure: true });
    build = result.all ?? "";
    expect(result.exitCode, build).toBe(0);
  }, 300_000);

  it("ranks the good trials, then the others with their outcome and error; the best model is the best success", () => {
    const board = readJson<{ format: number; best: string; trials: Row[] }>(bin("s3.leaderboard.json"));
    expect(board.format).toBe(LEADERBOARD_FORMAT);
    expect(board.best).toBe("mode_b");
    expect(board.trials.map((t) => [t.rank, t.trial, t.outcome, t.value])).toEqual([
      [1, "mode_b", "succeeded", 0.9],
      [2, "mode_c", "succeeded", 0.8],
      [3, "mode_a", "succeeded", 0.7],
      [4, "mode_crash", "failed", null],
      [5, "mode_nan", "diverged", null],
      [6, "mode_hang", "timed_out", null],
    ]);
    const error = Object.fromEntries(board.trials.map((t) => [t.trial, t.error]));
    expect(error.mode_b).toBeNull();
    expect(error.mode_crash).toBe("the train executable failed with exit code 3.");
    expect(error.mode_nan).toBe("the eval executable wrote accuracy = NaN: the model diverged.");
    expect(error.mode_hang).toBe("the train executable timed out after 5s.");
    expect(readFileSync(bin("s3.best_model"), "utf8")).toBe("mode=b\n");
    expect(readJson<{ trial: string }>(bin("s3.best.json")).trial).toBe("mode_b");

    const csv = readFileSync(bin("s3.leaderboard.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("rank,trial,mode,accuracy,loss,outcome,error");
    expect(csv[1]).toBe("1,mode_b,b,0.9,0.1,succeeded,");
    expect(csv[4]).toBe("4,mode_crash,crash,,,failed,the train executable failed with exit code 3.");
    const md = readFileSync(bin("s3.leaderboard.md"), "utf8");
    expect(md).toContain("| 6 | mode_hang | hang |  |  | timed_out | the train executable timed out after 5s. |");
  });

  it("records each outcome in the trial's run record, with the exit status and the last lines", () => {
    const crash = readJson<Record<string, unknown>>(bin("s3", "mode_crash", "run.train.json"));
    expect(crash).toMatchObject({ format: 3, outcome: "failed", exit_code: 3 });
    expect(crash.log_tail).toEqual(["training mode crash", "RuntimeError: CUDA out of patience"]);
    expect(String(crash.failure_message)).toContain("Reproduce it with");
    // The eval of a trial whose training failed does not run; it passes the outcome on.
    expect(readJson(bin("s3", "mode_crash", "run.eval.json"))).toMatchObject({ outcome: "failed", exit_code: null });
    expect(readJson(bin("s3", "mode_crash", "metrics.json"))).toEqual({});
    expect(readJson(bin("s3", "mode_hang", "run.train.json"))).toMatchObject({ outcome: "timed_out", exit_code: null });
    expect(readJson(bin("s3", "mode_nan", "run.eval.json"))).toMatchObject({ outcome: "diverged", exit_code: 0 });
  });

  it("stops the hanging trial's whole process group", async () => {
    expect(await leftoverSleeps()).toEqual([]);
  });

  it("databazel show lists every trial with its outcome", async () => {
    const table = await databazel(["show", "//:s3"], ws);
    expect(table.exitCode, table.stderr).toBe(0);
    expect(table.stdout).toContain("6 trials ranked by accuracy (maximize: higher is better); * marks the best. 3 did not succeed and rank last.");
    expect(table.stdout).toMatch(/\*\s+1\s+mode_b\s+b\s+0\.9\s+0\.1\s+succeeded/);
    expect(table.stdout).toMatch(/5\s+mode_nan\s+nan\s+diverged\s+the eval executable wrote accuracy = NaN: the model diverged\./);
    const json = await databazel(["show", "//:s3", "--json"], ws);
    expect(JSON.parse(json.stdout).trials.map((t: Row) => t.outcome)).toEqual(["succeeded", "succeeded", "succeeded", "failed", "diverged", "timed_out"]);
  });

  it("the report marks the trials that did not succeed (headless Chromium)", async (context) => {
    const found = await findChromium();
    if ("reason" in found) return context.skip(`no chromium: ${found.reason}`);
    const report = join(scratch, "s3.report.html");
    copyFileSync(bin("s3.report.html"), report);
    const dom = await dumpDom(found.path, report);
    expect([...dom.matchAll(/<tr data-trial="([^"]*)"[^>]*data-outcome="([^"]*)"/g)].map((m) => `${m[1]}:${m[2]}`)).toEqual([
      "mode_b:succeeded",
      "mode_c:succeeded",
      "mode_a:succeeded",
      "mode_crash:failed",
      "mode_nan:diverged",
      "mode_hang:timed_out",
    ]);
    expect(dom).toMatch(/<tr data-trial="mode_b" data-rank="1" class="best"/);
    expect(dom.match(/<tr [^>]*class="failed"/g)?.length).toBe(3);
    expect(dom).toContain("the train executable timed out after 5s.");
    expect(dom).toContain("3 did not succeed");
    // Sorted by the metric, the trials without a value still come last.
    const sorted = await dumpDom(found.path, report, "#sort=accuracy&dir=asc");
    expect([...sorted.matchAll(/<tr data-trial="([^"]*)"/g)].map((m) => m[1]).slice(0, 3)).toEqual(["mode_a", "mode_c", "mode_b"]);
  });

  it("a recorded failure is cached; after bazel clean, --disk_cache= runs the trials again, --noremote_accept_cached does not", async () => {
    const disk = `--disk_cache=${join(scratch, "disk")}`;
    const build = async (name: string, flags: string[]): Promise<string> => {
      const log = join(scratch, `${name}.json`);
      await bazel(["clean"], { cwd: ws });
      await bazel(["build", "//:s3", ...flags, `--execution_log_json_file=${log}`], { cwd: ws });
      return log;
    };
    const cached = await build("cached", [disk]);
    expect(executedByMnemonic(cached).DatabazelTrain ?? 0).toBe(0);
    expect(cacheHitsByMnemonic(cached)).toMatchObject({ DatabazelTrain: 6, DatabazelEval: 6 });
    // Bazel 7 applies --noremote_accept_cached to a remote cache only, not to the disk cache.
    const stillCached = await build("still-cached", [disk, "--noremote_accept_cached"]);
    expect(executedByMnemonic(stillCached).DatabazelTrain ?? 0).toBe(0);
    const retried = await build("retried", ["--disk_cache="]);
    expect(executedByMnemonic(retried)).toMatchObject({ DatabazelTrain: 6, DatabazelEval: 6 });
  }, 300_000);
});

describe("a failed segment of a checkpointed search", () => {
  it("passes its outcome on to the later segments and to the eval, without running them", async () => {
    const result = await bazel(["build", "//:segmented"], { cwd: ws, allowFailure: true });
    expect(result.exitCode, result.all).toBe(0);
    const board = readJson<{ trials: Row[] }>(bin("segmented.leaderboard.json"));
    expect(board.trials.map((t) => [t.trial, t.outcome, t.error])).toEqual([
      ["epochs_1__mode_a", "succeeded", null],
      ["epochs_2__mode_a", "succeeded", null],
      ["epochs_1__mode_crash", "failed", "the train executable failed with exit code 3."],
      ["epochs_2__mode_crash", "failed", "the train executable failed with exit code 3."],
    ]);
    // The second segment did not run: its log says why, and its record carries the first one's outcome.
    const second = bin("segmented", "segments", "mode_crash", "epoch_2");
    expect(readFileSync(`${second}.train.log`, "utf8")).toMatch(/^databazel: not run: an earlier run of this trial did not succeed \(failed\)/);
    expect(readJson(`${second}.train.json`)).toMatchObject({ outcome: "failed", exit_code: null, log_tail: ["training mode crash", "RuntimeError: CUDA out of patience"] });
  }, 300_000);
});

describe("failures beyond max_failed_trials", () => {
  it("max_failed_trials = 2 fails the search and lists all three failed trials, each with its cause and rerun command", async () => {
    const output = await buildFails("//:s2");
    expect(output).toContain("databazel: //:s2: 3 of 6 trials did not succeed, more than max_failed_trials = 2.");
    expect(output).toContain("Fix: fix the failing trials (each below says why and how to rerun it), or raise max_failed_trials to 3 or more");
    expect(output).toContain("- trial mode_crash: failed: the train executable failed with exit code 3.");
    expect(output).toContain("- trial mode_nan: diverged: the eval executable wrote accuracy = NaN: the model diverged.");
    expect(output).toContain("- trial mode_hang: timed_out: the train executable timed out after 5s.");
    expect(output).toMatch(/\| RuntimeError: CUDA out of patience/);
    expect(output.match(/Reproduce it with/g)?.length).toBe(3);
    // The aggregate leaves nothing behind.
    for (const file of ["s2.leaderboard.json", "s2.best.json", "s2.best_model"]) expect(existsSync(bin(file)), file).toBe(false);
  }, 300_000);

  it("a script killed by SIGKILL fails its action, even with max_failed_trials, and is not recorded", async () => {
    const output = await buildFails("//:killed");
    expect(output).toContain("//:killed (trial mode_sigkill): the train executable was killed by SIGKILL.");
    expect(output).toContain("is not a result of the run: the action fails and nothing is cached.");
    expect(existsSync(bin("killed", "mode_sigkill", "run.train.json"))).toBe(false);
    expect(existsSync(bin("killed", "mode_sigkill", "model"))).toBe(false);
  }, 300_000);
});

describe("timeouts of model and evaluate", () => {
  it("a hanging train script is stopped after train_timeout, with the fix, no partial outputs and no leftover process", async () => {
    const output = await buildFails("//:hang");
    expect(output).toContain("//:hang: the train executable timed out after 5s.");
    expect(output).toContain('Fix: raise train_timeout (now "5s"), or make the script faster. It was stopped with SIGTERM, then SIGKILL after 3s.');
    expect(output).toContain("| training mode hang");
    for (const file of ["hang.model", "hang.train.json", "hang.curve.json"]) expect(existsSync(bin(file)), file).toBe(false);
    expect(await leftoverSleeps()).toEqual([]);
  }, 300_000);

  it("a hanging eval script is stopped after eval_timeout", async () => {
    const output = await buildFails("//:evalhang");
    expect(output).toContain("//:evalhang: the eval executable timed out after 5s.");
    expect(output).toContain('Fix: raise eval_timeout (now "5s"), or make the script faster.');
    for (const file of ["evalhang.metrics.json", "evalhang.eval.json"]) expect(existsSync(bin(file)), file).toBe(false);
    expect(await leftoverSleeps()).toEqual([]);
  }, 300_000);
});

describe("a signal to the shim itself", () => {
  it("SIGTERM to a train shim that records failures stops the script's group and fails, recording nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "databazel-shim-signal-"));
    const at = (name: string): string => join(dir, name);
    writeFileSync(at("hp.json"), JSON.stringify({ mode: "hang" }));
    writeFileSync(at("data.csv"), "x\n1\n");
    mkdirSync(at("extras"));
    const shim = execa(
      process.execPath,
      [
        join(repoRoot, "databazel", "private", "bundles", "train_shim.cjs"),
        ...["--shim_label", "//:signal", "--shim_executable", join(repoRoot, "tests", "outcomes", "train.sh")],
        ...["--shim_record", at("run.json"), "--shim_outcome", at("run.outcome.json"), "--shim_log", at("run.log"), "--shim_curve", at("curve.json"), "--shim_record_failures"],
        ...["--training_data", at("data.csv"), "--model", at("model"), "--hyperparams_file", at("hp.json"), "--seed", "0", "--output_dir", at("extras")],
      ],
      { reject: false, all: true },
    );
    // Until the script runs: it prints its mode first.
    for (let i = 0; i < 100 && !(existsSync(at("run.log")) && readFileSync(at("run.log"), "utf8").includes("training mode hang")); i++) {
      await new Promise((done) => setTimeout(done, 100));
    }
    shim.kill("SIGTERM");
    const result = await shim;
    expect(result.exitCode, result.all).toBe(1);
    expect(result.all).toContain("//:signal: the train executable was killed by SIGTERM.");
    expect(existsSync(at("run.json"))).toBe(false);
    expect(existsSync(at("model"))).toBe(false);
    expect(await leftoverSleeps()).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("the message of a search without a success", () => {
  it("says there is no best model, and lists each failure with its message", () => {
    const failed = (trial: string, error: string): RunRecord =>
      ({ trial, outcome: "failed", error, failure_message: `databazel: //:s (trial ${trial}): ${error}\nReproduce it with:\n  cmd` }) as RunRecord;
    expect(tooManyFailures("//:s", 5, 2, [failed("a", "boom."), failed("b", "bang.")])).toBe(
      [
        "databazel: //:s: none of the 2 trials succeeded, so there is no best model.",
        "Fix: make the scripts work for at least one trial; each failure below says why it failed and how to rerun it.",
        "Failed trials (2):",
        "- trial a: failed: boom.",
        "    databazel: //:s (trial a): boom.",
        "    Reproduce it with:",
        "      cmd",
        "- trial b: failed: bang.",
        "    databazel: //:s (trial b): bang.",
        "    Reproduce it with:",
        "      cmd",
      ].join("\n"),
    );
  });
});
