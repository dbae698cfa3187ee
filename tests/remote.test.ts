// Remote execution on a real Remote Execution API engine: BuildGrid with two buildbox workers
// (tools/remote/cluster.sh). `--config=remote` runs the mnist search's train and eval actions on
// the workers, its 4 trials queue for the 2 workers, a local build computes the same action keys
// and gives byte-identical outputs, a successive-halving search (checkpointed segments, decisions
// at each rung) runs on the workers with outputs byte-identical to a local build's, a search
// survives a worker killed mid-search (Bazel executes the action again), and stopping the cluster
// leaves nothing running.
import { execa } from "execa";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawns, type Spawn } from "../tools/bench/execution-log.ts";
import { SCHEDULER_HEADER, schedulerSearch, schedulerWorkspace } from "./harness/scheduler.ts";
import { bazel, launcher, repoRoot } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { clusterScript, clusterUnavailable, maxConcurrent, startCluster, type Cluster, type Job } from "../tools/remote/cluster.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const WORKERS = 2;
const unavailable = clusterUnavailable();
if (unavailable) console.warn(`remote execution tests skipped: ${unavailable}`);
const outputBases: { base: string; cwd: string }[] = [];
const workspaces: string[] = [];
let cluster: Cluster | undefined;

/** A fresh output base for a build in `cwd`; its server is shut down after the tests. */
function outputBase(cwd = repoRoot): string {
  const base = mkdtempSync(join(tmpdir(), "databazel-remote-ob-"));
  outputBases.push({ base, cwd });
  return base;
}

/**
 * The counts of Bazel's summary line, e.g. {internal: 19, remote: 11} for "30 processes: 19
 * internal, 11 remote."; empty when nothing ran.
 */
function processSummary(output: string): Record<string, number> {
  const line = /INFO: \d+ processes?: (.*)\./.exec(output);
  const counts: Record<string, number> = {};
  for (const part of line?.[1]?.split(", ") ?? []) {
    const [n, ...kind] = part.split(" ");
    counts[kind.join(" ")] = Number(n);
  }
  return counts;
}

/** The spawns of `mnemonic` in an execution log: which runner ran each, and its action digest. */
function logged(logPath: string, mnemonic: string): Spawn[] {
  return spawns(logPath).filter((s) => s.mnemonic === mnemonic);
}

/** Every regular file under `dir` whose relative path starts with `prefix`, without runfiles. */
function files(dir: string, prefix: string, root = dir, out: Record<string, Buffer> = {}): Record<string, Buffer> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path);
    if (!rel.startsWith(prefix) || name.endsWith(".runfiles") || name.endsWith(".runfiles_manifest")) continue;
    if (statSync(path).isDirectory()) files(path, prefix, root, out);
    else out[rel] = readFileSync(path);
  }
  return out;
}

/** A spawn of the execution log, with what makes up its action key. */
interface LoggedSpawn extends Spawn {
  commandArgs?: string[];
  environmentVariables?: unknown;
  platform?: unknown;
  inputs?: { path: string; digest?: { hash: string } }[];
}

/** A run record of the halving search: a segment's, a validation evaluation's or a final one's. */
const isHalvingRecord = (path: string): boolean => /(^|\/)(run|epoch_\d+)\.(train|eval|validation\.eval)\.json$/.test(path);

/**
 * The halving search's outputs in `bin`, without Bazel's parameter files for persistent workers
 * (which only local builds write).
 */
const halvingOutputs = (bin: string): Record<string, Buffer> =>
  Object.fromEntries(Object.entries(files(bin, "halving")).filter(([path]) => !/-\d+\.params$/.test(path)));

/** The trials of halvingWorkspace's search, named by their learning rate. */
const HALVING_TRIALS = ["lr_0.01", "lr_0.03", "lr_0.1", "lr_1"];

/**
 * A consumer workspace with //:halving: successive halving over 4 trials, rungs at 1, 2 and 4
 * epochs, with the scheduler fixture's checkpointing train script and its eval script and data.
 */
