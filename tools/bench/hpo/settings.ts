// What `npm run bench:hpo` runs: tasks, seeds, budgets and methods, from flags or BENCH_HPO_*
// variables (a flag wins), with small defaults. The studies run the largest budget; the smaller
// ones are read off their first trials.
import { ALL_METHODS } from "./methods.ts";
import { findTask, TABULAR_TASKS, type TabularTask } from "./tasks.ts";

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

export const USAGE = `usage: npm run bench:hpo [-- --tasks T,... --seeds S,... --budgets N,... --methods M,... --out DIR]
  --tasks    (BENCH_HPO_TASKS)    tasks by id, key or dataset, or "all": ${TABULAR_TASKS.map((t) => t.id).join(", ")}; default protein_structure
  --seeds    (BENCH_HPO_SEEDS)    seeds, e.g. 1,2,3 or 1-10; default 1
  --budgets  (BENCH_HPO_BUDGETS)  trial counts at which regret is reported, e.g. 100,200; the studies run the largest,
                                  a multiple of 4 and at least 8 (TPE's batches of 4, at least two); default 8
  --methods  (BENCH_HPO_METHODS)  ${ALL_METHODS.join(", ")}; default all
  --out      (BENCH_HPO_OUT)      directory for results.json, wall-times.json and index.html; default bench-results/hpo
  --resume   (BENCH_HPO_RESUME=1) continue the run of the same settings whose files are in --out: the studies it
                                  finished are kept, not run again
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

/** The settings from the command line (after `--`) and the environment. */
export function parseSettings(argv: string[], env: Record<string, string | undefined>): Settings {
  const given: Record<string, string | undefined> = {};
  for (const variable of Object.values(FLAGS)) given[variable] = env[variable];
  let resume = env["BENCH_HPO_RESUME"] === "1";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--resume") {
      resume = true;
      continue;
    }
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const variable = FLAGS[flag];
    const value = inline ?? argv[i + 1];
    if (!variable || value === undefined) fail(`"${argv[i]}" is not a flag it knows, or has no value.`, "use the flags below, each with a value.");
    given[variable] = value;
    if (inline === undefined) i++;
  }
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
    resume,
  };
}

/** The command that runs these settings again. */
export function commandOf(s: Settings): string {
  return `npm run bench:hpo -- --tasks ${s.tasks.map((t) => t.id).join(",")} --seeds ${s.seeds.join(",")} --budgets ${s.budgets.join(",")} --methods ${s.methods.join(",")}`;
}
