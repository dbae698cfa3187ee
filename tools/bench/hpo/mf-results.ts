// What `npm run bench:hpo -- --tasks mf` records: every evaluation of every study in the order it
// would run one after another, each task's optimum, and the epoch budget. A results kind of its
// own ("kind": "multi-fidelity"): its studies are evaluations at fidelities, not trials of one
// value each. Wall times go to wall-times.json as the tabular kind's do (results.ts's WallTime),
// so that results.json of two runs is byte-identical.
import type { MfEvaluation } from "./mf-regret.ts";

/** One method's study on a task and seed. */
export interface MfStudy {
  method: string;
  /** The task's id, `mf/<name>`. */
  task: string;
  seed: number;
  /** Distinct configurations it evaluated. */
  configurations: number;
  evaluations: MfEvaluation[];
}

export interface MfTaskInfo {
  task: string;
  /** The function's known minimum: regret is the true loss minus it. */
  optimum: number;
  /** The full fidelity, at which regret is measured. */
  maxEpochs: number;
}

export interface MfResults {
  kind: "multi-fidelity";
  command: string;
  tasks: string[];
  seeds: number[];
  /** The epochs each baseline spends: those of databazel's Hyperband study. */
  budget: number;
  methods: string[];
  taskInfo: MfTaskInfo[];
  studies: MfStudy[];
}

/** Whether a results file is the multi-fidelity kind. */
export const isMfResults = (results: object): results is MfResults => (results as { kind?: string }).kind === "multi-fidelity";

/** The JSON text of the results: a fixed key order, one evaluation per line (a loss not measured is null). */
export function mfResultsJson(results: MfResults): string {
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  const evaluation = (e: MfEvaluation) => JSON.stringify({ trial: e.trial, epochs: e.epochs, full: e.full, loss: num(e.loss), trueLoss: num(e.trueLoss), runtime: num(e.runtime) });
  const study = (s: MfStudy) =>
    `  {"method": ${JSON.stringify(s.method)}, "task": ${JSON.stringify(s.task)}, "seed": ${s.seed}, "configurations": ${s.configurations}, "evaluations": [\n` +
    s.evaluations.map((e) => `   ${evaluation(e)}`).join(",\n") +
    "\n  ]}";
  const head = {
    kind: results.kind,
    command: results.command,
    tasks: results.tasks,
    seeds: results.seeds,
    budget: results.budget,
    methods: results.methods,
    taskInfo: results.taskInfo.map((t) => ({ task: t.task, optimum: t.optimum, maxEpochs: t.maxEpochs })),
  };
  const headText = JSON.stringify(head, null, 1).slice(0, -2);
  return `${headText},\n "studies": [\n${results.studies.map(study).join(",\n")}\n ]\n}\n`;
}

/** The results read back from their JSON: a null loss is NaN again. */
export function parseMfResults(text: string): MfResults {
  const results = JSON.parse(text) as MfResults;
  for (const s of results.studies) {
    for (const e of s.evaluations) {
      for (const k of ["loss", "trueLoss", "runtime"] as const) e[k] = (e[k] as number | null) ?? Number.NaN;
    }
  }
  return results;
}
