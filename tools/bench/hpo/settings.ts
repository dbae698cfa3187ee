// What `npm run bench:hpo` runs: tasks, seeds, budgets and methods, from flags or BENCH_HPO_*
// variables (a flag wins), with small defaults. The studies run the largest budget; the smaller
// ones are read off their first trials.
import { ALL_METHODS, MF_DEFAULT_METHODS, MF_METHODS, MO_DATABAZEL_BATCHES, MO_DEFAULT_METHODS, MO_METHODS } from "./methods.ts";
import { hyperbandEpochs, MF_SCHEDULE } from "./mf-regret.ts";
import { findMfTasks, findMoTasks, findTask, MF_TASKS, MO_TASKS, TABULAR_TASKS, type MfTask, type MoTask, type TabularTask } from "./tasks.ts";

export interface Settings {
  tasks: TabularTask[];
  seeds: number[];
  /** Ascending; the studies run the last. */
  budgets: number[];
  methods: string[];
  /** Where the results, wall times and page are written. */
  out: string;
  /** Continue the run whose results are in `out`: skip the studies it finished (resume.ts). */
  resume: boolean;
}

/** A multi-fidelity run's settings: its budget is the epochs databazel's Hyperband study spends. */
export interface MfSettings {
  tasks: MfTask[];
  seeds: number[];
  /** Epochs every study spends (databazel's successive halving spends its own, fewer). */
  budget: number;
  methods: string[];
  out: string;
}

/** A multi-objective run's settings: two objectives per task, hypervolume at each budget (trials). */
export interface MoSettings {
  tasks: MoTask[];
  seeds: number[];
  /** Ascending; the studies run the last. */
  budgets: number[];
  methods: string[];
  out: string;
  /** Continue the multi-objective run whose results are in `out` (mo-bench.ts). */
  resume: boolean;
}

export const USAGE = `usage: npm run bench:hpo [-- --tasks T,... --seeds S,... --budgets N,... --methods M,... --out DIR]
  --tasks    (BENCH_HPO_TASKS)    tasks by id, key or dataset, or "all": ${TABULAR_TASKS.map((t) => t.id).join(", ")}; default protein_structure;
                                  or the multi-fidelity tasks ${MF_TASKS.map((t) => t.id).join(", ")} ("mf" for both), not mixed with tabular ones;
                                  or the multi-objective tasks ("mo" for all ${MO_TASKS.length}, "mo_nasbench201", "mo_hpolib", "mo_latency",
                                  "mo_model_size", or ids such as ${MO_TASKS[0]!.id}), not mixed with others
  --seeds    (BENCH_HPO_SEEDS)    seeds, e.g. 1,2,3 or 1-10; default 1
  --budgets  (BENCH_HPO_BUDGETS)  trial counts at which regret is reported, e.g. 100,200; the studies run the largest,
                                  a multiple of 4 and at least 8 (TPE's batches of 4, at least two); default 8
                                  (not with multi-fidelity tasks: every study spends the epochs of databazel's Hyperband study)
  --methods  (BENCH_HPO_METHODS)  ${ALL_METHODS.join(", ")}; default all
                                  (multi-fidelity: ${MF_METHODS.join(", ")}; default all but ray_asha)
                                  (multi-objective: ${MO_METHODS.join(", ")}; default all but databazel_nsga2_b1)
  --out      (BENCH_HPO_OUT)      directory for results.json, wall-times.json and index.html; default bench-results/hpo
  --resume   (BENCH_HPO_RESUME=1) continue the run of the same settings whose files are in --out: the studies it
                                  finished are kept, not run again (tabular and multi-objective tasks)
or: npm run bench:hpo -- --from DIR/results.json   (the tables and DIR/index.html again, from a run's files)`;

const FLAGS: Record<string, string> = {
  "--tasks": "BENCH_HPO_TASKS",
  "--seeds": "BENCH_HPO_SEEDS",
  "--budgets": "BENCH_HPO_BUDGETS",
  "--methods": "BENCH_HPO_METHODS",
  "--out": "BENCH_HPO_OUT",
};

const list = (text: string): string[] => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** Throws bench:hpo's message for a wrong setting: what is wrong, the fix, and the usage. */
export function fail(what: string, fix: string): never {
  throw new Error(`bench:hpo: ${what}\nFix: ${fix}\n${USAGE}`);
}

/** "1,3" or "1-3" or "1-3,7": the integers, ascending, each once. */
export function parseIntegers(name: string, text: string, min: number): number[] {
  const out = new Set<number>();
  for (const part of list(text)) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    const [lo, hi] = range ? [Number(range[1]), Number(range[2])] : [Number(part), Number(part)];
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < min || hi < lo) fail(`${name} = "${text}": "${part}" is not an integer of at least ${min} or a range lo-hi.`, `give e.g. ${name}=1,2,3 or ${name}=1-3.`);
    for (let v = lo; v <= hi; v++) out.add(v);
  }
  if (out.size === 0) fail(`${name} is empty.`, `give at least one value, e.g. ${name}=1.`);
  return [...out].sort((a, b) => a - b);
}

