// The multi-objective kind of `npm run bench:hpo` (--tasks mo, mo_nasbench201, or task ids such as
// mo/nasbench201/cifar10/latency): databazel's random search, MO-TPE and NSGA-II against Optuna's
// TPESampler and NSGAIISampler on two objectives of the tabular tasks, at equal trial budgets and
// seeds (tools/bench/hpo/README.md). One workspace for every task and seed (one mo_studies call
// each). Per task, one `bazel run //:<table>_mo_optuna` runs every Optuna sampler and seed, and
// scans the task's table for the hypervolume's space and the fronts (it also fetches the packages
// that databazel's timed builds then find installed); then databazel's studies, each a clean
// build, seed by seed over every task. Writes results.json, wall-times.json and index.html after
// each study; stopped (a signal, stop.ts), the same command with --resume runs only the rest.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { removeWorkspace, round } from "../bazel.ts";
import { MO_DATABAZEL_METHODS, MO_OPTUNA_METHODS, moStudyTarget } from "./methods.ts";
import { moHtmlReport, moMarkdownReport } from "./mo-report.ts";
import { moResultsJson, parseMoResults, type MoResults, type MoStudy, type MoTaskInfo } from "./mo-results.ts";
import { finishedPart, isFinished } from "./resume.ts";
import { stopOnSignal } from "./stop.ts";
import { orderedBy, type Goal, type WallTime } from "./results.ts";
import { cleanStudyBuild, runBaseline } from "./run-studies.ts";
import { moCommandOf, type MoSettings } from "./settings.ts";
import type { MoTask } from "./tasks.ts";
import { fillWorkspace } from "./workspace.ts";

/** The BUILD text of the studies: one mo_studies call per task and seed, `trials` each, the run's databazel methods only. */
export function moStudiesBuild(tasks: MoTask[], seeds: number[], trials: number, methods: string[]): string {
  const names = methods.filter((m) => MO_DATABAZEL_METHODS.includes(m)).map((m) => JSON.stringify(m.replace(/^databazel_/, "")));
  return tasks
    .flatMap((task) =>
      seeds.map((seed) => `mo_studies(\n    methods = [${names.join(", ")}],\n    n_trials = ${trials},\n    second = "${task.second}",\n    seed = ${seed},\n    task = "${task.table.key}",\n)\n`),
    )
    .join("\n");
}


/** One databazel study from a clean state: its trials in proposal order (the manifest's), both objectives each. */
async function databazelStudy(dir: string, task: MoTask, method: string, seed: number): Promise<{ study: MoStudy; wall: WallTime }> {
  const name = moStudyTarget(task.key, method, seed);
  const { seconds, bin, board } = await cleanStudyBuild(dir, name, [`//:${task.table.key}_table`]);
  const manifest = JSON.parse(readFileSync(join(bin, `${name}.manifest.json`), "utf8")) as { trials: { name: string }[] };
  const byName = new Map(board.trials.map((t) => [t.trial, t]));
  const trials = manifest.trials.map(({ name: trial }) => {
    const t = byName.get(trial);
    if (!t) throw new Error(`${name}: trial ${trial} of the manifest is not in the leaderboard`);
    return { trial, hyperparams: t.hyperparams, values: task.objectives.map((o) => t.metrics[o.name] ?? Number.NaN), trainTime: t.metrics["train_time"] ?? Number.NaN };
  });
  return { study: { method, task: task.id, seed, trials }, wall: { method, task: task.id, seed, seconds: round(seconds) } };
}

interface BaselineOutput {
  objectives: { name: string; goal: Goal }[];
  bounds: { name: string; best: number; worst: number }[];
  fronts: { seed: number; points: number[][] }[];
  studies: { method: string; seed: number; trials: { trial: number; hyperparams: Record<string, string>; values: number[]; train_time: number }[]; wall_time_s: number }[];
}

/** A task's Optuna studies, every sampler and seed, in one process; and the table's bounds and fronts (even with no Optuna method). */
async function baselineStudies(dir: string, task: MoTask, methods: string[], seeds: number[], trials: number): Promise<{ info: MoTaskInfo; studies: MoStudy[]; walls: WallTime[] }> {
  const out = join(dir, `${task.key}_baselines.json`);
  const objectives = task.objectives.map((o) => `${o.name}:${o.goal}`).join(",");
  const samplers = methods.map((m) => m.replace(/^optuna_/, ""));
  await runBaseline(dir, `${task.table.key}_mo_optuna`, ["--objectives", objectives, "--samplers", samplers.join(","), "--n_trials", String(trials), "--seeds", seeds.join(","), "--out", out]);
  const results = JSON.parse(readFileSync(out, "utf8")) as BaselineOutput;
  const studies = results.studies.map((s) => ({
    method: s.method,
    task: task.id,
    seed: s.seed,
    trials: s.trials.map((t) => ({ trial: String(t.trial), hyperparams: t.hyperparams, values: t.values, trainTime: t.train_time })),
  }));
  const walls = results.studies.map((s) => ({ method: s.method, task: task.id, seed: s.seed, seconds: s.wall_time_s }));
  const info: MoTaskInfo = {
    task: task.id,
    objectives: task.objectives.map((o, k) => ({ name: o.name, goal: o.goal, best: results.bounds[k]!.best, worst: results.bounds[k]!.worst })),
    fronts: results.fronts,
  };
  return { info, studies, walls };
}

