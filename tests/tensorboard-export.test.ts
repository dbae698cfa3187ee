// `databazel export --tensorboard DIR LABEL`: searches and a model in a consumer
// workspace, exported as TensorBoard event files and read back by the real TensorBoard from PyPI
// (tests/tensorboard/read_events.py): its EventAccumulator, the hparams plugin's parsers and the
// hparams dashboard's backend, and a running `tensorboard --logdir` over HTTP. Where TensorBoard
// cannot be installed, those tests skip and say why; the rest (byte-identical exports, bad input)
// need no Python.
import { execa } from "execa";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";
import type { SearchFields } from "../tools/src/formats/providers.ts";
import { crc32c, maskedCrc32c } from "../tools/src/tensorboard/tfrecord.ts";
import { schedulerSearch, schedulerWorkspace } from "./harness/scheduler.ts";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";
import { databazel } from "./harness/cli.ts";
import { aptInstall } from "./harness/install.ts";
import { removeWorkspace } from "./harness/workspace.ts";

/** TensorBoard from PyPI, in a venv kept between runs. */
const TENSORBOARD = "tensorboard==2.21.0";
const VENV = join(repoRoot, "node_modules", ".cache", "databazel", "tensorboard-venv");
const READER = join(repoRoot, "tests", "tensorboard", "read_events.py");
const EVENT_FILE = "events.out.tfevents.0.databazel";

const BUILD = `load("@databazel//databazel:defs.bzl", "hyperparam_search", "model")
load("@rules_shell//shell:sh_binary.bzl", "sh_binary")

sh_binary(name = "train", srcs = ["train.sh"])

sh_binary(name = "train_ckpt", srcs = ["train.sh"], tags = ["databazel:checkpoints"])

sh_binary(name = "eval", srcs = ["eval.sh"])

# Successive halving over 6 trials, rungs at 1 and 3 epochs: the two lr = 0.05 trials go on to
# epoch 3, and the one with fail_at = 2 fails at epoch 2. So 1 succeeds, 1 fails, 4 are pruned.
${schedulerSearch("halving", {
  train_executable: ":train_ckpt",
  grid: { lr: ["0.05", "0.3", "3"], fail_at: ["2", "99"] },
  scheduler: "successive_halving",
  min_epochs: 1,
  max_epochs: 3,
  reduction_factor: 3,
  max_failed_trials: 1,
  seed: 1,
})}
# Random search: a log-uniform range, a choice and a fixed value; each trial trains 3 epochs.
${schedulerSearch("random", {
  validation_data: undefined,
  space: { lr: "loguniform(0.01, 1)", act: "choice(relu, tanh)" },
  hyperparams: { epochs: "3" },
  n_trials: 3,
  seed: 1,
})}
model(
    name = "single",
    training_data = "train.csv",
    train_executable = ":train",
    hyperparams = {"lr": "0.05", "epochs": "2"},
)
`;

type Point = [step: number, wallTime: number, value: number];

interface ReadRun {
  file_version: number;
  files: string[];
  scalars: Record<string, Point[]>;
  hparams: Record<string, Record<string, unknown>>;
}

interface SessionGroup {
  name: string;
  hparams: Record<string, number | string>;
  metricValues: { name: { tag: string }; value: number; trainingStep: number }[];
  sessions: { name: string; status: string }[];
}

interface Read {
  runs: Record<string, ReadRun>;
  experiment: { hparamInfos?: Record<string, unknown>[]; metricInfos?: { name: { tag: string } }[] };
  session_groups: SessionGroup[];
}

interface HParamInfo {
  name: string;
  type: string;
  domain_discrete?: (number | string)[];
  domain_interval?: { min_value?: number; max_value?: number };
}

let ws = "";
let scratch = "";
let python = "";
let noTensorBoard = "";

const bin = (...rel: string[]): string => join(ws, "bazel-bin", ...rel);
const board = (name: string): LeaderboardJson => JSON.parse(readFileSync(bin(`${name}.leaderboard.json`), "utf8")) as LeaderboardJson;
const out = (...rel: string[]): string => join(scratch, ...rel);

