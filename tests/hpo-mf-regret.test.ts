// The multi-fidelity HPO benchmark's pure parts (tools/bench/hpo/mf-*.ts): the sequential order of a
// Hyperband leaderboard's evaluations, regret at the full fidelity within a budget, the budget, the
// settings, the results file, and the ranks, tests, tables and page.
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LeaderboardJson } from "../tools/src/formats/leaderboard.ts";
import { epochsSpent, hyperbandEpochs, MF_SCHEDULE, mfBand, mfRegret, scheduleEvaluations, type MfEvaluation } from "../tools/bench/hpo/mf-regret.ts";
import { finalRegret, mfComparisons, mfHtmlReport, mfMarkdownReport, mfRanks } from "../tools/bench/hpo/mf-report.ts";
import { baselineStudies, mfResultsJson, parseMfResults, type BaselineOutput, type MfResults, type MfStudy } from "../tools/bench/hpo/mf-results.ts";
import { installRay, parseRayLock, RAY_LOCK } from "../tools/bench/hpo/mf-ray-venv.ts";
import { mfStudiesBuild } from "../tools/bench/hpo/multi-fidelity.ts";
import { completePart } from "../tools/bench/hpo/results.ts";
import { parseBenchSettings } from "../tools/bench/hpo/settings.ts";
import { MF_TASKS } from "../tools/bench/hpo/tasks.ts";

const trial = (name: string, epochs: number, loss: number, trueLoss: number, runtime: number) => ({
  rank: 0, trial: name, hyperparams: {}, seed: 1, outcome: epochs === 9 ? "succeeded" : "pruned", error: null, value: loss,
  metrics: { loss, true_loss: trueLoss, runtime }, model: "", bracket: 0, iteration: 1, rung: 0, epochs, pareto_rank: 1, crowding: null, violation: 0,
}) as LeaderboardJson["trials"][number];
const entry = (name: string, value: number, decision: "continue" | "stop" | "final") => ({ trial: name, outcome: "succeeded", value, decision, forced: false }) as const;

// Two brackets of a 3-to-9-epoch Hyperband: bracket 1 (a, b at 3 epochs, a goes on to 9), bracket 0 (c at 9).
const board = {
  format: 4, label: "//:s", metric: "loss", goal: "minimize", best: "c",
  objectives: [{ name: "loss", goal: "minimize" }], constraints: [], select: null, front: ["c"],
  trials: [trial("a", 9, -1, -0.9, 90), trial("b", 3, 0.5, 0.4, 30), trial("c", 9, -2, -1.5, 90)],
  schedule: {
    scheduler: "hyperband", min_epochs: 3, max_epochs: 9, reduction_factor: 3, iterations: 1,
    brackets: [
      { iteration: 1, bracket: 0, rungs: [{ epochs: 9, keep: null, trials: [entry("c", -2, "final")] }] },
      { iteration: 1, bracket: 1, rungs: [{ epochs: 3, keep: 1, trials: [entry("a", 0, "continue"), entry("b", 0.5, "stop")] }, { epochs: 9, keep: null, trials: [entry("a", -1, "final")] }] },
    ],
  },
} as unknown as LeaderboardJson;

describe("scheduleEvaluations", () => {
  it("orders the most aggressive bracket first, costs each rung's new epochs, and counts a trial's runtime once", () => {
    const evaluations = scheduleEvaluations(board);
    expect(evaluations.map((e) => [e.trial, e.epochs, e.full, e.runtime])).toEqual([
      ["a", 3, false, 90], ["b", 3, false, 30], ["a", 6, true, 0], ["c", 9, true, 90],
    ]);
    expect(evaluations.reduce((sum, e) => sum + e.epochs, 0)).toBe(21);
    expect(evaluations[2]).toMatchObject({ loss: -1, trueLoss: -0.9 });
  });
});

