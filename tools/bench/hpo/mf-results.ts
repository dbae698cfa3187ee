// What `npm run bench:hpo -- --tasks mf` records: every evaluation of every study in the order it
// would run one after another, each task's optimum, and the epoch budget. A results kind of its
// own ("kind": "multi-fidelity"): its studies are evaluations at fidelities, not trials of one
// value each. Wall times go to wall-times.json as the tabular kind's do (results.ts's WallTime),
// so that results.json of two runs is byte-identical.
import type { MfEvaluation } from "./mf-regret.ts";
import type { WallTime } from "./results.ts";

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
  /** The versions of tools whose runs are not reproducible, to say what ran: `{"ray": "2.60.0"}` with ray_asha. */
  versions?: Record<string, string>;
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
    // Only when a tool was recorded, so that the files of runs without one stay as they were.
    ...(results.versions ? { versions: results.versions } : {}),
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

/** What mf_baseline.py and ray_asha.py write: every study of a task, its trials in the order they were run. */
export interface BaselineOutput {
  optimum: number;
  max_epochs: number;
  /** ray_asha.py's: the Ray it ran. */
  ray_version?: string;
  studies: { method: string; seed: number; trials: { trial: number; epochs: number; loss: number; true_loss: number; runtime: number; hyperparams: Record<string, string> }[]; wall_time_s: number }[];
}

/**
 * A baseline's studies of task `taskId` as the results hold them: each trial one evaluation of the
 * epochs it reached (full when that is max_epochs), in the order written; configurations counted
 * by distinct hyperparameters (DEHB evaluates one configuration at several fidelities from scratch).
 */
export function baselineStudies(output: BaselineOutput, taskId: string): { info: MfTaskInfo; studies: MfStudy[]; walls: WallTime[] } {
  const studies = output.studies.map((s) => ({
    method: s.method,
    task: taskId,
    seed: s.seed,
    configurations: new Set(s.trials.map((t) => JSON.stringify(t.hyperparams))).size,
    evaluations: s.trials.map((t) => ({ trial: String(t.trial), epochs: t.epochs, full: t.epochs === output.max_epochs, loss: t.loss, trueLoss: t.true_loss, runtime: t.runtime })),
  }));
  const walls = output.studies.map((s) => ({ method: s.method, task: taskId, seed: s.seed, seconds: s.wall_time_s }));
  return { info: { task: taskId, optimum: output.optimum, maxEpochs: output.max_epochs }, studies, walls };
}
