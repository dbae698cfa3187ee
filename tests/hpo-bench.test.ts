// The HPO benchmark's arithmetic (tools/bench/hpo/, no Bazel): anytime regret against trials and
// simulated time, mean ranks, the Wilcoxon signed-rank test against scipy's figures, the settings'
// messages, the results file's determinism, resuming a run, and the page's self-containment.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { comparisons } from "../tools/bench/hpo/comparisons.ts";
import { medianTrainTime, methodCosts } from "../tools/bench/hpo/costs.ts";
import { median } from "../tools/bench/hpo/median.ts";
import { timeBand, trialBand } from "../tools/bench/hpo/curves.ts";
import { chart } from "../tools/bench/hpo/html.ts";
import { meanRanks } from "../tools/bench/hpo/ranks.ts";
import { cumulativeTime, incumbents, regretAfter, regretAtTime, regretCurve } from "../tools/bench/hpo/regret.ts";
import { htmlReport, markdownReport } from "../tools/bench/hpo/report.ts";
import { completePart, resultsJson, type Results, type Study, type TaskInfo } from "../tools/bench/hpo/results.ts";
import { finishedPart, isFinished } from "../tools/bench/hpo/resume.ts";
import { parseSettings } from "../tools/bench/hpo/settings.ts";
import { averageRanks, wilcoxon } from "../tools/bench/hpo/wilcoxon.ts";
import { studiesBuild } from "../tools/bench/hpo/workspace.ts";

const MIN: TaskInfo = { task: "hpolib/t", metric: "val_loss", goal: "minimize", bestRecorded: 0.1 };
const MAX: TaskInfo = { task: "nasbench201/t", metric: "val_acc", goal: "maximize", bestRecorded: 90 };

function study(method: string, task: string, seed: number, values: number[], times?: number[]): Study {
  return { method, task, seed, trials: values.map((value, i) => ({ trial: `t${i}`, hyperparams: { b: "1", a: String(i) }, value, trainTime: times?.[i] ?? 10 })) };
}

describe("anytime regret", () => {
  it("follows the best value so far, in the goal's direction, past failed trials", () => {
    expect(incumbents([3, 1, Number.NaN, 2, 0.5], "minimize")).toEqual([3, 1, 1, 1, 0.5]);
    expect(incumbents([Number.NaN, 80, 70, 85], "maximize")).toEqual([Number.NaN, 80, 80, 85]);
    expect(regretCurve(study("m", MIN.task, 1, [0.5, 0.3, 0.4, 0.1]), MIN)).toEqual([0.4, 0.19999999999999998, 0.19999999999999998, 0]);
    expect(regretCurve(study("m", MAX.task, 1, [80, 89, 85]), MAX)).toEqual([10, 1, 1]);
    expect(regretAfter(study("m", MAX.task, 1, [80, 89, 85]), MAX, 1)).toBe(10);
    expect(() => regretAfter(study("m", MAX.task, 1, [80]), MAX, 2)).toThrow(/no regret after 2 trials/);
  });

  it("against cumulative simulated time: the last trial finished by then", () => {
    const s = study("m", MAX.task, 1, [80, 89, 85], [100, 50, 25]);
    const times = cumulativeTime(s);
    expect(times).toEqual([100, 150, 175]);
    const curve = regretCurve(s, MAX);
    expect(regretAtTime(curve, times, 99)).toBeNaN();
    expect(regretAtTime(curve, times, 100)).toBe(10);
    expect(regretAtTime(curve, times, 149.9)).toBe(10);
    expect(regretAtTime(curve, times, 150)).toBe(1);
    expect(regretAtTime(curve, times, 1e9)).toBe(1);
  });

  it("over seeds: the mean and the lowest and highest seed, on a time axis every seed covers", () => {
    const studies = [study("m", MAX.task, 1, [80, 89], [10, 10]), study("m", MAX.task, 2, [88, 70], [20, 30])];
    const band = trialBand(studies, MAX, "m");
    expect(band).toEqual({ method: "m", x: [1, 2], mean: [6, 1.5], lo: [2, 1], hi: [10, 2] });
    const time = timeBand(studies, MAX, "m", 3);
    expect(time.x).toEqual([20, 20, 20]);
    expect(time.mean).toEqual([1.5, 1.5, 1.5]);
  });
});

