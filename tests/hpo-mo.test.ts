// The HPO benchmark's multi-objective kind (tools/bench/hpo/mo-*.ts, no Bazel): the fixed space
// of each task's hypervolume, the anytime hypervolume against areas worked out by hand and against
// a brute-force count of grid cells, hypervolume regret, mean ranks and the test against Optuna's
// best sampler, the results file, resuming a stopped run, the settings and the studies' BUILD text.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MO_DEFAULT_METHODS } from "../tools/bench/hpo/methods.ts";
import { moStudiesBuild } from "../tools/bench/hpo/mo-bench.ts";
import { frontSize, hypervolumeAfter, hypervolumeCurve, hypervolumeRegretAfter, scaler, tableHypervolume } from "../tools/bench/hpo/mo-hypervolume.ts";
import { bestOptuna, moComparisons, moHtmlReport, moMarkdownReport, moRanks } from "../tools/bench/hpo/mo-report.ts";
import { moResultsJson, parseMoResults, type MoResults, type MoStudy, type MoTaskInfo, type ObjectiveBounds } from "../tools/bench/hpo/mo-results.ts";
import { finishedPart, isFinished } from "../tools/bench/hpo/resume.ts";
import { parseBenchSettings } from "../tools/bench/hpo/settings.ts";
import { findMoTasks, MO_TASKS } from "../tools/bench/hpo/tasks.ts";

// val_acc from 100 (best) to 0, latency from 0 (best) to 4: a raw (a, l) is the scaled point
// ((100 - a) / 100, l / 4), exact in binary for the values used here.
const BOUNDS: ObjectiveBounds[] = [
  { name: "val_acc", goal: "maximize", best: 100, worst: 0 },
  { name: "latency", goal: "minimize", best: 0, worst: 4 },
];

const info = (task: string, fronts: { seed: number; points: number[][] }[]): MoTaskInfo => ({ task, objectives: BOUNDS, fronts });

function study(method: string, task: string, seed: number, values: number[][]): MoStudy {
  return { method, task, seed, trials: values.map((v, i) => ({ trial: `t${i}`, hyperparams: { b: "1", a: String(i) }, values: v, trainTime: 10 + i })) };
}

describe("the hypervolume's space, fixed by the table", () => {
  it("scales each objective from the table's best (0) to its worst (1), minimized", () => {
    const scale = scaler(BOUNDS);
    expect(scale([50, 2])).toEqual([0.5, 0.5]);
    expect(scale([100, 0])).toEqual([0, 0]);
    expect(scale([0, 4])).toEqual([1, 1]);
    expect(scale([75, 1])).toEqual([0.25, 0.25]);
  });

  it("measures val_loss by its logarithm: 1 is halfway between 1e-2 and 1e2", () => {
    const scale = scaler([
      { name: "val_loss", goal: "minimize", best: 0.01, worst: 100 },
      { name: "model_size", goal: "minimize", best: 10, worst: 20 },
    ]);
    const [loss, size] = scale([1, 15]);
    expect(loss).toBeCloseTo(0.5, 12);
    expect(scale([0.1, 10])[0]).toBeCloseTo(0.25, 12);
    expect(size).toBe(0.5);
    expect(() => scale([0, 15])).toThrow(/val_loss = 0: it is measured by its logarithm/);
  });
});

