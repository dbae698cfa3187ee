// The multi-fidelity task kind of `npm run bench:hpo` (BENCH_HPO_TASK=mf_hartmann6, mf_branin or
// mf for both): databazel's successive halving and Hyperband studies against Optuna's TPESampler
// with HyperbandPruner and DEHB, at the epoch budget that databazel's Hyperband study spent
// (tools/bench/hpo/README.md). Regret is measured at the full fidelity against the known optimum.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeWorkspace, round } from "../bazel.ts";
import { cleanStudyBuild, runBaseline } from "./run-studies.ts";
import { fail, parseIntegers } from "./settings.ts";
import { copyFixture } from "./workspace.ts";
import { mfRegret, scheduleEvaluations, type MfEvaluation } from "./mf-regret.ts";

export const MF_TASKS = ["hartmann6", "branin"];
const DATABAZEL_METHODS = ["sh", "hyperband"];
const BASELINES = ["optuna_hyperband", "dehb"];

/** Whether BENCH_HPO_TASK names the multi-fidelity kind: mf (both tasks) or mf_<task>. */
export const isMultiFidelityTask = (task: string | undefined): boolean => task === "mf" || (task?.startsWith("mf_") ?? false);

/** One method's run on a task: its evaluations in the order they would run one after another. */
interface MfStudy {
  method: string;
  task: string;
  seed: number;
  configurations: number;
  evaluations: MfEvaluation[];
  wallSeconds: number;
}

/**
 * The multi-fidelity run's settings from the environment: BENCH_HPO_TASK (mf for both tasks, or
 * mf_<task>) and BENCH_HPO_SEED (one seed, default 1).
 */
export function mfSettings(env: Record<string, string | undefined>): { tasks: string[]; seed: number } {
  const task = env["BENCH_HPO_TASK"] ?? "mf";
  const name = task.slice("mf_".length);
  if (task !== "mf" && !MF_TASKS.includes(name)) {
    fail(`BENCH_HPO_TASK = "${task}" is not a multi-fidelity task.`, `give BENCH_HPO_TASK=mf (both) or one of ${MF_TASKS.map((t) => `mf_${t}`).join(", ")}.`);
  }
  const seeds = parseIntegers("BENCH_HPO_SEED", env["BENCH_HPO_SEED"] ?? "1", 0);
  if (seeds.length !== 1) fail(`BENCH_HPO_SEED = "${env["BENCH_HPO_SEED"]}" names ${seeds.length} seeds; the multi-fidelity run takes one.`, "run it once per seed, e.g. BENCH_HPO_SEED=2.");
  return { tasks: task === "mf" ? MF_TASKS : [name], seed: seeds[0]! };
}

/** Fills `dir` with the fixture, pointed at this repository, with every mf_studies call at `seed`. */
function fillMfWorkspace(dir: string, seed: number): void {
  copyFixture(dir);
  const build = join(dir, "BUILD.bazel");
  const text = readFileSync(build, "utf8");
  const calls = /^mf_studies\(\n    seed = \d+,/gm;
  if (!calls.test(text)) throw new Error(`${build}: found no mf_studies(seed = ...) call to set the seed in`);
  writeFileSync(build, text.replace(calls, `mf_studies(\n    seed = ${seed},`));
}

async function databazelStudy(dir: string, task: string, seed: number, method: string): Promise<MfStudy> {
  const { seconds, board } = await cleanStudyBuild(dir, `mf_${task}_${method}_s${seed}`);
  return { method: `databazel_${method}`, task, seed, configurations: board.trials.length, evaluations: scheduleEvaluations(board), wallSeconds: round(seconds) };
}

interface BaselineResults {
  epochs_spent: number;
  optimum: number;
  max_epochs: number;
  trials: { trial: number; epochs: number; loss: number; true_loss: number; runtime: number; hyperparams: Record<string, string> }[];
  wall_time_s: number;
}

async function baselineStudy(dir: string, task: string, seed: number, method: string, budget: number): Promise<{ study: MfStudy; optimum: number }> {
  const out = join(dir, `mf_${task}_${method}_s${seed}.json`);
  const args = ["--task", task, "--method", method, "--epochs_budget", String(budget), "--seed", String(seed), "--out", out];
  await runBaseline(dir, "mf_baseline", args);
  const results = JSON.parse(readFileSync(out, "utf8")) as BaselineResults;
  // DEHB evaluates each (configuration, fidelity) from scratch: each evaluation is a configuration.
  const configurations = new Set(results.trials.map((t) => JSON.stringify(t.hyperparams))).size;
  const evaluations = results.trials.map((t) => ({
    trial: String(t.trial),
    epochs: t.epochs,
    full: t.epochs === results.max_epochs,
    loss: t.loss,
    trueLoss: t.true_loss,
    runtime: t.runtime,
  }));
  return { study: { method, task, seed, configurations, evaluations, wallSeconds: results.wall_time_s }, optimum: results.optimum };
}

const fmt = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "–" : x.toPrecision(4));