/** The BENCH_HPO_* values from the variables, and the flags over them. */
function givenValues(argv: string[], env: Record<string, string | undefined>): Record<string, string | undefined> {
  const given: Record<string, string | undefined> = {};
  for (const variable of Object.values(FLAGS)) given[variable] = env[variable];
  given["BENCH_HPO_RESUME"] = env["BENCH_HPO_RESUME"];
  for (let i = 0; i < argv.length; i++) {
    // The one flag without a value.
    if (argv[i] === "--resume") {
      given["BENCH_HPO_RESUME"] = "1";
      continue;
    }
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const variable = FLAGS[flag];
    const value = inline ?? argv[i + 1];
    if (!variable || value === undefined) fail(`"${argv[i]}" is not a flag it knows, or has no value.`, "use the flags below, each with a value.");
    given[variable] = value;
    if (inline === undefined) i++;
  }
  return given;
}

/** The settings of a run of the tabular tasks from the command line (after `--`) and the environment. */
export function parseSettings(argv: string[], env: Record<string, string | undefined>): Settings {
  const given = givenValues(argv, env);
  const taskText = given["BENCH_HPO_TASKS"] ?? "protein_structure";
  const tasks =
    taskText === "all"
      ? TABULAR_TASKS
      : list(taskText).map((name) => findTask(name) ?? fail(`task "${name}" is not one of the benchmark's.`, `name one of ${TABULAR_TASKS.map((t) => t.id).join(", ")}, or "all".`));
  const seeds = parseIntegers("BENCH_HPO_SEEDS", given["BENCH_HPO_SEEDS"] ?? "1", 0);
  const budgets = parseIntegers("BENCH_HPO_BUDGETS", given["BENCH_HPO_BUDGETS"] ?? "8", 1);
  const largest = budgets[budgets.length - 1]!;
  if (largest < 8 || largest % 4 !== 0) fail(`the largest budget, ${largest}, is not a multiple of 4 of at least 8: TPE with batch_size 4 runs at least two whole batches.`, "make the largest budget e.g. 100 or 200.");
  const methods = list(given["BENCH_HPO_METHODS"] ?? ALL_METHODS.join(","));
  for (const m of methods) if (!ALL_METHODS.includes(m)) fail(`method "${m}" is not one of the benchmark's.`, `name some of ${ALL_METHODS.join(", ")}.`);
  return {
    tasks: [...new Set(tasks)],
    seeds,
    budgets,
    methods: ALL_METHODS.filter((m) => methods.includes(m)),
    out: given["BENCH_HPO_OUT"] ?? "bench-results/hpo",
    resume: given["BENCH_HPO_RESUME"] === "1",
  };
}

/** The command that runs these settings again. */
export function commandOf(s: Settings): string {
  return `npm run bench:hpo -- --tasks ${s.tasks.map((t) => t.id).join(",")} --seeds ${s.seeds.join(",")} --budgets ${s.budgets.join(",")} --methods ${s.methods.join(",")}`;
}

/** The multi-fidelity settings, from values whose tasks are all multi-fidelity ones. */
function mfSettings(given: Record<string, string | undefined>): MfSettings {
  if (given["BENCH_HPO_RESUME"] === "1") fail("--resume continues a run of the tabular tasks; a multi-fidelity run starts over.", "leave out --resume (and BENCH_HPO_RESUME) for the multi-fidelity tasks.");
  const tasks = list(given["BENCH_HPO_TASKS"]!).flatMap((name) => findMfTasks(name)!);
  if (given["BENCH_HPO_BUDGETS"] !== undefined) {
    fail(
      `--budgets (BENCH_HPO_BUDGETS) = "${given["BENCH_HPO_BUDGETS"]}" counts trials, which the multi-fidelity tasks do not: every study spends the ${hyperbandEpochs(MF_SCHEDULE)} epochs of databazel's Hyperband study.`,
      "leave out --budgets and BENCH_HPO_BUDGETS with the multi-fidelity tasks.",
    );
  }
  const methods = list(given["BENCH_HPO_METHODS"] ?? MF_DEFAULT_METHODS.join(","));
  for (const m of methods) if (!MF_METHODS.includes(m)) fail(`method "${m}" is not one of the multi-fidelity tasks'.`, `name some of ${MF_METHODS.join(", ")}.`);
  return {
    tasks: MF_TASKS.filter((t) => tasks.includes(t)),
    seeds: parseIntegers("BENCH_HPO_SEEDS", given["BENCH_HPO_SEEDS"] ?? "1", 0),
    budget: hyperbandEpochs(MF_SCHEDULE),
    methods: MF_METHODS.filter((m) => methods.includes(m)),
    out: given["BENCH_HPO_OUT"] ?? "bench-results/hpo",
  };
}

