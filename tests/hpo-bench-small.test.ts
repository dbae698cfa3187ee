// The small version of `npm run bench:hpo` (issue 27), so the benchmark cannot rot: one task, two
// seeds, 20 trials, every method, run as a user runs it (its workspace copied into the temp
// directory, its packages installed from PyPI through the lock), then the page redrawn from its
// results. Where PyPI cannot be reached, the test says so and skips. (Two runs' results.json are
// compared byte for byte by the full run, docs/performance.md: a second workspace here would cost
// its packages' installation again.)
import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Results, WallTime } from "../tools/bench/hpo/results.ts";
import { repoRoot } from "./harness/bazel.ts";
import { pypiUnreachable } from "./harness/pypi.ts";

const TASK = "hpolib/protein_structure";
const METHODS = ["databazel_random", "databazel_tpe_b1", "databazel_tpe_b4", "optuna_random", "optuna_tpe"];
const first = mkdtempSync(join(tmpdir(), "databazel-hpo-small-"));
let unavailable = "";
let printed = "";

/** `npm run bench:hpo -- ARGS`, as a user runs it; its output (the tables) when it succeeds. */
async function benchHpo(args: string[]): Promise<{ ok: boolean; output: string }> {
  const result = await execa("npm", ["run", "--silent", "bench:hpo", "--", ...args], { cwd: repoRoot, all: true, reject: false, stdin: "ignore" });
  return { ok: result.exitCode === 0, output: String(result.all) };
}

const read = (dir: string): Results => JSON.parse(readFileSync(join(dir, "results.json"), "utf8")) as Results;

beforeAll(async () => {
  const run = await benchHpo(["--tasks", TASK, "--seeds", "1,2", "--budgets", "10,20", "--out", first]);
  if (!run.ok) {
    // Only PyPI out of reach skips; any other failure is reported.
    const offline = pypiUnreachable(run.output);
    if (!offline) throw new Error(`npm run bench:hpo failed:\n${run.output}`);
    unavailable = offline;
    return;
  }
  printed = run.output;
}, 900_000);

afterAll(() => {
  rmSync(first, { recursive: true, force: true });
});

describe("npm run bench:hpo, small: one task, two seeds, 20 trials", () => {
  it("records every method's 20 trials for each seed, each a look-up no better than the best recorded", (context) => {
    if (unavailable) context.skip(`the benchmark's packages could not be installed from PyPI here: ${unavailable}`);
    const results = read(first);
    expect(results.tasks).toEqual([TASK]);
    expect(results.methods).toEqual(METHODS);
    expect(results.budgets).toEqual([10, 20]);
    const [info] = results.taskInfo;
    expect(info).toMatchObject({ task: TASK, metric: "val_loss", goal: "minimize" });
    expect(results.studies.map((s) => `${s.method} ${s.seed}`)).toEqual(METHODS.flatMap((m) => [`${m} 1`, `${m} 2`]));
    for (const study of results.studies) {
      expect(study.trials).toHaveLength(20);
      for (const t of study.trials) {
        // HPOLib's nine hyperparameters, the ordinal ones by index; a recorded run's loss and time.
        expect(Object.keys(t.hyperparams).sort()).toEqual(["activation_fn_1", "activation_fn_2", "batch_size_index", "dropout_1_index", "dropout_2_index", "init_lr_index", "lr_schedule", "n_units_1_index", "n_units_2_index"]);
        expect(t.value).toBeGreaterThanOrEqual(info!.bestRecorded);
        expect(t.value).toBeLessThan(10);
        expect(t.trainTime).toBeGreaterThan(0);
      }
      // Twenty draws from 62,208 configurations: a method that proposed one configuration over
      // and over would not find anything.
      expect(new Set(study.trials.map((t) => JSON.stringify(t.hyperparams))).size).toBeGreaterThan(10);
    }
    const walls = JSON.parse(readFileSync(join(first, "wall-times.json"), "utf8")) as WallTime[];
    expect(walls.map((w) => `${w.method} ${w.seed}`).sort()).toEqual(results.studies.map((s) => `${s.method} ${s.seed}`).sort());
    for (const w of walls) expect(w.seconds).toBeGreaterThan(0);
  });

  it("prints the regret, mean-rank and Wilcoxon tables, and writes them into a self-contained page", (context) => {
    if (unavailable) context.skip(`the benchmark's packages could not be installed from PyPI here: ${unavailable}`);
    expect(printed).toContain(`### ${TASK} (val_loss, minimize`);
    expect(printed).toContain("### Mean rank after 20 trials");
    expect(printed).toContain("### Mean rank after 10 trials");
    expect(printed).toMatch(/\| 20 \| databazel_tpe_b1 \| optuna_tpe \| hpolib\/protein_structure \| 2 \|/);
    const page = readFileSync(join(first, "index.html"), "utf8");
    // Regret against trials and against simulated time: two charts for the task.
    expect(page.match(/<svg/g)?.length).toBeGreaterThanOrEqual(2);
    expect(page).toContain("Wilcoxon");
    expect(page).not.toMatch(/<script|<link|src="http/);
  });

  it("redraws the tables and the page from results.json without running (--from)", async (context) => {
    if (unavailable) context.skip(`the benchmark's packages could not be installed from PyPI here: ${unavailable}`);
    const run = await benchHpo(["--from", join(first, "results.json")]);
    expect(run.ok, run.output).toBe(true);
    expect(run.output).toContain("### Mean rank after 20 trials");
    expect(readFileSync(join(first, "index.html"), "utf8")).toContain(`page redrawn from ${join(first, "results.json")}`);
  });
});