describe("mean ranks", () => {
  it("rank the methods per task and seed, ties sharing their mean rank, then average", () => {
    const studies = [
      study("a", MIN.task, 1, [0.2]),
      study("b", MIN.task, 1, [0.3]),
      study("c", MIN.task, 1, [0.2]),
      study("a", MIN.task, 2, [0.5]),
      study("b", MIN.task, 2, [0.4]),
      study("c", MIN.task, 2, [0.3]),
      study("a", MAX.task, 1, [89]),
      study("b", MAX.task, 1, [88]),
      study("c", MAX.task, 1, [87]),
      study("a", MAX.task, 2, [80]),
      study("b", MAX.task, 2, [85]),
      study("c", MAX.task, 2, [90]),
    ];
    const table = meanRanks(studies, [MIN, MAX], [1, 2], ["a", "b", "c"], 1);
    // MIN seed 1: a 1.5, b 3, c 1.5; seed 2: a 3, b 2, c 1. MAX seed 1: 1, 2, 3; seed 2: 3, 2, 1.
    expect(table.perTask).toEqual([
      { task: MIN.task, seeds: 2, ranks: [2.25, 2.5, 1.25] },
      { task: MAX.task, seeds: 2, ranks: [2, 2, 2] },
    ]);
    expect(table.overall).toEqual([2.125, 2.25, 1.625]);
    // A seed that not every method ran (a stopped run's) is not ranked.
    expect(meanRanks(studies, [MIN], [3], ["a"], 1).perTask[0]!.seeds).toBe(0);
  });

  it("averageRanks counts the tied groups", () => {
    expect(averageRanks([3, 1, 3, 2, 3])).toEqual({ ranks: [4, 1, 4, 2, 4], ties: [3] });
  });
});