/**
 * What `npm run bench:hpo` runs: the tabular tasks or the multi-fidelity ones, never both (their
 * budgets are trials and epochs, their results differ). The forms of the first multi-fidelity
 * runner (BENCH_HPO_TASK, BENCH_HPO_SEED, `-- --json PATH`) are refused with the new ones.
 */
export function parseBenchSettings(
  argv: string[],
  env: Record<string, string | undefined>,
): { kind: "tabular"; settings: Settings } | { kind: "mf"; settings: MfSettings } | { kind: "mo"; settings: MoSettings } {
  for (const old of ["BENCH_HPO_TASK", "BENCH_HPO_SEED"]) {
    if (env[old] !== undefined) {
      fail(`${old} is no longer read: the multi-fidelity tasks take the same flags as the tabular ones.`, "give e.g. `npm run bench:hpo -- --tasks mf --seeds 1-3` (or BENCH_HPO_TASKS=mf BENCH_HPO_SEEDS=1-3), and unset " + old + ".");
    }
  }
  if (argv.includes("--json")) fail(`"--json" is no longer a flag: the results go to --out DIR as results.json.`, "give --out DIR instead.");
  const given = givenValues(argv, env);
  const names = list(given["BENCH_HPO_TASKS"] ?? "");
  const mo = names.filter((name) => findMoTasks(name));
  if (mo.length > 0) {
    if (mo.length < names.length) {
      const others = names.filter((name) => !findMoTasks(name));
      fail(
        `--tasks mixes multi-objective tasks (${mo.join(", ")}) with others (${others.join(", ")}): their measure is a hypervolume, not a regret, and their results files differ.`,
        "run them apart, each with its own --out, e.g. `--tasks mo --out bench-results/hpo-mo` and `--tasks " + others.join(",") + "`.",
      );
    }
    return { kind: "mo", settings: moSettings(given) };
  }
  const mf = names.filter((name) => findMfTasks(name));
  if (mf.length === 0) return { kind: "tabular", settings: parseSettings(argv, env) };
  if (mf.length < names.length) {
    const tabular = names.filter((name) => !findMfTasks(name));
    fail(
      `--tasks mixes multi-fidelity tasks (${mf.join(", ")}) with others (${tabular.join(", ")}): their budgets are epochs and trials, and their results files differ.`,
      "run them apart, each with its own --out, e.g. `--tasks mf --out bench-results/hpo-mf` and `--tasks " + tabular.join(",") + "`.",
    );
  }
  return { kind: "mf", settings: mfSettings(given) };
}

/** The command that runs these multi-fidelity settings again. */
export function mfCommandOf(s: MfSettings): string {
  return `npm run bench:hpo -- --tasks ${s.tasks.map((t) => t.id).join(",")} --seeds ${s.seeds.join(",")} --methods ${s.methods.join(",")}`;
}

/**
 * The multi-objective settings, from values whose tasks are all multi-objective ones. The largest
 * budget is what every study runs: a whole number of batches of each databazel method, two at least.
 */
export function moSettings(given: Record<string, string | undefined>): MoSettings {
  const tasks = new Set(list(given["BENCH_HPO_TASKS"]!).flatMap((name) => findMoTasks(name)!));
  const methods = list(given["BENCH_HPO_METHODS"] ?? MO_DEFAULT_METHODS.join(","));
  for (const m of methods) if (!MO_METHODS.includes(m)) fail(`method "${m}" is not one of the multi-objective tasks'.`, `name some of ${MO_METHODS.join(", ")}.`);
  const budgets = parseIntegers("BENCH_HPO_BUDGETS", given["BENCH_HPO_BUDGETS"] ?? "16", 1);
  const largest = budgets[budgets.length - 1]!;
  for (const m of methods) {
    const batch = MO_DATABAZEL_BATCHES[m];
    if (batch && (largest % batch !== 0 || largest < 2 * batch)) {
      fail(`the largest budget, ${largest}, is not a whole number of ${m}'s batches of ${batch}, two at least.`, `make the largest budget a multiple of ${batch} of at least ${2 * batch} (e.g. 200), or leave ${m} out of --methods.`);
    }
  }
  return {
    tasks: MO_TASKS.filter((t) => tasks.has(t)),
    seeds: parseIntegers("BENCH_HPO_SEEDS", given["BENCH_HPO_SEEDS"] ?? "1", 0),
    budgets,
    methods: MO_METHODS.filter((m) => methods.includes(m)),
    out: given["BENCH_HPO_OUT"] ?? "bench-results/hpo",
    resume: given["BENCH_HPO_RESUME"] === "1",
  };
}

/** The command that runs these multi-objective settings again. */
export function moCommandOf(s: MoSettings): string {
  return `npm run bench:hpo -- --tasks ${s.tasks.map((t) => t.id).join(",")} --seeds ${s.seeds.join(",")} --budgets ${s.budgets.join(",")} --methods ${s.methods.join(",")}`;
}
