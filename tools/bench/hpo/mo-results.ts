// What `npm run bench:hpo -- --tasks mo` records: every trial of every study in proposal order with
// its two objective values, and per task what the hypervolumes are measured against, taken from
// the task's whole table (so no method influences it): each objective's best and worst recorded
// value and, per seed, the table's own Pareto front. A results kind of its own ("kind":
// "multi-objective"); wall times go to wall-times.json as the other kinds' do, so that results.json
// of two runs is byte-identical.
import type { Goal } from "./results.ts";

/** One trial: its hyperparameters, its objectives' values (in the task's order) and simulated training time (s). */
export interface MoTrial {
  trial: string;
  hyperparams: Record<string, string>;
  /** NaN for an objective the trial did not record (it failed). */
  values: number[];
  trainTime: number;
}

export interface MoStudy {
  method: string;
  /** The task's id, `mo/<benchmark>/<dataset>/<second>`. */
  task: string;
  seed: number;
  trials: MoTrial[];
}

/** An objective's best and worst value over every recorded run of every configuration of the table. */
export interface ObjectiveBounds {
  name: string;
  goal: Goal;
  best: number;
  worst: number;
}

export interface MoTaskInfo {
  task: string;
  /** Both objectives, in the order of each trial's values. */
  objectives: ObjectiveBounds[];
  /** Per seed, the table's Pareto front (each configuration with the run a trial of that seed sees): raw values. */
  fronts: { seed: number; points: number[][] }[];
}

export interface MoResults {
  kind: "multi-objective";
  command: string;
  tasks: string[];
  seeds: number[];
  /** Ascending trial counts at which hypervolume is reported; the studies ran the last. */
  budgets: number[];
  methods: string[];
  taskInfo: MoTaskInfo[];
  studies: MoStudy[];
}

/** Whether a results file is the multi-objective kind. */
export const isMoResults = (results: object): results is MoResults => (results as { kind?: string }).kind === "multi-objective";

const sortedRecord = (record: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The JSON text of the results: a fixed key order, one trial per line (a value not recorded is null). */
export function moResultsJson(results: MoResults): string {
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  const trial = (t: MoTrial) => JSON.stringify({ trial: t.trial, hyperparams: sortedRecord(t.hyperparams), values: t.values.map(num), trainTime: num(t.trainTime) });
  const study = (s: MoStudy) =>
    `  {"method": ${JSON.stringify(s.method)}, "task": ${JSON.stringify(s.task)}, "seed": ${s.seed}, "trials": [\n` + s.trials.map((t) => `   ${trial(t)}`).join(",\n") + "\n  ]}";
  const info = (t: MoTaskInfo) =>
    `  {"task": ${JSON.stringify(t.task)}, "objectives": ${JSON.stringify(t.objectives.map((o) => ({ name: o.name, goal: o.goal, best: o.best, worst: o.worst })))}, "fronts": [\n` +
    t.fronts.map((f) => `   ${JSON.stringify({ seed: f.seed, points: f.points })}`).join(",\n") +
    "\n  ]}";
  const head = { kind: results.kind, command: results.command, tasks: results.tasks, seeds: results.seeds, budgets: results.budgets, methods: results.methods };
  const headText = JSON.stringify(head, null, 1).slice(0, -2);
  return `${headText},\n "taskInfo": [\n${results.taskInfo.map(info).join(",\n")}\n ],\n "studies": [\n${results.studies.map(study).join(",\n")}\n ]\n}\n`;
}

/** The results read back from their JSON: a null value is NaN again. */
export function parseMoResults(text: string): MoResults {
  const results = JSON.parse(text) as MoResults;
  for (const s of results.studies) {
    for (const t of s.trials) {
      t.values = t.values.map((v: number | null) => v ?? Number.NaN);
      t.trainTime = (t.trainTime as number | null) ?? Number.NaN;
    }
  }
  return results;
}