/** Every file under `dir`, relative, with its sha256. */
function digests(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else result[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return result;
}

/** A venv with TensorBoard from PyPI (made once, then reused); or why there cannot be one. */
async function tensorboardPython(): Promise<{ python: string } | { reason: string }> {
  const venvPython = join(VENV, "bin", "python");
  const importable = async (): Promise<boolean> =>
    existsSync(venvPython) && (await execa(venvPython, ["-c", "import tensorboard"], { reject: false })).exitCode === 0;
  if (await importable()) return { python: venvPython };
  const makeVenv = () => execa("python3", ["-m", "venv", "--clear", VENV], { reject: false, all: true });
  let made = await makeVenv();
  // Debian's python3 makes virtual environments only with python3-venv (ensurepip) installed.
  if (made.exitCode !== 0 && !(await aptInstall("python3-venv"))) made = await makeVenv();
  if (made.exitCode !== 0) return { reason: `python3 -m venv ${VENV} failed: ${(made.all ?? made.message).slice(-300)}` };
  const pip = await execa(join(VENV, "bin", "pip"), ["install", "--disable-pip-version-check", "--quiet", TENSORBOARD], {
    reject: false,
    all: true,
    timeout: 10 * 60_000,
  });
  if (await importable()) return { python: venvPython };
  return { reason: `pip install ${TENSORBOARD} failed: ${(pip.all ?? pip.message).slice(-300)}` };
}

/** What TensorBoard reads in `logdir`. */
async function readWithTensorBoard(logdir: string): Promise<Read> {
  const result = await execa(python, [READER, logdir], { reject: false });
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Read;
}

/** The search's SearchInfo, as the CLI sees it. */
async function searchInfo(name: string): Promise<SearchFields> {
  const format = join(repoRoot, "databazel", "private", "cli", "targets.cquery.bzl");
  const result = await bazel(["cquery", "--output=starlark", `--starlark:file=${format}`, `//:${name}`], { cwd: ws });
  return (JSON.parse(result.stdout.trim()) as { search: SearchFields }).search;
}

async function curveOf(path: string | null): Promise<Record<string, number>[]> {
  if (!path) return [];
  return JSON.parse(readFileSync(join(await bazelInfo("execution_root", { cwd: ws }), path), "utf8")) as Record<string, number>[];
}

const hparamInfo = (read: Read, name: string): HParamInfo | undefined =>
  (read.runs["."]!.hparams["_hparams_/experiment"]!.hparam_infos as HParamInfo[]).find((h) => h.name === name);

beforeAll(async () => {
  ws = schedulerWorkspace({ "BUILD.bazel": BUILD });
  scratch = mkdtempSync(join(tmpdir(), "databazel-tensorboard-"));
  const found = await tensorboardPython();
  if ("reason" in found) noTensorBoard = found.reason;
  else python = found.python;
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe("TFRecord framing", () => {
  it("CRC-32C of the standard check string, and the mask TFRecord applies", () => {
    expect(crc32c(Buffer.from("123456789"))).toBe(0xe3069283);
    const crc = 0xe3069283;
    expect(maskedCrc32c(Buffer.from("123456789"))).toBe((((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0);
  });
});

describe("databazel export --tensorboard, a search with a scheduler with pruned and failed trials", () => {
  it("builds the search, then writes an event file per trial and the experiment's beside them", async () => {
    const result = await databazel(["export", "--tensorboard", out("tb"), "//:halving"], ws);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain("databazel: building //:halving");
    expect(result.stdout).toContain(`//:halving: wrote 6 trials (`);
    expect(result.stdout).toContain(`tensorboard --logdir ${out("tb", "halving")}`);
    const b = board("halving");
    expect(b.trials.map((t) => t.outcome).sort()).toEqual(["failed", "pruned", "pruned", "pruned", "pruned", "succeeded"]);
    expect(Object.keys(digests(out("tb"))).sort()).toEqual(
      [join("halving", EVENT_FILE), ...b.trials.map((t) => join("halving", t.trial, EVENT_FILE))].sort(),
    );
  });

  it("TensorBoard's reader finds every curve scalar at step = epoch, and each trial's test metrics at its last epoch", async (context) => {
    if (!python) context.skip(`TensorBoard is not available: ${noTensorBoard}`);
    const read = await readWithTensorBoard(out("tb", "halving"));
    const info = await searchInfo("halving");
    expect(Object.keys(read.runs).sort()).toEqual([".", ...info.trials.map((t) => t.name)].sort());
    let checked = 0;
    const summary: string[] = [];
    for (const ranked of board("halving").trials) {
      const run = read.runs[ranked.trial]!;
      expect(run.file_version, ranked.trial).toBe(2);
      expect(run.files).toEqual([EVENT_FILE]);
      const curve = await curveOf(info.trials.find((t) => t.name === ranked.trial)!.learning_curve);
      const expected: Record<string, [number, number][]> = {};
      for (const point of curve) {
        for (const [key, value] of Object.entries(point)) if (key !== "epoch") (expected[key] ??= []).push([point.epoch!, Math.fround(value)]);
      }
      const last = curve.at(-1)?.epoch ?? 0;
      for (const [name, value] of Object.entries(ranked.metrics)) expected[`test/${name}`] = [[last, Math.fround(value)]];
      const found = Object.fromEntries(Object.entries(run.scalars).map(([tag, points]) => [tag, points.map(([step, , value]) => [step, value])]));
      expect(found, ranked.trial).toEqual(expected);
      checked += Object.values(expected).flat().length;
      // Wall times: seconds of training, never decreasing, from the run records.
      const times = Object.values(run.scalars).flat().sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(times.every((t) => t >= 0 && t < 600)).toBe(true);
      // The curves: the winner trained 3 epochs, the pruned trials 1 (to the first rung), and the
      // failed trial keeps the epoch it trained before it failed in the next segment.
      if (ranked.outcome === "succeeded") expect(run.scalars.loss!.map((p) => p[0])).toEqual([1, 2, 3]);
      if (ranked.outcome === "pruned") expect(run.scalars.loss!.map((p) => p[0])).toEqual([1]);
      if (ranked.outcome === "failed") {
        expect(run.scalars.loss!.map((p) => p[0])).toEqual([1]);
        expect(Object.keys(ranked.metrics)).toEqual([]);
        expect(Object.keys(run.scalars).filter((t) => t.startsWith("test/"))).toEqual([]);
      }
      summary.push(`${ranked.trial} (${ranked.outcome}): ${Object.entries(run.scalars).map(([tag, points]) => `${tag} at ${points.map((p) => p[0]).join(",")}`).join("; ") || "no scalars"}`);
    }
    console.log(`TensorBoard read ${checked} scalars from ${board("halving").trials.length} trials:\n${summary.join("\n")}`);
    expect(checked).toBeGreaterThan(10);
  });

  it("hparams: the experiment's domains and metrics, each trial's session with its values and status, as the dashboard's backend lists them", async (context) => {
    if (!python) context.skip(`TensorBoard is not available: ${noTensorBoard}`);
    const read = await readWithTensorBoard(out("tb", "halving"));
    expect(hparamInfo(read, "lr")).toMatchObject({ type: "DATA_TYPE_FLOAT64", domain_discrete: [0.05, 0.3, 3] });
    expect(hparamInfo(read, "fail_at")).toMatchObject({ type: "DATA_TYPE_FLOAT64", domain_discrete: [2, 99] });
    const metricTags = (read.experiment.metricInfos ?? []).map((m) => m.name.tag);
    expect(metricTags).toEqual(["test/accuracy", "test/seen_epochs", "loss"]);
    const b = board("halving");
    const status = { succeeded: "STATUS_SUCCESS", pruned: "STATUS_SUCCESS", failed: "STATUS_FAILURE" } as Record<string, string>;
    for (const t of b.trials) {
      const hp = read.runs[t.trial]!.hparams;
      expect(hp["_hparams_/session_start_info"]!.hparams, t.trial).toEqual(
        Object.fromEntries(Object.entries(t.hyperparams).map(([k, v]) => [k, Number(v)])),
      );
      expect(hp["_hparams_/session_end_info"]!.status, t.trial).toBe(status[t.outcome]);
    }
    // The dashboard: one session group per trial, its hyperparameters, and its final metrics.
    const groups = new Map(read.session_groups.map((g) => [g.name, g]));
    expect([...groups.keys()].sort()).toEqual(b.trials.map((t) => t.trial).sort());
    for (const t of b.trials) {
      const group = groups.get(t.trial)!;
      expect(group.sessions.map((s) => s.status)).toEqual([status[t.outcome]]);
      const accuracy = group.metricValues.find((m) => m.name.tag === "test/accuracy");
      if (t.value === null) expect(accuracy, t.trial).toBeUndefined();
      else expect(accuracy?.value, t.trial).toBe(Math.fround(t.value));
    }
  });

  it("a second export, into the same directory and into another, is byte-identical", async () => {
    const first = digests(out("tb"));
    const again = await databazel(["export", "--tensorboard", out("tb"), "//:halving"], ws);
    expect(again.exitCode, again.stderr).toBe(0);
    // Brought up to date first, by a build that had nothing to do.
    expect(again.stderr).toContain("databazel: building //:halving to bring it up to date");
    expect(digests(out("tb"))).toEqual(first);
    const elsewhere = await databazel(["export", "--tensorboard", out("elsewhere", "deeper"), "//:halving"], ws);
    expect(elsewhere.exitCode, elsewhere.stderr).toBe(0);
    expect(digests(out("elsewhere", "deeper"))).toEqual(first);
    // No temporary directory is left beside the export.
    expect(readdirSync(out("tb"))).toEqual(["halving"]);
  });

  it("a running `tensorboard --logdir` serves every trial's scalars and the hparams sessions", async (context) => {
    if (!python) context.skip(`TensorBoard is not available: ${noTensorBoard}`);
    const port = await freePort();
    const server = execa(join(VENV, "bin", "tensorboard"), ["--logdir", out("tb"), "--host", "127.0.0.1", "--port", String(port)], {
      reject: false,
      all: true,
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      const b = board("halving");
      const wanted = ["halving", ...b.trials.map((t) => `halving/${t.trial}`)].sort();
      let runs: string[] = [];
      for (let i = 0; i < 120 && JSON.stringify(runs) !== JSON.stringify(wanted); i++) {
        await new Promise((r) => setTimeout(r, 500));
        runs = await fetch(`${url}/data/runs`).then((r) => r.json() as Promise<string[]>, () => []);
        runs.sort();
      }
      expect(runs).toEqual(wanted);
      const best = b.trials.find((t) => t.outcome === "succeeded")!;
      const loss = (await fetch(`${url}/data/plugin/scalars/scalars?run=halving/${best.trial}&tag=loss`).then((r) => r.json())) as Point[];
      expect(loss.map(([, step, value]) => [step, value])).toEqual([
        [1, 1],
        [2, 0.5],
        [3, Math.fround(0.3333)],
      ]);
      const groups = (await fetch(`${url}/data/plugin/hparams/session_groups`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ experimentName: "", allowedStatuses: ["STATUS_SUCCESS", "STATUS_FAILURE"], colParams: [], startIndex: 0, sliceSize: 100 }),
      }).then((r) => r.json())) as { sessionGroups: SessionGroup[] };
      expect(groups.sessionGroups.map((g) => g.name).sort()).toEqual(b.trials.map((t) => `halving/${t.trial}`).sort());
    } finally {
      server.kill();
      await server;
    }
  });
});

describe("databazel export --tensorboard, a random search and a model", () => {
  it("random search: an interval for the log-uniform range, discrete strings for the choice, the fixed value", async (context) => {
    const result = await databazel(["export", "--tensorboard", out("tb"), "//:random"], ws);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readdirSync(out("tb")).sort()).toEqual(["halving", "random"]);
    if (!python) context.skip(`TensorBoard is not available: ${noTensorBoard}`);
    const read = await readWithTensorBoard(out("tb", "random"));
    expect(hparamInfo(read, "lr")).toMatchObject({ type: "DATA_TYPE_FLOAT64", domain_interval: { min_value: 0.01, max_value: 1 } });
    expect(hparamInfo(read, "act")).toMatchObject({ type: "DATA_TYPE_STRING", domain_discrete: ["relu", "tanh"] });
    expect(hparamInfo(read, "epochs")).toMatchObject({ type: "DATA_TYPE_FLOAT64", domain_discrete: [3] });
    for (const t of board("random").trials) {
      const run = read.runs[t.trial]!;
      expect(run.hparams["_hparams_/session_start_info"]!.hparams).toEqual({ act: t.hyperparams.act, epochs: 3, lr: Number(t.hyperparams.lr) });
      expect(run.scalars.loss!.map(([step, , value]) => [step, value])).toEqual([
        [1, 1],
        [2, 0.5],
        [3, Math.fround(0.3333)],
      ]);
      expect(run.scalars["test/accuracy"]!.map(([step, , value]) => [step, value])).toEqual([[3, Math.fround(t.metrics.accuracy!)]]);
    }
  });

  it("a model: its learning curve and hyperparameters in DIR/<name>/", async (context) => {
    const result = await databazel(["export", "--tensorboard", out("tb"), "//:single"], ws);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain("//:single: wrote its learning curve (2 epochs)");
    expect(Object.keys(digests(out("tb", "single")))).toEqual([EVENT_FILE]);
    if (!python) context.skip(`TensorBoard is not available: ${noTensorBoard}`);
    const run = (await readWithTensorBoard(out("tb", "single"))).runs["."]!;
    expect(run.scalars.loss!.map(([step, , value]) => [step, value])).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
    expect(run.hparams["_hparams_/session_start_info"]!.hparams).toEqual({ epochs: 2, lr: 0.05 });
    expect(run.hparams["_hparams_/session_end_info"]!.status).toBe("STATUS_SUCCESS");
  });
});

describe("databazel export: bad input says what is wrong and how to fix it, and writes nothing", () => {
  it("a label that is neither a search nor a model: exit 2, and DIR is not made", async () => {
    const result = await databazel(["export", "--tensorboard", out("never"), "//:train"], ws);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("//:train is a sh_binary rule, not a databazel target");
    expect(result.stderr).toContain("`databazel export` expects a hyperparam_search target (SearchInfo) or a model target (ModelInfo)");
    expect(existsSync(out("never"))).toBe(false);
  });

  it("DIR is a file: exit 1 before building anything", async () => {
    writeFileSync(out("a-file"), "x");
    const result = await databazel(["export", "--tensorboard", out("a-file"), "//:halving"], ws);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`databazel: error: cannot export to ${out("a-file")}: ${out("a-file")} is a file, not a directory.`);
    expect(result.stderr).toContain("Fix: give --tensorboard a directory you can write to");
  });

  it("DIR/<name> holds files an export did not write: refused, and left as it was", async () => {
    mkdirSync(out("mine", "halving"), { recursive: true });
    writeFileSync(out("mine", "halving", "notes.txt"), "mine\n");
    const result = await databazel(["export", "--tensorboard", out("mine"), "//:halving"], ws);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(`cannot export to ${out("mine", "halving")}: it exists and holds files that databazel export did not write (notes.txt).`);
    expect(result.stderr).toContain("Fix: move it away, or give --tensorboard another directory.");
    expect(readdirSync(out("mine"))).toEqual(["halving"]);
    expect(readdirSync(out("mine", "halving"))).toEqual(["notes.txt"]);
  });

  it("no --tensorboard, or no DIR after it: a usage error", async () => {
    for (const args of [["export", "//:halving"], ["export", "//:halving", "--tensorboard"]]) {
      const result = await databazel(args, ws);
      expect(result.exitCode, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("--tensorboard DIR");
      expect(result.stderr).toContain("databazel --help");
    }
  });
});

/** A TCP port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
