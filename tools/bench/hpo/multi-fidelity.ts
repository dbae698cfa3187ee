// The multi-fidelity kind of `npm run bench:hpo` (--tasks mf, mf_hartmann6, mf_branin): databazel's
// successive halving and Hyperband studies against Optuna's TPESampler with HyperbandPruner and
// DEHB (and, when asked, Ray Tune's ASHA), every study at the epochs databazel's Hyperband study
// spends (tools/bench/hpo/README.md). One workspace for every task and seed (one mf_studies call
// each); the baselines of a task run first, every method and seed in one `bazel run //:mf_baseline`
// (which also fetches the packages that databazel's timed builds then find installed), then
// ray_asha in its own venv (mf-ray.ts, outside Bazel); then databazel's studies, each a
// clean build, seed by seed over every task. Writes results.json, wall-times.json and index.html.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { removeWorkspace, round } from "../bazel.ts";
import { MF_BASELINE_METHODS, MF_DATABAZEL_METHODS, MF_RAY_METHOD, mfStudyTarget } from "./methods.ts";
import { mfHtmlReport, mfMarkdownReport } from "./mf-report.ts";
import { baselineStudies, mfResultsJson, type BaselineOutput, type MfResults, type MfStudy, type MfTaskInfo } from "./mf-results.ts";
import { rayAshaStudies } from "./mf-ray.ts";
import { installRay } from "./mf-ray-venv.ts";
import { epochsSpent, scheduleEvaluations } from "./mf-regret.ts";
import { orderedBy, type WallTime } from "./results.ts";
import { cleanStudyBuild, runBaseline } from "./run-studies.ts";
import { mfCommandOf, type MfSettings } from "./settings.ts";
import type { MfTask } from "./tasks.ts";
import { fillWorkspace } from "./workspace.ts";

/** The BUILD text of the studies: one mf_studies call per task and seed. */
export function mfStudiesBuild(tasks: MfTask[], seeds: number[]): string {
  return tasks.flatMap((task) => seeds.map((seed) => `mf_studies(\n    seed = ${seed},\n    task = "${task.name}",\n)\n`)).join("\n");
}


async function databazelStudy(dir: string, task: MfTask, method: string, seed: number): Promise<{ study: MfStudy; wall: WallTime }> {
  const { seconds, board } = await cleanStudyBuild(dir, mfStudyTarget(task.key, method, seed));
  return {
    study: { method, task: task.id, seed, configurations: board.trials.length, evaluations: scheduleEvaluations(board) },
    wall: { method, task: task.id, seed, seconds: round(seconds) },
  };
}

/** A task's baselines, every method and seed, in one process; also the task's optimum (even with no baseline method). */
async function mfBaselines(dir: string, task: MfTask, methods: string[], seeds: number[], budget: number): Promise<ReturnType<typeof baselineStudies>> {
  const out = join(dir, `${task.key}_baselines.json`);
  await runBaseline(dir, "mf_baseline", ["--task", task.name, "--methods", methods.join(","), "--epochs_budget", String(budget), "--seeds", seeds.join(","), "--out", out]);
  return baselineStudies(JSON.parse(readFileSync(out, "utf8")) as BaselineOutput, task.id);
}

/** Runs the multi-fidelity benchmark in a temporary copy of the workspace. */
export async function runMultiFidelityBench(settings: MfSettings): Promise<void> {
  // Ray Tune, in a venv of its own, installed on first use; without it the run goes on without ray_asha.
  const ray = settings.methods.includes(MF_RAY_METHOD) ? await installRay() : undefined;
  if (ray && !ray.ready) console.error(`[bench:hpo] ray_asha skipped: ${ray.reason}`);
  const s = ray && !ray.ready ? { ...settings, methods: settings.methods.filter((m) => m !== MF_RAY_METHOD) } : settings;
  const out = resolve(s.out);
  mkdirSync(out, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-hpo-mf-"));
  const ids = s.tasks.map((t) => t.id);
  const studies: MfStudy[] = [];
  const walls: WallTime[] = [];
  const taskInfo: MfTaskInfo[] = [];
  // The command is the one asked for (with ray_asha even if it was skipped): it runs the same again.
  const results: MfResults = { kind: "multi-fidelity", command: mfCommandOf(settings), tasks: ids, seeds: s.seeds, budget: s.budget, methods: s.methods, taskInfo, studies };
  const save = () => {
    writeFileSync(join(out, "results.json"), mfResultsJson({ ...results, studies: orderedBy(studies, ids, s.methods, s.seeds) }));
    writeFileSync(join(out, "wall-times.json"), JSON.stringify(orderedBy(walls, ids, s.methods, s.seeds), null, 1) + "\n");
  };
  const started = performance.now();
  try {
    fillWorkspace(dir, "mf_studies", mfStudiesBuild(s.tasks, s.seeds));
    for (const task of s.tasks) {
      const baselines = await mfBaselines(dir, task, s.methods.filter((m) => MF_BASELINE_METHODS.includes(m)), s.seeds, s.budget);
      taskInfo.push(baselines.info);
      studies.push(...baselines.studies);
      walls.push(...baselines.walls);
      console.error(`[bench:hpo] baselines on ${task.id}, seeds ${s.seeds.join(",")}: done (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
      if (ray?.ready) {
        const asha = await rayAshaStudies(dir, ray.python, task, s.seeds, s.budget);
        results.versions = { ray: asha.ray };
        studies.push(...asha.studies);
        walls.push(...asha.walls);
        console.error(`[bench:hpo] ray_asha (Ray ${asha.ray}) on ${task.id}, seeds ${s.seeds.join(",")}: done (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
      }
    }
    save();
    for (const seed of s.seeds) {
      for (const task of s.tasks) {
        for (const method of s.methods.filter((m) => MF_DATABAZEL_METHODS.includes(m))) {
          const run = await databazelStudy(dir, task, method, seed);
          // The baselines ran at the budget computed from the schedule (mf-regret.ts): it must be what the study spent.
          if (method === "databazel_hyperband" && epochsSpent(run.study.evaluations) !== s.budget) {
            throw new Error(`${mfStudyTarget(task.key, method, seed)} spent ${epochsSpent(run.study.evaluations)} epochs; the baselines ran at ${s.budget} (hyperbandEpochs of MF_SCHEDULE): make mf-regret.ts's MF_SCHEDULE studies.bzl's`);
          }
          studies.push(run.study);
          walls.push(run.wall);
          console.error(`[bench:hpo] ${method} on ${task.id}, seed ${seed}: ${run.wall.seconds.toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
          save();
        }
      }
    }
    save();
  } finally {
    await removeWorkspace(dir);
  }
  const final = { ...results, studies: orderedBy(studies, ids, s.methods, s.seeds) };
  const finalWalls = orderedBy(walls, ids, s.methods, s.seeds);
  const when = `run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${hostname()}`;
  writeFileSync(join(out, "index.html"), mfHtmlReport(final, finalWalls, when));
  console.log(`## Multi-fidelity tasks (${when}, ${((performance.now() - started) / 1000 / 60).toFixed(1)} min in all)\n`);
  console.log(mfMarkdownReport(final, finalWalls));
  console.log(`Wrote ${join(out, "results.json")}, ${join(out, "wall-times.json")} and ${join(out, "index.html")}.`);
}