function halvingWorkspace(): string {
  const halving = schedulerSearch("halving", {
    grid: { lr: HALVING_TRIALS.map((t) => t.slice("lr_".length)) },
    max_epochs: 4,
    min_epochs: 1,
    reduction_factor: 2,
    scheduler: "successive_halving",
    seed: 1,
  });
  return schedulerWorkspace({ "BUILD.bazel": SCHEDULER_HEADER + halving });
}

const jobsOf = (jobs: Job[], spawnsOf: Spawn[]): Job[] => {
  const digests = new Set(spawnsOf.map((s) => s.digest?.hash));
  return jobs.filter((job) => digests.has(job.action));
};

describe.skipIf(unavailable !== undefined)("remote execution on BuildGrid with buildbox workers", () => {
  beforeAll(async () => {
    cluster = await startCluster(WORKERS);
  });

  afterAll(async () => {
    for (const { base, cwd } of outputBases) await bazel([`--output_base=${base}`, "shutdown"], { cwd, allowFailure: true });
    for (const ws of workspaces) await removeWorkspace(ws);
    await cluster?.stop();
    for (const { base } of outputBases) rmSync(base, { recursive: true, force: true });
  });

  let remoteBin = "";
  let remoteLog = "";

  it("--config=remote runs //mnist:bzl_search's train and eval actions on the workers; 4 trials queue for 2 workers", async () => {
    const c = cluster!;
    // The workers see only their own root: no Node, no checkout. What the actions run and
    // read must come from their declared inputs (Node through the toolchain).
    for (const path of ["usr/bin/node", "usr/local/bin/node", relative("/", repoRoot)]) {
      expect(existsSync(join(c.workerRoot, path)), path).toBe(false);
    }
    const base = outputBase();
    const log = join(base, "exec.json");
    // The cluster's address is the only thing a user adds to --config=remote (in user.bazelrc).
    // No disk cache: the default one (.bazelrc) would serve actions that local builds ran.
    const flags = ["--config=remote", `--remote_executor=${c.executor}`, "--remote_download_outputs=all", "--disk_cache="];
    const build = await bazel([`--output_base=${base}`, "build", ...flags, "--experimental_convenience_symlinks=ignore", `--execution_log_json_file=${log}`, "//mnist:bzl_search"]);
    const summary = processSummary(build.all ?? "");
    console.log(`remote //mnist:bzl_search: ${JSON.stringify(summary)}`);
    expect(summary.remote).toBeGreaterThanOrEqual(8);
    expect(summary.local ?? 0).toBe(0);
    const train = logged(log, "DatabazelTrain");
    const evaluate = logged(log, "DatabazelEval");
    expect(train.map((s) => s.runner)).toEqual(Array(4).fill("remote"));
    expect(evaluate.map((s) => s.runner)).toEqual(Array(4).fill("remote"));

    // BuildGrid's own record: each of the 4 training actions ran once and succeeded, at most
    // 2 at a time (one per worker), so some waited in the queue; both workers took part.
    const trainJobs = jobsOf(await c.jobs(), train);
    expect(trainJobs.map((job) => job.status)).toEqual([0, 0, 0, 0]);
    expect(maxConcurrent(trainJobs)).toBeLessThanOrEqual(WORKERS);
    expect(new Set(trainJobs.map((job) => job.worker)).size).toBe(WORKERS);
    remoteBin = (await bazel([`--output_base=${base}`, "info", ...flags, "bazel-bin"])).stdout.trim();
    remoteLog = log;
  });

  it("a local build computes the same action keys, and gives byte-identical outputs", async () => {
    expect(remoteBin, "the remote build did not run").not.toBe("");
    // A fresh output base, so every action runs here; the disk cache makes Bazel compute each
    // action's digest, the key a Remote Execution API server knows it by.
    const base = outputBase();
    const log = join(base, "exec.json");
    const local = await bazel([
      `--output_base=${base}`,
      "build",
      `--disk_cache=${join(base, "disk-cache")}`,
      "--experimental_convenience_symlinks=ignore",
      `--execution_log_json_file=${log}`,
      "//mnist:bzl_search",
    ]);
    expect(processSummary(local.all ?? "").remote).toBeUndefined();
    const localBin = (await bazel([`--output_base=${base}`, "info", "bazel-bin"])).stdout.trim();

    // Same Node (the pinned one, at the same path), same inputs: the same keys, so a local build
    // and a remote one serve each other from a shared cache.
    for (const mnemonic of ["DatabazelTrain", "DatabazelEval"]) {
      const localKeys = logged(log, mnemonic).map((s) => s.digest?.hash ?? "none").sort();
      const remoteKeys = logged(remoteLog, mnemonic).map((s) => s.digest?.hash ?? "none").sort();
      expect(localKeys).toHaveLength(4);
      expect(localKeys, mnemonic).toEqual(remoteKeys);
      console.log(`${mnemonic}: ${localKeys.length} of ${remoteKeys.length} action keys match the remote build's`);
    }

    const remoteFiles = files(join(remoteBin, "mnist"), "bzl_search");
    const localFiles = files(join(localBin, "mnist"), "bzl_search");
    expect(Object.keys(remoteFiles).sort()).toEqual(Object.keys(localFiles).sort());
    // The best model, the leaderboard and report, and each trial's model, curve and metrics.
    expect(Object.keys(localFiles)).toEqual(expect.arrayContaining(["bzl_search.best_model", "bzl_search.leaderboard.json", "bzl_search.report.html"]));
    expect(Object.keys(localFiles).filter((f) => f.startsWith("bzl_search/")).length).toBeGreaterThanOrEqual(12);
    // Everything matches byte for byte, logs included, except the run records' wall time.
    const isRecord = (path: string): boolean => /(^|\/)run\.(train|eval)\.json$/.test(path);
    const comparable = (path: string, bytes: Buffer): unknown => {
      if (!isRecord(path)) return bytes.toString("base64");
      const record = JSON.parse(bytes.toString("utf8")) as { duration_ms?: number };
      delete record.duration_ms;
      return record;
    };
    const compared = Object.keys(localFiles);
    const differing = compared.filter(
      (path) => !isDeepStrictEqual(comparable(path, remoteFiles[path]!), comparable(path, localFiles[path]!)),
    );
    expect(differing).toEqual([]);
    expect(compared.filter(isRecord).length).toBe(8);
    console.log(`identical to the local build: ${compared.length} files`);
  });

  // A successive-halving search (scheduler.bzl) in a consumer workspace: 4 trials of the scheduler
  // fixture's scripts (tests/scheduler), rungs at 1, 2 and 4 epochs. A segment continues from a
  // checkpoint that another worker may have made, and the DatabazelPromote actions that say which
  // segments train run on the workers too. The local build reuses the remote build's output base
  // after `bazel clean` (every action runs again; the server and external repositories stay).
  let halving: { ws: string; base: string; outputs: Record<string, Buffer>; spawns: LoggedSpawn[] } | undefined;
  const halvingFlags = [
    // What the repository's .bazelrc sets for every build, so local and remote keys agree.
    "--incompatible_strict_action_env",
    "--remote_default_exec_properties=OSFamily=linux",
    "--remote_default_exec_properties=ISA=x86-64",
    "--experimental_convenience_symlinks=ignore",
  ];
  const halvingMnemonics = { DatabazelTrain: 12, DatabazelEval: 12, DatabazelPromote: 2 };

  it("runs a successive-halving search's trainings, evaluations and decisions on the workers", async () => {
    const c = cluster!;
    const ws = halvingWorkspace();
    workspaces.push(ws);
    const base = outputBase(ws);
    const log = join(base, "exec.json");
    const remote = [
      `--remote_executor=${c.executor}`,
      `--remote_instance_name=${c.instance}`,
      "--remote_download_outputs=all",
      "--remote_retries=5",
      "--jobs=16",
    ];
    const build = await bazel([`--output_base=${base}`, "build", ...halvingFlags, ...remote, `--execution_log_json_file=${log}`, "//:halving"], { cwd: ws });
    const summary = processSummary(build.all ?? "");
    console.log(`remote //:halving: ${JSON.stringify(summary)}`);
    expect(summary.local ?? 0).toBe(0);
    expect(summary.worker ?? 0).toBe(0);
    // 4 trials × 3 segments, 4 × 2 validation evaluations and 4 final ones, 2 decisions: each
    // executed on a worker, none came from a cache.
    const ran: LoggedSpawn[] = [];
    for (const [mnemonic, n] of Object.entries(halvingMnemonics)) {
      const entries = logged(log, mnemonic);
      expect(entries.map((s) => `${s.runner}${s.cacheHit ? " (cache hit)" : ""}`), mnemonic).toEqual(Array(n).fill("remote"));
      ran.push(...entries);
    }
    expect(summary.remote).toBeGreaterThanOrEqual(ran.length);
    // BuildGrid's own record: one job per action, run once by one of the workers, succeeded.
    const jobs = jobsOf(await c.jobs(), ran);
    expect(new Set(jobs.map((job) => job.action)).size).toBe(ran.length);
    const workerNames = Array.from({ length: WORKERS }, (_, i) => `w${i + 1}-${new URL(c.executor).port}`);
    const unexpected = jobs.filter((job) => job.status !== 0 || job.tries !== 1 || !workerNames.includes(job.worker));
    expect(unexpected).toEqual([]);

    const bin = (await bazel([`--output_base=${base}`, "info", ...halvingFlags, ...remote, "bazel-bin"], { cwd: ws })).stdout.trim();
    // What the fixture's metric (best at lr = 0.05) makes the workers decide: 2 of 4 go on after
    // epoch 1, 1 of those after epoch 2.
    const read = (path: string): string => readFileSync(join(bin, "halving", path), "utf8");
    const decision = (trial: string, epochs: number): string =>
      (JSON.parse(read(`segments/${trial}/epoch_${epochs}.promotion.json`)) as { decision: string }).decision;
    expect(Object.fromEntries(HALVING_TRIALS.map((t) => [t, [decision(t, 1), decision(t, 2)]]))).toEqual({
      "lr_0.01": ["stop", "stop"],
      "lr_0.03": ["continue", "continue"],
      "lr_0.1": ["continue", "stop"],
      lr_1: ["stop", "stop"],
    });
    // Each final model lists the segments that trained it: a stopped trial's later segments ran
    // no script and carried its checkpoint forward (as a file: a worker stages inputs as files).
    const runs = (trial: string): string => /^runs=(.*)$/m.exec(read(`segments/${trial}/epoch_4.ckpt`))?.[1] ?? "";
    expect(Object.fromEntries(HALVING_TRIALS.map((t) => [t, runs(t)]))).toEqual({
      "lr_0.01": "0-1",
      "lr_0.03": "0-1,1-2,2-4",
      "lr_0.1": "0-1,1-2",
      lr_1: "0-1",
    });
    for (const t of HALVING_TRIALS) expect(lstatSync(join(bin, "halving", "segments", t, "epoch_4.ckpt")).isFile(), t).toBe(true);
    expect((JSON.parse(readFileSync(join(bin, "halving.leaderboard.json"), "utf8")) as { best: string }).best).toBe("lr_0.03");

    halving = { ws, base, outputs: halvingOutputs(bin), spawns: spawns(log) };
    await bazel([`--output_base=${base}`, "clean"], { cwd: ws });
  });

  it("a local build of the successive-halving search gives byte-identical outputs and computes the same action keys", async () => {
    expect(halving, "the remote build did not run").toBeDefined();
    const { ws, base, outputs: remoteFiles, spawns: remoteSpawns } = halving!;
    const log = join(base, "exec-local.json");
    const local = await bazel(
      [`--output_base=${base}`, "build", ...halvingFlags, `--disk_cache=${join(base, "disk-cache")}`, `--execution_log_json_file=${log}`, "//:halving"],
      { cwd: ws },
    );
    expect(processSummary(local.all ?? "").remote).toBeUndefined();
    const localBin = (await bazel([`--output_base=${base}`, "info", ...halvingFlags, "bazel-bin"], { cwd: ws })).stdout.trim();
    const localFiles = halvingOutputs(localBin);

    expect(Object.keys(remoteFiles).sort()).toEqual(Object.keys(localFiles).sort());
    const paths = Object.keys(localFiles);
    // The leaderboard, every rung's summary, every trial's decisions and final model.
    expect(paths).toEqual(expect.arrayContaining(["halving.leaderboard.json", "halving.best_model", "halving.report.html"]));
    expect(paths.filter((p) => /^halving\/rungs\/[^/]+\.rung\.json$/.test(p)).sort()).toEqual([
      "halving/rungs/bracket_0_epoch_1.rung.json",
      "halving/rungs/bracket_0_epoch_2.rung.json",
    ]);
    expect(paths.filter((p) => p.endsWith(".promotion.json")).length).toBe(8);
    expect(paths).toEqual(expect.arrayContaining(HALVING_TRIALS.map((t) => `halving/segments/${t}/epoch_4.ckpt`)));
    // Byte for byte, logs included, except the run records' wall time. (files() reads through
    // symlinks: the local build's carried-forward checkpoints are symlinks to the checkpoint
    // before, as the sandbox staged it and the shim copied it; the workers' are files.)
    const comparable = (path: string, bytes: Buffer): unknown => {
      if (!isHalvingRecord(path)) return bytes.toString("base64");
      const record = JSON.parse(bytes.toString("utf8")) as { duration_ms?: number };
      delete record.duration_ms;
      return record;
    };
    const differing = paths.filter((path) => !isDeepStrictEqual(comparable(path, remoteFiles[path]!), comparable(path, localFiles[path]!)));
    expect(differing).toEqual([]);
    // 12 segments' and 12 evaluations' run records.
    expect(paths.filter(isHalvingRecord).length).toBe(24);

    // Every action ran here, with the remote one's command, environment, platform and inputs, so
    // the same key: a later segment, a validation evaluation or a decision reads the outcome
    // files, not the run records and their wall time.
    const localSpawns = spawns(log);
    const byOutputs = (list: LoggedSpawn[], mnemonic: string): Map<string, LoggedSpawn> =>
      new Map(list.filter((s) => s.mnemonic === mnemonic).map((s) => [[...(s.listedOutputs ?? [])].sort().join(" "), s]));
    const problems: string[] = [];
    let sameKeys = 0;
    for (const [mnemonic, n] of Object.entries(halvingMnemonics)) {
      const mine = byOutputs(localSpawns, mnemonic);
      const theirs = byOutputs(remoteSpawns, mnemonic);
      expect([...mine.values()].map((s) => (s.runner === "remote" || s.cacheHit ? "not local" : "local")), mnemonic).toEqual(Array(n).fill("local"));
      expect([...mine.keys()].sort(), mnemonic).toEqual([...theirs.keys()].sort());
      for (const [outputs, l] of mine) {
        const r = theirs.get(outputs)!;
        const what = `${mnemonic} ${outputs.split(" ")[0]}`;
        for (const field of ["commandArgs", "environmentVariables", "platform"] as const) {
          if (!isDeepStrictEqual(l[field], r[field])) problems.push(`${what}: ${field} differs`);
        }
        const digests = (s: LoggedSpawn): Map<string, string> => new Map((s.inputs ?? []).map((i) => [i.path, i.digest?.hash ?? "none"]));
        const [li, ri] = [digests(l), digests(r)];
        const changed = [...new Set([...li.keys(), ...ri.keys()])].filter((path) => li.get(path) !== ri.get(path));
        for (const path of changed) problems.push(`${what}: input ${path} differs`);
        if (l.digest?.hash === r.digest?.hash) sameKeys++;
        else if (changed.length === 0) problems.push(`${what}: same inputs, different key`);
      }
    }
    expect(problems).toEqual([]);
    expect(sameKeys).toBe(Object.values(halvingMnemonics).reduce((a, b) => a + b, 0));
    console.log(`//:halving identical to the local build: ${paths.length} files; ${sameKeys} of ${localSpawns.filter((s) => Object.hasOwn(halvingMnemonics, s.mnemonic ?? "")).length} action keys match`);
  });

  it("completes a search when a worker is killed mid-search: Bazel executes the lost action again", async () => {
    const c = cluster!;
    // A consumer workspace whose trials take 4 × 2 s, so a worker can be killed mid-action.
    // Workers have no Node: the pinned one comes as an input of every action, by default.
    const ws = scriptWorkspace({
      "BUILD.bazel":
        scriptTargets("train_ckpt.sh") +
        scriptSearch({ name: "slow_search", hyperparams: { epochs: "4", sleep: "2" }, grid: { lr: ["0.1", "0.05"], hidden: ["32", "64"] } }),
    });
    workspaces.push(ws);

    const victim = 0;
    const victimName = `w${victim + 1}-${new URL(c.executor).port}`;
    const base = outputBase(ws);
    const log = join(base, "exec.json");
    const build = execa(
      launcher,
      [
        `--output_base=${base}`,
        "build",
        `--remote_executor=${c.executor}`,
        `--remote_instance_name=${c.instance}`,
        "--remote_default_exec_properties=OSFamily=linux",
        "--remote_default_exec_properties=ISA=x86-64",
        "--remote_retries=5",
        "--jobs=8",
        "--experimental_convenience_symlinks=ignore",
        `--execution_log_json_file=${log}`,
        "//:slow_search",
      ],
      { cwd: ws, all: true, reject: false, stdin: "ignore" },
    );
    // Kill the worker a second into a training it runs (4 epochs of 2 s), not into one of the
    // search's digest actions, which come first and, on a loaded machine, can take a second too.
    const trainingForASecond = async (): Promise<boolean> =>
      (await c.jobs()).some(
        (j) => j.worker === victimName && j.command.includes("train_shim") && Number.isNaN(j.completed) && Date.now() - j.started > 1000,
      );
    const deadline = Date.now() + 180_000;
    let ready = false;
    while (!(ready = await trainingForASecond()) && Date.now() < deadline && build.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready, "the worker never ran a training for a second").toBe(true);
    await c.killWorker(victim);

    const result = await build;
    expect(result.exitCode, result.all).toBe(0);
    expect((await c.status()).text).toMatch(/DOWN/);
    const train = logged(log, "DatabazelTrain");
    expect(train.map((s) => s.runner)).toEqual(Array(4).fill("remote"));
    expect(logged(log, "DatabazelEval").map((s) => s.runner)).toEqual(Array(4).fill("remote"));

    // The server ran every job once (max-job-attempts 1) and gave up on the killed one
    // (ABORTED); the second job for that same action is Bazel's retry, and it succeeded.
    const jobs = jobsOf(await c.jobs(), [...train, ...logged(log, "DatabazelEval")]);
    const summary = jobs.map((job) => `${job.action.slice(0, 8)} ${job.worker} tries=${job.tries} status=${job.status}`).join("\n");
    console.log(`jobs after killing worker ${victim + 1}:\n${summary}`);
    expect(jobs.every((job) => job.tries === 1), summary).toBe(true);
    const aborted = jobs.filter((job) => job.status === 10);
    expect(aborted.length, summary).toBeGreaterThanOrEqual(1);
    for (const lost of aborted) {
      expect(lost.worker, summary).toBe(`w${victim + 1}-${new URL(c.executor).port}`);
      const retried = jobs.filter((job) => job.action === lost.action && job.status === 0);
      expect(retried.length, summary).toBe(1);
      expect(retried[0]!.started, summary).toBeGreaterThan(lost.started);
    }
    // Every action of the search ended well in the end.
    const finished = new Set(jobs.filter((job) => job.status === 0).map((job) => job.action));
    expect(finished.size).toBe(8);
  });

  it("stops with nothing left running", async () => {
    const c = cluster!;
    const port = new URL(c.executor).port;
    const env = readFileSync(join(c.stateDir, "env"), "utf8");
    const pgDir = /^PG_DIR=(.*)$/m.exec(env)![1]!;
    await c.stop();
    cluster = undefined;
    // Independently of cluster.sh's own check: no process names the server's port, the state
    // directory or the database directory.
    const { stdout } = await execa("ps", ["-eo", "pid=,args="]);
    const left = stdout.split("\n").filter((line) => line.includes(`127.0.0.1:${port}`) || line.includes(c.stateDir) || line.includes(pgDir));
    expect(left).toEqual([]);
  });
});