describe("mfRegret", () => {
  const evaluations: MfEvaluation[] = [
    { trial: "a", epochs: 3, full: false, loss: -5, trueLoss: -5, runtime: 0 },
    { trial: "a", epochs: 6, full: true, loss: -1.2, trueLoss: -0.9, runtime: 0 },
    { trial: "c", epochs: 9, full: true, loss: -1.1, trueLoss: -1.5, runtime: 0 },
  ];
  it("counts only full-fidelity evaluations inside the budget", () => {
    expect(mfRegret(evaluations, -2, 8)).toEqual({ best: undefined, incumbent: undefined });
    expect(mfRegret(evaluations, -2, 9)).toEqual({ best: 1.1, incumbent: 1.1 });
    expect(mfRegret(evaluations, -2, 17)).toEqual({ best: 1.1, incumbent: 1.1 });
  });
  it("gives the best true loss, and the true loss of the one with the best noisy loss", () => {
    const final = mfRegret(evaluations, -2, Number.POSITIVE_INFINITY);
    expect(final.best).toBeCloseTo(0.5);
    expect(final.incumbent).toBeCloseTo(1.1);
  });
});

describe("the epoch budget", () => {
  it("is one Hyperband iteration's epochs with checkpoints: 621 for 9 to 81 epochs by 3", () => {
    expect(hyperbandEpochs(MF_SCHEDULE)).toBe(621);
    // Brackets 9@1 -> 3@3 -> 1@9 (21), 5@3 -> 1@9 (21), 3@9 (27).
    expect(hyperbandEpochs({ minEpochs: 1, maxEpochs: 9, reductionFactor: 3 })).toBe(69);
    expect(() => hyperbandEpochs({ minEpochs: 9, maxEpochs: 100, reductionFactor: 3 })).toThrow(/100 is not 9 times a power of 3/);
  });
});

const ev = (trial: string, epochs: number, trueLoss?: number, loss = trueLoss): MfEvaluation => ({ trial, epochs, full: trueLoss !== undefined, loss: loss ?? Number.NaN, trueLoss: trueLoss ?? Number.NaN, runtime: 10 });

describe("regret against epochs, over seeds", () => {
  it("starts when every seed has a full-fidelity evaluation and ends when the first has spent its epochs", () => {
    const seed1 = [ev("a", 2), ev("b", 3, 1), ev("c", 3, 0.5)];
    const seed2 = [ev("a", 4, 2), ev("b", 3, 0.2)];
    expect([epochsSpent(seed1), epochsSpent(seed2)]).toEqual([8, 7]);
    const band = mfBand("m", [seed1, seed2], 0);
    expect(band.x).toEqual([5, 6, 7]);
    expect(band.mean).toEqual([1.5, 1.5, 0.6]);
    expect(band.lo).toEqual([1, 1, 0.2]);
    expect(band.hi).toEqual([2, 2, 1]);
  });
});