describe("anytime hypervolume", () => {
  it("grows with each trial that is not dominated, by the areas worked out by hand", () => {
    // (0.5, 0.5): 0.25; (0.25, 0.75) adds 0.25 x 0.25; (0.6, 0.6) and a failed trial add nothing;
    // (0, 0) covers the whole box.
    const curve = hypervolumeCurve(
      [
        [50, 2],
        [75, 3],
        [40, 2.4],
        [Number.NaN, 1],
        [100, 0],
      ],
      BOUNDS,
    );
    expect(curve).toEqual([0.25, 0.3125, 0.3125, 0.3125, 1]);
  });

  it("agrees with a count of the grid cells the trials dominate (random points on a 1/16 grid)", () => {
    let state = 12345;
    // A small LCG: the test's points only, not the code under test.
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 20; round++) {
      const raw = Array.from({ length: 12 }, () => [100 - Math.floor(next() * 17) * 6.25, Math.floor(next() * 17) * 0.25]);
      const curve = hypervolumeCurve(raw, BOUNDS);
      const scaled = raw.map(([a, l]) => [(100 - a!) / 100, l! / 4]);
      for (let n = 1; n <= raw.length; n++) {
        let cells = 0;
        for (let i = 0; i < 16; i++) {
          for (let j = 0; j < 16; j++) {
            // The cell [i/16, (i+1)/16] x [j/16, (j+1)/16] is dominated when some point is at or below its lower corner.
            if (scaled.slice(0, n).some(([x, y]) => x! <= i / 16 && y! <= j / 16)) cells++;
          }
        }
        expect(curve[n - 1]).toBe(cells / 256);
      }
    }
  });

  it("regret: the table's front's hypervolume minus the study's, per seed; the front's size", () => {
    const task = info("mo/t", [
      { seed: 1, points: [[100, 2], [50, 0]] },
      { seed: 2, points: [[100, 0]] },
    ]);
    // Seed 1's table: (0, 0.5) and (0.5, 0): 1 - 0.25 = 0.75.
    expect(tableHypervolume(task, 1)).toBe(0.75);
    expect(tableHypervolume(task, 2)).toBe(1);
    const s = study("m", "mo/t", 1, [[50, 2], [100, 2], [50, 2], [50, 0]]);
    expect(hypervolumeAfter(s, task, 1)).toBe(0.25);
    expect(hypervolumeRegretAfter(s, task, 1)).toBe(0.5);
    expect(hypervolumeRegretAfter(s, task, 2)).toBe(0.25);
    expect(hypervolumeRegretAfter(s, task, 4)).toBe(0);
    // A repeat counts once; (50, 2) is dominated by (100, 2) and (50, 0).
    expect(frontSize(s, task, 3)).toBe(1);
    expect(frontSize(s, task, 4)).toBe(2);
    expect(() => hypervolumeAfter(s, task, 5)).toThrow(/no hypervolume after 5 trials \(it ran 4\)/);
    expect(() => tableHypervolume(task, 3)).toThrow(/no table front for seed 3/);
  });
});

/** Two tasks, two seeds; each study one trial, so its hypervolume is that point's rectangle. */
function results(): MoResults {
  const front = [1, 2].map((seed) => ({ seed, points: [[100, 0]] }));
  const methods = ["databazel_random", "databazel_nsga2_b4", "optuna_tpe", "optuna_nsga2"];
  // Hypervolume (1 - x)(1 - y) of one trial: by method, on task a seeds 1, 2 and task b seeds 1, 2.
  const points: Record<string, number[][]> = {
    // 0.25, 0.25, 0.25, 0.25
    databazel_random: [[50, 2], [50, 2], [50, 2], [50, 2]],
    // 0.75, 0.5625, 0.5, 0.375
    databazel_nsga2_b4: [[75, 0], [75, 1], [50, 0], [75, 2]],
    // 0.5, 0.5, 0.5625, 0.5
    optuna_tpe: [[50, 0], [100, 2], [75, 1], [50, 0]],
    // 0.125, 0.5, 0.25, 0.5
    optuna_nsga2: [[25, 2], [50, 0], [50, 2], [100, 2]],
  };
  const pairs = [["mo/a", 1], ["mo/a", 2], ["mo/b", 1], ["mo/b", 2]] as const;
  return {
    kind: "multi-objective",
    command: "npm run bench:hpo -- --tasks mo/a,mo/b",
    tasks: ["mo/a", "mo/b"],
    seeds: [1, 2],
    budgets: [1],
    methods,
    taskInfo: [info("mo/a", front), info("mo/b", front)],
    studies: methods.flatMap((m) => pairs.map(([task, seed], i) => study(m, task, seed, [points[m]![i]!]))),
  };
}

