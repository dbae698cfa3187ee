// e2e/sklearn_digits: train and eval scripts that import numpy and scikit-learn, from
// PyPI through rules_python's pip.parse and a hash-locked lock file, built on a fresh clone in
// place, as the README says (`cd e2e/sklearn_digits && ../../tools/bazel build //...`, nothing
// appended; its Node comes from npm as a user's does). What ran is read from Bazel's execution
// log. Where PyPI cannot be reached, the tests say so and skip.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { databazel } from "./harness/cli.ts";
import { executedByMnemonic } from "./harness/execution-log.ts";
import { pypiUnreachable } from "./harness/pypi.ts";
import { gitStatus } from "./harness/workspace.ts";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";

const ws = join(repoRoot, "e2e", "sklearn_digits");
let scratch = "";
let otherBase = "";
/** git's view of e2e/sklearn_digits before the tests build in it. */
let statusBefore = "";
/** Why scikit-learn could not be installed, when it could not. */
let unavailable = "";
let firstBuildSeconds = 0;

async function build(args: string[], log: string): Promise<Record<string, number>> {
  await bazel([...args, `--execution_log_json_file=${log}`], { cwd: ws });
  return executedByMnemonic(log);
}

/** sha256 of the logistic regression's model and of every MLP trial's, under a bazel-bin. */
function models(bin: string): Record<string, string> {
  const hash = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");
  const out: Record<string, string> = { logreg: hash(join(bin, "logreg.model")) };
  for (const trial of readdirSync(join(bin, "mlp_search")).filter((t) => t.startsWith("alpha_")).sort()) {
    out[trial] = hash(join(bin, "mlp_search", trial, "model"));
  }
  return out;
}

const read = (rel: string): string => readFileSync(join(ws, "bazel-bin", rel), "utf8");

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "databazel-sklearn-logs-"));
  otherBase = mkdtempSync(join(tmpdir(), "databazel-sklearn-base-"));
  statusBefore = await gitStatus(ws);
  const started = Date.now();
  // The workspace's own output base, which the CLI uses too; its first build fetches the wheels.
  const result = await bazel(["build", "//..."], { cwd: ws, allowFailure: true });
  firstBuildSeconds = (Date.now() - started) / 1000;
  if (result.exitCode !== 0) {
    // Only PyPI out of reach skips; any other failure is reported.
    const offline = pypiUnreachable(String(result.all));
    if (!offline) throw new Error(`bazel build //... in e2e/sklearn_digits failed:\n${String(result.all)}`);
    unavailable = offline;
  }
}, 1_200_000);

afterAll(async () => {
  // The example's own output base stays for the next run, as a user's would; its server goes.
  await bazel(["shutdown"], { cwd: ws, allowFailure: true });
  if (otherBase) await bazel([`--output_base=${otherBase}`, "shutdown"], { cwd: ws, allowFailure: true });
  for (const dir of [scratch, otherBase]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("e2e/sklearn_digits: numpy and scikit-learn from PyPI, hash-locked", () => {
  it("trains, evaluates and searches: at least 0.95 held-out accuracy on the digits", (context) => {
    if (unavailable) context.skip(`scikit-learn could not be installed from PyPI here: ${unavailable}`);
    console.log(`e2e/sklearn_digits: first build (fetching the wheels) took ${firstBuildSeconds.toFixed(0)} s`);
    // The convenience symlinks are there, and git ignores them.
    expect(existsSync(join(ws, "bazel-bin"))).toBe(true);
    const logreg = JSON.parse(read("logreg_eval.metrics.json")) as { accuracy: number; examples: number; confusion_matrix: number[][]; per_class: { f1: number[] } };
    expect(logreg.examples).toBe(360);
    expect(logreg.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(logreg.confusion_matrix).toHaveLength(10);
    expect(logreg.confusion_matrix.flat().reduce((a, b) => a + b, 0)).toBe(360);
    expect(logreg.per_class.f1).toHaveLength(10);
    const mlp = JSON.parse(read("mlp_search.leaderboard.json")) as LeaderboardJson;
    expect(mlp.trials.map((t) => t.trial).sort()).toEqual(["alpha_0.0001__hidden_128", "alpha_0.0001__hidden_64", "alpha_0.01__hidden_128", "alpha_0.01__hidden_64"]);
    for (const t of mlp.trials) expect((t.metrics as { accuracy: number }).accuracy).toBeGreaterThanOrEqual(0.95);
    const c = JSON.parse(read("logreg_search.leaderboard.json")) as LeaderboardJson;
    expect(c.trials).toHaveLength(3);
  });

  it("databazel show and the HTML report work on its search, unchanged", async (context) => {
    if (unavailable) context.skip(`scikit-learn could not be installed from PyPI here: ${unavailable}`);
    const show = await databazel(["show", "//:mlp_search"], ws);
    expect(show.exitCode, show.stderr).toBe(0);
    for (const trial of ["alpha_0.0001__hidden_128", "alpha_0.01__hidden_64"]) expect(show.stdout).toContain(trial);
    const html = read("mlp_search.report.html");
    expect(html).toContain(`id="confusion-matrix"`);
    expect(html).toContain("alpha_0.01__hidden_64");
    // The evaluation's report has the per-class table too.
    expect(read("logreg_eval.report.html")).toContain(`id="per-class"`);
  });

  it("gives byte-identical models from a clean build in another output base", async (context) => {
    if (unavailable) context.skip(`scikit-learn could not be installed from PyPI here: ${unavailable}`);
    const first = models(join(ws, "bazel-bin"));
    const binOf = async (base: string): Promise<string> => (await bazel([`--output_base=${base}`, "info", "bazel-bin"], { cwd: ws })).stdout.trim();
    const executed = await build([`--output_base=${otherBase}`, "build", "--disk_cache=", "--experimental_convenience_symlinks=ignore", "//:logreg", "//:mlp_search"], join(scratch, "other.json"));
    expect(executed["DatabazelTrain"]).toBe(5);
    expect(models(await binOf(otherBase))).toEqual(first);
  });

  it("rebuilds after bazel clean from the disk cache of its .bazelrc without running a train action", async (context) => {
    if (unavailable) context.skip(`scikit-learn could not be installed from PyPI here: ${unavailable}`);
    const before = models(join(ws, "bazel-bin"));
    await bazel(["clean"], { cwd: ws });
    const executed = await build(["build", "//..."], join(scratch, "clean.json"));
    expect(executed["DatabazelTrain"] ?? 0).toBe(0);
    expect(executed["DatabazelEval"] ?? 0).toBe(0);
    expect(models(join(ws, "bazel-bin"))).toEqual(before);
  });

  it("leaves git's view of e2e/sklearn_digits as it was: git ignores what the builds wrote", async () => {
    expect(await gitStatus(ws)).toBe(statusBefore);
  });
});