// Expected figures from scipy 1.17.1 on the host's Python 3.11.7:
//   python3 -m venv /tmp/v && /tmp/v/bin/pip install scipy==1.17.1
//   /tmp/v/bin/python -c 'from scipy.stats import wilcoxon; r = wilcoxon(X, Y, method=M, correction=False); print(r.statistic, r.pvalue)'
// with each case's X, Y and M below.
describe("wilcoxon", () => {
  it("is exact with no ties (scipy method='exact')", () => {
    const r = wilcoxon([0.5, 1.2, -0.3, 2.1, 0.8, -1.5, 0.9, 1.7], [0, 0, 0, 0, 0, 0, 0, 0]);
    expect(r).toMatchObject({ n: 8, statistic: 7, method: "exact" });
    expect(r.p).toBeCloseTo(0.1484375, 12);
    const three = wilcoxon([0.1, 0.2, 0.3], [0.4, 0.0, 0.9]);
    expect(three).toMatchObject({ n: 3, statistic: 1, method: "exact" });
    expect(three.p).toBeCloseTo(0.5, 12);
  });

  it("drops zero differences, then is exact on the rest (scipy zero_method='wilcox', method='exact')", () => {
    const r = wilcoxon([1, 2, 3, 4, 5, 6, 7], [1, 2.5, 1.9, 4, 5.7, 2.2, 0.05]);
    expect(r).toMatchObject({ pairs: 7, n: 5, statistic: 3, method: "exact" });
    expect(r.p).toBeCloseTo(0.3125, 12);
  });

  it("uses the normal approximation with the tie correction when differences tie (scipy method='asymptotic')", () => {
    const r = wilcoxon([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [2, 1, 5, 2, 3, 2, 9, 1, 6, 3]);
    expect(r).toMatchObject({ n: 10, statistic: 10.5, method: "normal" });
    expect(r.p / 0.08073058488307219).toBeCloseTo(1, 6);
  });

  it("uses the normal approximation above 50 pairs (scipy method='asymptotic')", () => {
    const x = Array.from({ length: 60 }, (_, i) => ((i * 37) % 101) / 10 - 4.9 + 0.3);
    const r = wilcoxon(x, new Array<number>(60).fill(0));
    expect(r).toMatchObject({ n: 60, statistic: 803.5, method: "normal" });
    expect(r.p / 0.4117479417160038).toBeCloseTo(1, 6);
  });

  it("gives p = 1 when every pair is equal, and refuses unpaired samples", () => {
    expect(wilcoxon([1, 2], [1, 2])).toMatchObject({ n: 0, p: 1, method: "none" });
    expect(() => wilcoxon([1, 2], [1])).toThrow(/must be paired/);
  });

  it("compares each databazel method with its Optuna counterpart, per task and over all", () => {
    const studies = [1, 2, 3].flatMap((seed) => [
      study("databazel_random", MIN.task, seed, [0.2 + seed / 100]),
      study("optuna_random", MIN.task, seed, [0.3 + seed / 50]),
      study("databazel_random", MAX.task, seed, [80 + seed]),
      study("optuna_random", MAX.task, seed, [80 + seed]),
    ]);
    const rows = comparisons(studies, [MIN, MAX], [1, 2, 3], ["databazel_random", "optuna_random"], 1);
    expect(rows.map((r) => [r.task, r.better, r.worse, r.same, r.test.method, r.test.p])).toEqual([
      [MIN.task, 3, 0, 0, "exact", 0.25],
      [MAX.task, 0, 0, 3, "none", 1],
      ["all", 3, 0, 3, "exact", 0.25],
    ]);
  });
});

describe("settings", () => {
  it("come from flags over BENCH_HPO_* variables, with small defaults", () => {
    const s = parseSettings([], {});
    expect(s.tasks.map((t) => t.id)).toEqual(["hpolib/protein_structure"]);
    expect([s.seeds, s.budgets, s.methods.length, s.out]).toEqual([[1], [8], 5, "bench-results/hpo"]);
    const t = parseSettings(["--tasks", "cifar10,hpolib_naval_propulsion", "--budgets=200,100"], { BENCH_HPO_SEEDS: "1-3,7", BENCH_HPO_TASKS: "all" });
    expect(t.tasks.map((x) => x.key)).toEqual(["nasbench201_cifar10", "hpolib_naval_propulsion"]);
    expect([t.seeds, t.budgets]).toEqual([
      [1, 2, 3, 7],
      [100, 200],
    ]);
    expect(parseSettings([], { BENCH_HPO_TASKS: "all" }).tasks).toHaveLength(7);
  });

  it("say what is wrong and how to fix it", () => {
    expect(() => parseSettings(["--tasks", "mnist"], {})).toThrow(/bench:hpo: task "mnist" is not one of the benchmark's\.\nFix: name one of hpolib\/naval_propulsion/);
    expect(() => parseSettings(["--budgets", "10"], {})).toThrow(/the largest budget, 10, is not a multiple of 4 of at least 8[^]*\nFix: make the largest budget e\.g\. 100/);
    expect(() => parseSettings(["--seeds", "x"], {})).toThrow(/BENCH_HPO_SEEDS = "x": "x" is not an integer[^]*\nFix: give e\.g\./);
    expect(() => parseSettings(["--methods", "optuna_cmaes"], {})).toThrow(/method "optuna_cmaes" is not one of the benchmark's/);
    expect(() => parseSettings(["--trials", "8"], {})).toThrow(/"--trials" is not a flag it knows/);
  });
});

describe("--resume", () => {
  it("is a flag without a value, or BENCH_HPO_RESUME=1; off by default", () => {
    expect(parseSettings([], {}).resume).toBe(false);
    expect(parseSettings(["--resume", "--seeds", "2"], {})).toMatchObject({ resume: true, seeds: [2] });
    expect(parseSettings([], { BENCH_HPO_RESUME: "1" }).resume).toBe(true);
  });

  it("keeps the studies of the run in --out that have a wall time, and refuses a run of other settings", () => {
    const out = mkdtempSync(join(tmpdir(), "databazel-hpo-resume-"));
    try {
      expect(finishedPart(out, "npm run bench:hpo -- a")).toEqual({ studies: [], walls: [], taskInfo: [] });
      const done = study("databazel_random", MIN.task, 1, [0.5]);
      const cut = study("databazel_tpe_b1", MIN.task, 1, [0.5]);
      const results: Results = { command: "npm run bench:hpo -- a", tasks: [MIN.task], seeds: [1], budgets: [8], methods: ["databazel_random", "databazel_tpe_b1"], taskInfo: [MIN], studies: [done, cut] };
      writeFileSync(join(out, "results.json"), resultsJson(results));
      writeFileSync(join(out, "wall-times.json"), JSON.stringify([{ method: "databazel_random", task: MIN.task, seed: 1, seconds: 2 }]));
      const finished = finishedPart(out, "npm run bench:hpo -- a");
      expect(finished.studies).toEqual([done]);
      expect(finished.taskInfo).toEqual([MIN]);
      expect([isFinished(finished, MIN.task, "databazel_random", 1), isFinished(finished, MIN.task, "databazel_tpe_b1", 1)]).toEqual([true, false]);
      expect(() => finishedPart(out, "npm run bench:hpo -- b")).toThrow(/--resume: .*results\.json is a run of other settings:\n  npm run bench:hpo -- a\nnot\n  npm run bench:hpo -- b\nFix: resume it with its own settings/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("what the search costs", () => {
  it("median: the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("per study, per trial, and as a share of the task's median simulated training", () => {
    // MIN's trials train 10, 20, 30 and 40 s (median 25 s); MAX's 100 s each.
    const studies = [
      study("databazel_random", MIN.task, 1, [1, 1], [10, 20]),
      study("databazel_random", MIN.task, 2, [1, 1], [30, 40]),
      study("databazel_random", MAX.task, 1, [80, 80, 80, 80], [100, 100, 100, 100]),
      study("optuna_random", MIN.task, 1, [1, 1], [10, 20]),
    ];
    expect(medianTrainTime(studies)).toEqual(new Map([[MIN.task, 20], [MAX.task, 100]]));
    const walls = [
      { method: "databazel_random", task: MIN.task, seed: 1, seconds: 1 },
      { method: "databazel_random", task: MIN.task, seed: 2, seconds: 3 },
      { method: "databazel_random", task: MAX.task, seed: 1, seconds: 8 },
      { method: "optuna_random", task: MIN.task, seed: 1, seconds: 0.02 },
    ];
    const [own, optuna] = methodCosts(studies, walls, ["databazel_random", "optuna_random"]);
    // Per trial: 0.5, 1.5 and 2 s; as shares of 20, 20 and 100 s: 2.5 %, 7.5 % and 2 %.
    expect(own).toEqual({ method: "databazel_random", studies: 3, wallPerStudy: 3, wallPerTrial: 1.5, shareOfTraining: 0.025 });
    expect(optuna).toMatchObject({ studies: 1, wallPerStudy: 0.02, wallPerTrial: 0.01 });
    expect(optuna!.shareOfTraining).toBeCloseTo(0.0005);
  });
});

describe("the run's outputs", () => {
  const results: Results = {
    command: "npm run bench:hpo -- ...",
    tasks: [MIN.task],
    seeds: [1, 2],
    budgets: [1, 2],
    methods: ["databazel_random", "optuna_random"],
    taskInfo: [MIN],
    studies: [1, 2].flatMap((seed) => [study("databazel_random", MIN.task, seed, [0.5, 0.2 - seed / 20]), study("optuna_random", MIN.task, seed, [0.4, 0.1])]),
  };
  const walls = results.studies.map((s) => ({ method: s.method, task: s.task, seed: s.seed, seconds: 1.5 }));

  it("results.json: valid JSON, keys in a fixed order whatever the input's", () => {
    const text = resultsJson(results);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(results, (k, v) => (k === "hyperparams" ? { a: v.a, b: v.b } : v))));
    expect(text).toContain('{"trial":"t0","hyperparams":{"a":"0","b":"1"},"value":0.5,"trainTime":10}');
    expect(resultsJson(JSON.parse(text) as Results)).toBe(text);
  });

  it("a stopped run's tables: the (task, seed) pairs every method finished", () => {
    const two = { ...results, tasks: [MIN.task, MAX.task], taskInfo: [MIN, MAX], studies: [...results.studies, study("databazel_random", MAX.task, 1, [80]), study("optuna_random", MAX.task, 1, [80]), study("databazel_random", MAX.task, 2, [80])] };
    expect(completePart(results)).toEqual(results);
    // MAX lacks optuna_random on seed 2: MIN's two seeds and MAX's seed 1.
    const part = completePart(two);
    expect(part).toMatchObject({ tasks: [MIN.task, MAX.task], seeds: [1, 2] });
    expect(part.studies.map((s) => `${s.task} ${s.method} ${s.seed}`)).toEqual([...results.studies.map((s) => `${s.task} ${s.method} ${s.seed}`), `${MAX.task} databazel_random 1`, `${MAX.task} optuna_random 1`]);
    // The ranks and tests use each task's finished seeds.
    const ranks = meanRanks(part.studies, part.taskInfo, part.seeds, part.methods, 1);
    expect(ranks.perTask.map((t) => t.seeds)).toEqual([2, 1]);
    expect(comparisons(part.studies, part.taskInfo, part.seeds, part.methods, 1).map((c) => [c.task, c.better + c.worse + c.same])).toEqual([
      [MIN.task, 2],
      [MAX.task, 1],
      ["all", 3],
    ]);
    // A task with no seed that every method finished is left out.
    const three = { ...two, seeds: [1, 2, 3], studies: two.studies.filter((s) => !(s.task === MAX.task && s.method === "optuna_random")) };
    expect(completePart(three)).toMatchObject({ tasks: [MIN.task], seeds: [1, 2] });
  });

  it("the page: inline SVG, no script, nothing fetched; the tables in Markdown", () => {
    const html = htmlReport(results, walls, "2026-12-07 16:00 UTC");
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(html.match(/https?:\/\/[^"]*/g)).toEqual(expect.arrayContaining(["http://www.w3.org/2000/svg"]));
    expect(new Set(html.match(/https?:\/\/[^"]*/g))).toEqual(new Set(["http://www.w3.org/2000/svg"]));
    expect(html.match(/<svg xmlns/g)).toHaveLength(2);
    const md = markdownReport(results, walls);
    expect(md).toContain("| databazel_random | 0.400 | 0.0250 | 20 | 1.50 |");
    expect(md).toContain("| 2 | databazel_random | optuna_random | hpolib/t | 2 | 0 / 1 / 1 | 0.0250 | 0 | 1.00 | exact |");
    // Each study 1.5 s for 2 trials of 10 s: 750 ms a trial, 7.5 % of its simulated training.
    expect(md).toContain("| databazel_random | 2 | 1.50 | 750.0 | 7.5 % |");
  });

  it("a chart draws a regret of 0 at its floor, labelled 0", () => {
    const svg = chart("t", "trials", [{ method: "optuna_tpe", x: [1, 2], mean: [1, 0], lo: [1, 0], hi: [1, 0] }]);
    expect(svg).toMatch(/>0<\/text>/);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("the studies' BUILD text: one tabular_studies call per task and seed", () => {
    const text = studiesBuild([{ id: "hpolib/x", key: "hpolib_x", metric: "val_loss", goal: "minimize" }], [1, 2], 100);
    expect(text).toBe('tabular_studies(\n    n_trials = 100,\n    seed = 1,\n    task = "hpolib_x",\n)\n\ntabular_studies(\n    n_trials = 100,\n    seed = 2,\n    task = "hpolib_x",\n)\n');
  });
});