describe("ranks and tests", () => {
  it("ranks by hypervolume (1 the largest) and picks Optuna's best sampler by mean rank", () => {
    const r = results();
    const ranks = moRanks(r, 1);
    // a/1: nsga2 .75, tpe .5, random .25, optuna_nsga2 .125 -> 3, 1, 2, 4
    // a/2: .5625, tpe .5 and optuna_nsga2 .5 tie, random .25 -> 4, 1, 2.5, 2.5
    // b/1: tpe .5625, nsga2 .5, random and optuna_nsga2 .25 -> 3.5, 2, 1, 3.5
    // b/2: tpe .5, optuna_nsga2 .5, nsga2 .375, random .25 -> 4, 3, 1.5, 1.5
    expect(ranks.perTask).toEqual([
      { task: "mo/a", seeds: 2, ranks: [3.5, 1, 2.25, 3.25] },
      { task: "mo/b", seeds: 2, ranks: [3.75, 2.5, 1.25, 2.5] },
    ]);
    expect(ranks.overall).toEqual([3.625, 1.75, 1.75, 2.875]);
    expect(bestOptuna(r, 1)).toBe("optuna_tpe");
  });

  it("tests each databazel method against Optuna's best, per task and over all", () => {
    const tests = moComparisons(results());
    expect(tests.map((c) => [c.databazel, c.optuna, c.task, c.better, c.worse, c.same])).toEqual([
      ["databazel_random", "optuna_tpe", "mo/a", 0, 2, 0],
      ["databazel_random", "optuna_tpe", "mo/b", 0, 2, 0],
      ["databazel_random", "optuna_tpe", "all", 0, 4, 0],
      ["databazel_nsga2_b4", "optuna_tpe", "mo/a", 2, 0, 0],
      ["databazel_nsga2_b4", "optuna_tpe", "mo/b", 0, 2, 0],
      ["databazel_nsga2_b4", "optuna_tpe", "all", 2, 2, 0],
    ]);
    // databazel_random against optuna_tpe over all: regret differences 0.25, 0.25, 0.3125, 0.25
    // (three tied |d|): the normal approximation; all four favour Optuna, so W- = 0.
    const all = tests[2]!;
    expect(all.test.wPlus).toBe(10);
    expect(all.test.statistic).toBe(0);
    expect(all.test.method).toBe("normal");
    // Per task, the median of databazel's regret minus Optuna's: on task a, random 0.25 and 0.25;
    // nsga2_b4 -0.25 and -0.0625.
    expect(tests[0]!.medianDifference).toBe(0.25);
    expect(tests[3]!.medianDifference).toBe(-0.15625);
  });

  it("writes the tables and a self-contained page", () => {
    const r = results();
    const walls = r.studies.map((s) => ({ method: s.method, task: s.task, seed: s.seed, seconds: 2 }));
    const md = moMarkdownReport(r, walls);
    // On task a: hypervolume (0.75 + 0.5625) / 2, regret (0.25 + 0.4375) / 2.
    expect(md).toContain("| databazel_nsga2_b4 | 0.656 | 0.344 | 1.0 | 2.00 |");
    expect(md).toContain("### Mean hypervolume rank after 1 trials");
    expect(md).toContain("| **all** | 4 | **3.63** | **1.75** | **1.75** | **2.88** |");
    const html = moHtmlReport(r, walls, "now");
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/i);
    expect(html.match(/<svg xmlns/g)).toHaveLength(2);
  });
});

describe("the results file", () => {
  it("is the same text for the same results, one trial per line, a failed value null and NaN again", () => {
    const r = results();
    r.studies[0]!.trials.push({ trial: "failed", hyperparams: { z: "1", a: "2" }, values: [Number.NaN, 3], trainTime: 5 });
    const text = moResultsJson(r);
    expect(moResultsJson(parseMoResults(text))).toBe(text);
    expect(text).toContain('   {"trial":"failed","hyperparams":{"a":"2","z":"1"},"values":[null,3],"trainTime":5}');
    expect(text).toContain('  {"task": "mo/a", "objectives": [{"name":"val_acc","goal":"maximize","best":100,"worst":0},{"name":"latency","goal":"minimize","best":0,"worst":4}], "fronts": [\n   {"seed":1,"points":[[100,0]]},');
    expect(parseMoResults(text).studies[0]!.trials[1]!.values[0]).toBeNaN();
    expect(JSON.parse(text).kind).toBe("multi-objective");
  });
});

describe("resuming a stopped run", () => {
  it("keeps the studies that have a wall time, and refuses a run of other settings", () => {
    const out = mkdtempSync(join(tmpdir(), "hpo-mo-resume-"));
    try {
      const r = results();
      writeFileSync(join(out, "results.json"), moResultsJson(r));
      // Only two studies were timed: a study without its wall time is not finished.
      const walls = r.studies.slice(0, 2).map((s) => ({ method: s.method, task: s.task, seed: s.seed, seconds: 1 }));
      writeFileSync(join(out, "wall-times.json"), JSON.stringify(walls));
      const finished = finishedPart(out, r.command, parseMoResults);
      expect(finished.studies.map((s) => [s.method, s.task, s.seed])).toEqual([
        ["databazel_random", "mo/a", 1],
        ["databazel_random", "mo/a", 2],
      ]);
      expect(finished.taskInfo.map((t) => t.task)).toEqual(["mo/a", "mo/b"]);
      expect(isFinished(finished, "mo/a", "databazel_random", 2)).toBe(true);
      expect(isFinished(finished, "mo/b", "databazel_random", 1)).toBe(false);
      expect(() => finishedPart(out, "npm run bench:hpo -- --tasks mo", parseMoResults)).toThrow(/is a run of other settings/);
    } finally {
      rmSync(out, { recursive: true });
    }
  });
});