function table(studies: MfStudy[], optimum: number, budget: number): string {
  const rows = studies.map((st) => {
    const spent = st.evaluations.reduce((sum, e) => sum + e.epochs, 0);
    const half = mfRegret(st.evaluations, optimum, Math.floor(budget / 2));
    const final = mfRegret(st.evaluations, optimum, Number.POSITIVE_INFINITY);
    const simulated = st.evaluations.reduce((sum, e) => sum + e.runtime, 0);
    const fulls = st.evaluations.filter((e) => e.full).length;
    return `| ${st.method} | ${st.configurations} | ${fulls} | ${spent} | ${fmt(half.best)} | ${fmt(final.best)} | ${fmt(final.incumbent)} | ${Math.round(simulated)} | ${st.wallSeconds.toFixed(2)} |`;
  });
  return [
    `| method | configurations | evaluations at full fidelity | epochs | regret at ${Math.floor(budget / 2)} epochs | final regret | incumbent's regret | simulated training (s) | wall time (s) |`,
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

/** Runs the multi-fidelity benchmark in a temporary copy of the workspace; prints a table per task. */
export async function runMultiFidelityBench(env: NodeJS.ProcessEnv, json?: string): Promise<void> {
  const taskSetting = env["BENCH_HPO_TASK"] ?? "mf";
  const { tasks, seed } = mfSettings(env);
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-hpo-mf-"));
  const all: { task: string; optimum: number; budget: number; studies: MfStudy[] }[] = [];
  try {
    fillMfWorkspace(dir, seed);
    for (const task of tasks) {
      const studies: MfStudy[] = [];
      for (const method of DATABAZEL_METHODS) studies.push(await databazelStudy(dir, task, seed, method));
      // The budget of every baseline: the epochs databazel's Hyperband study trained.
      const budget = studies.find((st) => st.method === "databazel_hyperband")!.evaluations.reduce((sum, e) => sum + e.epochs, 0);
      let optimum = Number.NaN;
      for (const method of BASELINES) {
        const result = await baselineStudy(dir, task, seed, method, budget);
        studies.push(result.study);
        optimum = result.optimum;
      }
      all.push({ task, optimum, budget, studies });
      console.log(`## mf/${task}, seed ${seed}, ${budget} epochs\n`);
      console.log(`\`BENCH_HPO_TASK=mf_${task} BENCH_HPO_SEED=${seed} npm run bench:hpo\`; regret at the full fidelity against the optimum ${optimum}.\n`);
      console.log(table(studies, optimum, budget) + "\n");
    }
    if (json) writeFileSync(json, JSON.stringify({ settings: { task: taskSetting, seed }, tasks: all }, null, 1) + "\n");
  } finally {
    await removeWorkspace(dir);
  }
}