/** The tasks' information in the run's task order. */
const orderedInfo = (info: MoTaskInfo[], ids: string[]): MoTaskInfo[] => [...info].sort((a, b) => ids.indexOf(a.task) - ids.indexOf(b.task));

/** Runs the multi-objective benchmark in a temporary copy of the workspace (with --resume, only the studies `out` lacks). */
export async function runMultiObjectiveBench(s: MoSettings): Promise<void> {
  const out = resolve(s.out);
  mkdirSync(out, { recursive: true });
  const trials = s.budgets[s.budgets.length - 1]!;
  const ids = s.tasks.map((t) => t.id);
  const finished = s.resume ? finishedPart<MoStudy, MoTaskInfo>(out, moCommandOf(s), parseMoResults) : { studies: [], walls: [], taskInfo: [] };
  if (s.resume) console.error(`[bench:hpo] resuming: ${finished.studies.length} studies of ${out} are finished`);
  const done = (task: string, method: string, seed: number) => isFinished(finished, task, method, seed);
  const studies: MoStudy[] = [...finished.studies];
  const walls: WallTime[] = finished.walls.filter((w) => done(w.task, w.method, w.seed));
  const taskInfo: MoTaskInfo[] = [];
  const results: MoResults = { kind: "multi-objective", command: moCommandOf(s), tasks: ids, seeds: s.seeds, budgets: s.budgets, methods: s.methods, taskInfo, studies };
  const save = () => {
    writeFileSync(join(out, "results.json"), moResultsJson({ ...results, taskInfo: orderedInfo(taskInfo, ids), studies: orderedBy(studies, ids, s.methods, s.seeds) }));
    writeFileSync(join(out, "wall-times.json"), JSON.stringify(orderedBy(walls, ids, s.methods, s.seeds), null, 1) + "\n");
  };
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-hpo-mo-"));
  const started = performance.now();
  const elapsed = () => ((performance.now() - started) / 1000).toFixed(0);
  const signals = stopOnSignal();
  try {
    fillWorkspace(dir, "mo_studies", moStudiesBuild(s.tasks, s.seeds, trials, s.methods));
    for (const task of s.tasks) {
      const optuna = s.methods.filter((m) => MO_OPTUNA_METHODS.includes(m));
      const info = finished.taskInfo.find((t) => t.task === task.id);
      // A resumed task whose Optuna studies are all finished keeps its table scan too.
      if (info && optuna.every((m) => s.seeds.every((seed) => done(task.id, m, seed)))) {
        taskInfo.push(info);
        continue;
      }
      const baselines = await baselineStudies(dir, task, optuna, s.seeds, trials);
      taskInfo.push(baselines.info);
      for (const study of baselines.studies) if (!done(task.id, study.method, study.seed)) studies.push(study);
      for (const wall of baselines.walls) if (!done(task.id, wall.method, wall.seed)) walls.push(wall);
      console.error(`[bench:hpo] Optuna on ${task.id}, seeds ${s.seeds.join(",")}: done (${elapsed()} s in all)`);
    }
    save();
    for (const seed of s.seeds) {
      for (const task of s.tasks) {
        for (const method of s.methods.filter((m) => MO_DATABAZEL_METHODS.includes(m))) {
          if (done(task.id, method, seed)) continue;
          if (signals.stopping()) throw new Error(`stopped; ${join(out, "results.json")} holds the finished studies: the same command with --resume continues.`);
          const run = await databazelStudy(dir, task, method, seed);
          studies.push(run.study);
          walls.push(run.wall);
          console.error(`[bench:hpo] ${method} on ${task.id}, seed ${seed}: ${run.wall.seconds.toFixed(1)} s (${elapsed()} s in all)`);
          save();
        }
      }
    }
    save();
  } finally {
    await removeWorkspace(dir);
    signals.release();
  }
  const final = { ...results, taskInfo: orderedInfo(taskInfo, ids), studies: orderedBy(studies, ids, s.methods, s.seeds) };
  const finalWalls = orderedBy(walls, ids, s.methods, s.seeds);
  const when = `run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${hostname()}`;
  writeFileSync(join(out, "index.html"), moHtmlReport(final, finalWalls, when));
  console.log(`## Multi-objective tasks (${when}, ${((performance.now() - started) / 1000 / 60).toFixed(1)} min in all)\n`);
  console.log(moMarkdownReport(final, finalWalls));
  console.log(`Wrote ${join(out, "results.json")}, ${join(out, "wall-times.json")} and ${join(out, "index.html")}.`);
}