describe.skipIf(unavailable !== undefined)("tools/remote/cluster.sh errors", () => {
  const run = (args: string[]) => execa(clusterScript, args, { all: true, reject: false, stdin: "ignore" });
  let state = "";
  beforeAll(() => {
    state = mkdtempSync(join(tmpdir(), "databazel-remote-errors-"));
  });
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it("refuses a worker count that is not a whole number of at least 1, before provisioning", async () => {
    const result = await run(["start", "0", state]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain("error: N_WORKERS must be a whole number of at least 1, not '0'.");
    expect(result.all).toContain(`Fix: tools/remote/cluster.sh start 2 ${state}`);
    expect(result.all).not.toContain("provision");
    expect(readdirSync(state)).toEqual([]);
  });

  it("refuses to start a second cluster in the same state directory, and leaves the first alone", async () => {
    const env = join(state, "env");
    writeFileSync(env, "REMOTE_EXECUTOR=grpc://127.0.0.1:1\n");
    const result = await run(["start", "2", state]);
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain(`error: ${state} already holds a cluster.`);
    expect(result.all).toContain(`Fix: tools/remote/cluster.sh stop ${state}`);
    expect(readFileSync(env, "utf8")).toBe("REMOTE_EXECUTOR=grpc://127.0.0.1:1\n");
    rmSync(env);
  });

  it("says when there is no cluster to report on or stop", async () => {
    const status = await run(["status", state]);
    expect(status.exitCode).toBe(1);
    expect(status.all).toContain(`no cluster running in ${state}`);
    const stop = await run(["stop", state]);
    expect(stop.exitCode).toBe(0);
    expect(stop.all).toContain(`no cluster recorded in ${state}; nothing to stop`);
  });

  it("refuses to patch a BuildGrid whose settings parser is not the one the fix was written for", async () => {
    // A provisioned cache whose BuildGrid differs from 0.4.4: provision.sh must stop, not guess.
    const dir = join(state, "cache");
    const parser = join(dir, "venv", "lib", "python3.11", "site-packages", "buildgrid", "server", "app", "settings", "parser.py");
    mkdirSync(dirname(parser), { recursive: true });
    writeFileSync(parser, "def load_sql_scheduler(**kwargs):\n    return Scheduler(**kwargs)\n");
    writeFileSync(join(dir, "venv", ".databazel-provisioned"), "");
    mkdirSync(join(dir, "worker-root"));
    writeFileSync(join(dir, "worker-root", ".databazel-provisioned"), "");
    const result = await execa(join(dirname(clusterScript), "provision.sh"), [dir], { all: true, reject: false, stdin: "ignore" });
    expect(result.exitCode).toBe(1);
    expect(result.all).toContain(`error: BuildGrid's ${parser} is not the one this fix was written for (BuildGrid 0.4.4).`);
    expect(result.all).toContain(`Fix: delete ${join(dir, "venv")} and run again, so that BuildGrid 0.4.4 is reinstalled.`);
    expect(readFileSync(parser, "utf8")).toBe("def load_sql_scheduler(**kwargs):\n    return Scheduler(**kwargs)\n");
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints its usage for an unknown command", async () => {
    const result = await run(["restart"]);
    expect(result.exitCode).toBe(2);
    expect(result.all).toContain("usage: cluster.sh provision | start N_WORKERS STATE_DIR | stop STATE_DIR | status STATE_DIR");
  });
});