describe("settings", () => {
  it("selects the ten tasks, by group, id or key", () => {
    expect(MO_TASKS.map((t) => t.id)).toEqual([
      "mo/nasbench201/cifar10/latency",
      "mo/nasbench201/cifar10/model_size",
      "mo/nasbench201/cifar100/latency",
      "mo/nasbench201/cifar100/model_size",
      "mo/nasbench201/imagenet/latency",
      "mo/nasbench201/imagenet/model_size",
      "mo/hpolib/naval_propulsion/model_size",
      "mo/hpolib/parkinsons_telemonitoring/model_size",
      "mo/hpolib/protein_structure/model_size",
      "mo/hpolib/slice_localization/model_size",
    ]);
    expect(findMoTasks("mo_hpolib")).toHaveLength(4);
    expect(findMoTasks("mo_latency")!.map((t) => t.key)).toEqual(["mo_nasbench201_cifar10_latency", "mo_nasbench201_cifar100_latency", "mo_nasbench201_imagenet_latency"]);
    expect(findMoTasks("mo_nasbench201_cifar10_model_size")![0]!.objectives).toEqual([
      { name: "val_acc", goal: "maximize" },
      { name: "model_size", goal: "minimize" },
    ]);
    expect(findMoTasks("cifar10")).toBeUndefined();
  });

  it("parses a run: the default methods, budgets that fit every batch, no mixing", () => {
    const bench = parseBenchSettings(["--tasks", "mo_hpolib,mo/nasbench201/cifar10/latency", "--seeds", "1-2", "--budgets", "100,200"], {});
    expect(bench.kind).toBe("mo");
    if (bench.kind !== "mo") return;
    expect(bench.settings.tasks.map((t) => t.key)).toEqual(["mo_nasbench201_cifar10_latency", "mo_hpolib_naval_propulsion_model_size", "mo_hpolib_parkinsons_telemonitoring_model_size", "mo_hpolib_protein_structure_model_size", "mo_hpolib_slice_localization_model_size"]);
    expect(bench.settings.methods).toEqual(MO_DEFAULT_METHODS);
    expect(bench.settings.methods).not.toContain("databazel_nsga2_b1");
    expect(() => parseBenchSettings(["--tasks", "mo", "--budgets", "20"], {})).toThrow(/20, is not a whole number of databazel_nsga2_b8's batches of 8/);
    expect(() => parseBenchSettings(["--tasks", "mo", "--budgets", "20", "--methods", "databazel_tpe_b4,optuna_tpe"], {})).not.toThrow();
    expect(() => parseBenchSettings(["--tasks", "mo,cifar10"], {})).toThrow(/mixes multi-objective tasks \(mo\) with others \(cifar10\)/);
    expect(() => parseBenchSettings(["--tasks", "mo", "--methods", "optuna_random"], {})).toThrow(/method "optuna_random" is not one of the multi-objective tasks'/);
    const resumed = parseBenchSettings(["--tasks", "mo_latency", "--resume"], {});
    expect(resumed.kind === "mo" && resumed.settings.resume).toBe(true);
  });

  it("writes one mo_studies call per task and seed, with the run's databazel methods", () => {
    expect(moStudiesBuild(findMoTasks("mo_nasbench201_cifar10_latency")!, [1, 2], 16, ["databazel_random", "databazel_nsga2_b8", "optuna_tpe"])).toBe(
      'mo_studies(\n    methods = ["random", "nsga2_b8"],\n    n_trials = 16,\n    second = "latency",\n    seed = 1,\n    task = "nasbench201_cifar10",\n)\n\n' +
        'mo_studies(\n    methods = ["random", "nsga2_b8"],\n    n_trials = 16,\n    second = "latency",\n    seed = 2,\n    task = "nasbench201_cifar10",\n)\n',
    );
  });
});