describe("the multi-fidelity run's settings", () => {
  it("take the tabular runner's flags: mf for both tasks, by id, key or name; every study at 621 epochs", () => {
    const mf = parseBenchSettings(["--tasks", "mf", "--seeds", "1-3"], {});
    expect(mf.kind).toBe("mf");
    expect(mf.settings).toEqual({ tasks: MF_TASKS, seeds: [1, 2, 3], budget: 621, methods: ["databazel_sh", "databazel_hyperband", "optuna_hyperband", "dehb"], out: "bench-results/hpo" });
    const one = parseBenchSettings(["--tasks=mf/branin,mf_branin,branin", "--methods", "dehb,databazel_hyperband"], { BENCH_HPO_SEEDS: "4" });
    expect(one.settings).toMatchObject({ tasks: [MF_TASKS[1]], seeds: [4], methods: ["databazel_hyperband", "dehb"] });
    expect(parseBenchSettings([], { BENCH_HPO_TASKS: "mf_hartmann6" }).settings.tasks).toEqual([MF_TASKS[0]]);
    // ray_asha only when named (it installs Ray on first use, and is not deterministic), in the methods' order.
    expect(parseBenchSettings(["--tasks", "mf_branin", "--methods", "ray_asha,databazel_hyperband"], {}).settings.methods).toEqual(["databazel_hyperband", "ray_asha"]);
    expect(parseBenchSettings(["--tasks", "cifar10"], {}).kind).toBe("tabular");
    expect(parseBenchSettings([], {}).kind).toBe("tabular");
  });

  it("say what is wrong and the fix", () => {
    expect(() => parseBenchSettings(["--tasks", "mf,protein_structure"], {})).toThrow(
      /bench:hpo: --tasks mixes multi-fidelity tasks \(mf\) with others \(protein_structure\): their budgets are epochs and trials[^]*\nFix: run them apart, each with its own --out, e\.g\. `--tasks mf --out bench-results\/hpo-mf` and `--tasks protein_structure`\./,
    );
    expect(() => parseBenchSettings(["--tasks", "mf", "--budgets", "100"], {})).toThrow(/--budgets \(BENCH_HPO_BUDGETS\) = "100" counts trials[^]*621 epochs of databazel's Hyperband study\.\nFix: leave out --budgets/);
    expect(() => parseBenchSettings(["--tasks", "mf", "--methods", "optuna_tpe"], {})).toThrow(/method "optuna_tpe" is not one of the multi-fidelity tasks'\.\nFix: name some of databazel_sh, databazel_hyperband, optuna_hyperband, dehb, ray_asha\./);
    expect(() => parseBenchSettings(["--tasks", "mf", "--resume"], {})).toThrow(/bench:hpo: --resume continues a run of the tabular tasks; a multi-fidelity run starts over\.\nFix: leave out --resume \(and BENCH_HPO_RESUME\) for the multi-fidelity tasks\./);
    expect(() => parseBenchSettings([], { BENCH_HPO_TASK: "mf", BENCH_HPO_SEED: "1" })).toThrow(/bench:hpo: BENCH_HPO_TASK is no longer read[^]*\nFix: give e\.g\. `npm run bench:hpo -- --tasks mf --seeds 1-3`/);
    expect(() => parseBenchSettings([], { BENCH_HPO_SEED: "2" })).toThrow(/BENCH_HPO_SEED is no longer read/);
    expect(() => parseBenchSettings(["--json", "/tmp/x.json"], {})).toThrow(/"--json" is no longer a flag: the results go to --out DIR as results\.json\.\nFix: give --out DIR instead\./);
    expect(() => parseBenchSettings(["--tasks", "mf", "--seeds", "x"], {})).toThrow(/BENCH_HPO_SEEDS = "x": "x" is not an integer[^]*\nFix: give e\.g\./);
  });

  it("the studies' BUILD text: one mf_studies call per task and seed", () => {
    expect(mfStudiesBuild([MF_TASKS[1]!], [1, 2])).toBe('mf_studies(\n    seed = 1,\n    task = "branin",\n)\n\nmf_studies(\n    seed = 2,\n    task = "branin",\n)\n');
  });
});

describe("the multi-fidelity run's outputs", () => {
  const study = (method: string, task: string, seed: number, evaluations: MfEvaluation[]): MfStudy => ({ method, task, seed, configurations: new Set(evaluations.map((e) => e.trial)).size, evaluations });
  // On each of two tasks and two seeds: databazel's Hyperband finds 0.1 above the optimum, Optuna 0.3 and 0.05, DEHB none at the full fidelity on t/b seed 2.
  const results: MfResults = {
    kind: "multi-fidelity",
    command: "npm run bench:hpo -- --tasks mf",
    tasks: ["t/a", "t/b"],
    seeds: [1, 2],
    budget: 10,
    methods: ["databazel_hyperband", "optuna_hyperband", "dehb"],
    taskInfo: [
      { task: "t/a", optimum: -1, maxEpochs: 9 },
      { task: "t/b", optimum: 0, maxEpochs: 9 },
    ],
    studies: ["t/a", "t/b"].flatMap((task, k) =>
      [1, 2].flatMap((seed) => [
        study("databazel_hyperband", task, seed, [ev("x", 1), ev("x", 8, -k + 0.1 - 1 + k), ev("y", 1)].map((e) => (task === "t/b" && e.full ? { ...e, trueLoss: 0.1, loss: 0.1 } : e))),
        study("optuna_hyperband", task, seed, [ev("0", 9, (task === "t/a" ? -1 : 0) + (seed === 1 ? 0.3 : 0.05)), ev("1", 1)]),
        study("dehb", task, seed, task === "t/b" && seed === 2 ? [ev("0", 3), ev("1", 3), ev("2", 3)] : [ev("0", 9, (task === "t/a" ? -1 : 0) + 0.5)]),
      ]),
    ),
  };
  const walls = results.studies.map((s) => ({ method: s.method, task: s.task, seed: s.seed, seconds: 2 }));

  it("results.json: one evaluation per line, a loss not measured is null, and it reads back the same", () => {
    const text = mfResultsJson(results);
    expect(text).toContain('   {"trial":"x","epochs":1,"full":false,"loss":null,"trueLoss":null,"runtime":10},\n');
    expect(text.startsWith('{\n "kind": "multi-fidelity",')).toBe(true);
    const back = parseMfResults(text);
    expect(back.studies[0]!.evaluations[0]!.trueLoss).toBeNaN();
    expect(mfResultsJson(back)).toBe(text);
    expect(completePart(back)).toEqual(back);
    // The last study (t/b, seed 2) missing: the pairs every method finished, t/a's two seeds and t/b's first.
    const part = completePart({ ...back, studies: back.studies.slice(0, -1) });
    expect(part).toMatchObject({ tasks: ["t/a", "t/b"], seeds: [1, 2] });
    expect(part.studies.filter((s) => s.task === "t/b").map((s) => s.seed)).toEqual(part.methods.map(() => 1));
    expect(mfRanks(part).perTask.map((t) => t.seeds)).toEqual([2, 1]);
  });

  it("final regret: the best at the full fidelity, +Infinity (last) if none reached it", () => {
    expect(finalRegret(results.studies[0]!, -1)).toBeCloseTo(0.1);
    expect(finalRegret(results.studies.find((s) => s.method === "dehb" && s.task === "t/b" && s.seed === 2)!, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it("ranks by final regret, and tests databazel's Hyperband against each baseline", () => {
    const ranks = mfRanks(results);
    // t/a: seed 1 databazel 0.1, Optuna 0.3, DEHB 0.5; seed 2 Optuna 0.05 first. t/b the same, DEHB last on seed 2 (no full evaluation).
    expect(ranks.perTask[0]!.ranks).toEqual([1.5, 1.5, 3]);
    expect(ranks.overall).toEqual([1.5, 1.5, 3]);
    const tests = mfComparisons(results);
    expect(tests.map((c) => [c.optuna, c.task, c.better, c.worse, c.same])).toEqual([
      ["optuna_hyperband", "t/a", 1, 1, 0],
      ["optuna_hyperband", "t/b", 1, 1, 0],
      ["optuna_hyperband", "all", 2, 2, 0],
      ["dehb", "t/a", 2, 0, 0],
      ["dehb", "t/b", 2, 0, 0],
      ["dehb", "all", 4, 0, 0],
    ]);
    expect(tests[5]!.test).toMatchObject({ method: "normal", n: 4 });
  });

  it("the page and the tables: inline SVG, nothing fetched, no NaN; final regret per method", () => {
    const html = mfHtmlReport(results, walls, "2026-12-07 18:00 UTC");
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|NaN/i);
    expect(html.match(/<svg xmlns/g)).toHaveLength(2);
    const md = mfMarkdownReport(results, walls);
    expect(md).toContain("| task | seeds | databazel_hyperband | optuna_hyperband | dehb |\n|---|---:|---:|---:|---:|\n| t/a | 2 | 0.100 | 0.175 | 0.500 |");
    expect(md).toContain("| optuna_hyperband | 0.175 | 0.0500 – 0.300 | 0.175 | 2.0 | 1.0 | 10.0 | 20 | 2.00 |");
    expect(md).toContain("| epochs | databazel | baseline | task |");
    // A run stopped before any (task, seed) was finished by every method: nothing to rank or test.
    const none = completePart({ ...results, studies: results.studies, methods: [...results.methods, "databazel_sh"] });
    expect(none).toMatchObject({ tasks: [] });
    expect(mfMarkdownReport(none, walls)).not.toMatch(/Mean rank|NaN/);
    expect(mfHtmlReport(none, walls, "now")).toContain("No task and seed finished by every method yet.");
  });
});

describe("ray_asha: Ray Tune's ASHA in a venv of its own", () => {
  it("its lock: CPython 3.11's wheels, every pin hashed, Ray 2.60.0 and the workspace lock's mfhpo-benchmark-api", () => {
    const text = readFileSync(RAY_LOCK, "utf8");
    const { python, pins } = parseRayLock(text);
    expect(python).toBe("3.11");
    expect(pins.get("ray")).toBe("2.60.0");
    const workspacePin = /^mfhpo-benchmark-api==(\S+)/m.exec(readFileSync(join(RAY_LOCK, "..", "requirements_lock.txt"), "utf8"))?.[1];
    expect(workspacePin).toBe("2.2.2");
    expect(pins.get("mfhpo-benchmark-api")).toBe(workspacePin);
    expect(pins.size).toBe(35);
    // pip --require-hashes refuses a pin without a hash: one per pin, each 64 hex digits.
    expect(text.match(/^ {4}--hash=sha256:[0-9a-f]{64}$/gm)).toHaveLength(35);
    expect(parseRayLock("# python: 3.12\nfoo[bar]==1.0 \\\n    --hash=sha256:00\nBaz.Qux==2\n")).toEqual({ python: "3.12", pins: new Map([["foo", "1.0"], ["baz.qux", "2"]]) });
    expect(() => parseRayLock("ray==2.60.0\n")).toThrow(/no "# python: X\.Y" line/);
  });

  it("its venv: used as it is when stamped with the lock's sha256; otherwise installed, or skipped with why and the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ray-venv-test-"));
    try {
      // A Python no machine has: the install is skipped before anything is made or removed.
      const lock = join(dir, "lock.txt");
      writeFileSync(lock, "# python: 0.1\nray==2.60.0 \\\n    --hash=sha256:00\n");
      const venv = join(dir, "venv");
      const skipped = await installRay(lock, venv);
      expect(skipped.ready).toBe(false);
      expect(!skipped.ready && skipped.reason).toBe(`python0.1 is not on PATH (${lock} holds CPython 0.1 wheels).\nFix: install Python 0.1, or lock for yours as that file's header says.`);
      expect(existsSync(venv)).toBe(false);
      // A venv stamped with this lock's sha256 is used without installing: its python answers the version.
      mkdirSync(join(venv, "bin"), { recursive: true });
      writeFileSync(join(venv, "bin", "python"), "#!/bin/sh\necho 9.9.9\n");
      chmodSync(join(venv, "bin", "python"), 0o755);
      writeFileSync(join(venv, "databazel-lock.sha256"), createHash("sha256").update(readFileSync(lock)).digest("hex") + "\n");
      expect(await installRay(lock, venv)).toEqual({ ready: true, python: join(venv, "bin", "python"), ray: "9.9.9" });
      // Another lock's stamp: not ready, so it would install (here: skipped, no python0.1), and the venv is left alone.
      writeFileSync(join(venv, "databazel-lock.sha256"), "0".repeat(64) + "\n");
      expect((await installRay(lock, venv)).ready).toBe(false);
      expect(existsSync(join(venv, "bin", "python"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("its output (mf_baseline.py's JSON) becomes studies as the other baselines': a trial is one evaluation of the epochs it reached", () => {
    const output: BaselineOutput = {
      optimum: 0.5,
      max_epochs: 81,
      ray_version: "2.60.0",
      studies: [
        {
          method: "ray_asha",
          seed: 3,
          wall_time_s: 12.5,
          trials: [
            { trial: 1, epochs: 9, loss: 4, true_loss: 3.9, runtime: 100, hyperparams: { x0: "0.1", x1: "0.2" } },
            { trial: 0, epochs: 81, loss: 1, true_loss: 1.1, runtime: 3600, hyperparams: { x0: "0.3", x1: "0.4" } },
            { trial: 2, epochs: 27, loss: 2, true_loss: 2.2, runtime: 900, hyperparams: { x0: "0.1", x1: "0.2" } },
          ],
        },
      ],
    };
    const { info, studies, walls } = baselineStudies(output, "mf/branin");
    expect(info).toEqual({ task: "mf/branin", optimum: 0.5, maxEpochs: 81 });
    expect(walls).toEqual([{ method: "ray_asha", task: "mf/branin", seed: 3, seconds: 12.5 }]);
    expect(studies).toEqual([
      {
        method: "ray_asha",
        task: "mf/branin",
        seed: 3,
        // Two distinct hyperparameter sets among three trials.
        configurations: 2,
        evaluations: [
          { trial: "1", epochs: 9, full: false, loss: 4, trueLoss: 3.9, runtime: 100 },
          { trial: "0", epochs: 81, full: true, loss: 1, trueLoss: 1.1, runtime: 3600 },
          { trial: "2", epochs: 27, full: false, loss: 2, trueLoss: 2.2, runtime: 900 },
        ],
      },
    ]);
    // Regret at the full fidelity: 1.1 - 0.5, reached after 9 + 81 epochs, not before.
    expect(mfRegret(studies[0]!.evaluations, 0.5, 89)).toEqual({ best: undefined, incumbent: undefined });
    expect(mfRegret(studies[0]!.evaluations, 0.5, 90).best).toBeCloseTo(0.6, 12);
  });

  it("in the results and the report: Ray's version recorded, the method tested against databazel's Hyperband, and said not to be deterministic", () => {
    const ev81 = (trial: string, trueLoss: number): MfEvaluation => ({ trial, epochs: 81, full: true, loss: trueLoss, trueLoss, runtime: 3600 });
    const results: MfResults = {
      kind: "multi-fidelity",
      command: "npm run bench:hpo -- --tasks mf/branin --seeds 1,2 --methods databazel_hyperband,ray_asha",
      tasks: ["mf/branin"],
      seeds: [1, 2],
      budget: 81,
      methods: ["databazel_hyperband", "ray_asha"],
      versions: { ray: "2.60.0" },
      taskInfo: [{ task: "mf/branin", optimum: 0, maxEpochs: 81 }],
      studies: [
        { method: "databazel_hyperband", task: "mf/branin", seed: 1, configurations: 1, evaluations: [ev81("a", 1)] },
        { method: "databazel_hyperband", task: "mf/branin", seed: 2, configurations: 1, evaluations: [ev81("a", 2)] },
        { method: "ray_asha", task: "mf/branin", seed: 1, configurations: 1, evaluations: [ev81("0", 3)] },
        { method: "ray_asha", task: "mf/branin", seed: 2, configurations: 1, evaluations: [ev81("0", 0.5)] },
      ],
    };
    const text = mfResultsJson(results);
    expect(text).toContain(' "versions": {\n  "ray": "2.60.0"\n },\n "taskInfo"');
    expect(parseMfResults(text).versions).toEqual({ ray: "2.60.0" });
    expect(mfResultsJson({ ...results, versions: undefined })).not.toContain("versions");
    expect(mfComparisons(results).map((c) => [c.databazel, c.optuna, c.better, c.worse])).toEqual([["databazel_hyperband", "ray_asha", 1, 1]]);
    const walls = results.studies.map((s) => ({ method: s.method, task: s.task, seed: s.seed, seconds: 1 }));
    const md = mfMarkdownReport(results, walls);
    expect(md).toContain("| mf/branin | 2 | 1.50 | 1.75 |");
    expect(md).toContain("ray_asha: Ray Tune 2.60.0's ASHAScheduler");
    expect(md).toContain("it is NOT deterministic");
    expect(mfHtmlReport(results, walls, "now")).toContain("it is NOT deterministic");
    expect(mfMarkdownReport({ ...results, methods: ["databazel_hyperband"], studies: results.studies.slice(0, 2) }, walls)).not.toContain("NOT deterministic");
  });
});
