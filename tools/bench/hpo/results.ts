// What `npm run bench:hpo` records: every trial of every study in proposal order, with the
// simulated training time, and each task's best recorded value. Wall times, the only figures that
// differ between two runs, are kept apart (WallTime), so that the results file of two runs is
// byte-identical.

export type Goal = "minimize" | "maximize";

/** One trial: its hyperparameters, the searched metric's value and the simulated training time (s). */
export interface Trial {
  trial: string;
  hyperparams: Record<string, string>;
  value: number;
  trainTime: number;
}

/** One study's trials in the order they were proposed. */
export interface Study {
  method: string;
  /** The task's id, `<benchmark>/<dataset>`. */
  task: string;
  seed: number;
  trials: Trial[];
}

/** A task's searched metric, its direction and the best value any run of any configuration recorded. */
export interface TaskInfo {
  task: string;
  metric: string;
  goal: Goal;
  bestRecorded: number;
}

/** The wall time of one study's run (s): a clean build for databazel, the loop for Optuna. */
export interface WallTime {
  method: string;
  task: string;
  seed: number;
  seconds: number;
}

export interface Results {
  /** The command that reproduces the run (tasks, seeds, budgets, methods). */
  command: string;
  tasks: string[];
  seeds: number[];
  budgets: number[];
  methods: string[];
  taskInfo: TaskInfo[];
  studies: Study[];
}

/** The JSON text of the results: a fixed key order, one trial per line, so two runs compare byte for byte. */
export function resultsJson(results: Results): string {
  const trial = (t: Trial) => JSON.stringify({ trial: t.trial, hyperparams: sortedRecord(t.hyperparams), value: t.value, trainTime: t.trainTime });
  const study = (s: Study) =>
    `  {"method": ${JSON.stringify(s.method)}, "task": ${JSON.stringify(s.task)}, "seed": ${s.seed}, "trials": [\n` +
    s.trials.map((t) => `   ${trial(t)}`).join(",\n") +
    "\n  ]}";
  const head = {
    command: results.command,
    tasks: results.tasks,
    seeds: results.seeds,
    budgets: results.budgets,
    methods: results.methods,
    taskInfo: results.taskInfo.map((t) => ({ task: t.task, metric: t.metric, goal: t.goal, bestRecorded: t.bestRecorded })),
  };
  const headText = JSON.stringify(head, null, 1).slice(0, -2);
  return `${headText},\n "studies": [\n${results.studies.map(study).join(",\n")}\n ]\n}\n`;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The part of a stopped run's results that the tables can use: the (task, seed) pairs that every
 * method finished, and the tasks and seeds that have one. The runner goes seed by seed over every
 * task, so a stopped run has every task for its first seeds, and some tasks for the next.
 */
/** Whether `studies` (or wall times) hold the one of `method` on (task, seed). */
export const hasStudy = (studies: readonly { task: string; seed: number; method: string }[], task: string, seed: number, method: string): boolean =>
  studies.some((s) => s.task === task && s.seed === seed && s.method === method);

export function completePart<R extends PartialRun>(results: R): R {
  const done = (task: string, seed: number) => results.methods.every((m) => hasStudy(results.studies, task, seed, m));
  const taskInfo = results.taskInfo.filter((t) => results.seeds.some((seed) => done(t.task, seed)));
  const seeds = results.seeds.filter((seed) => taskInfo.some((t) => done(t.task, seed)));
  return {
    ...results,
    tasks: taskInfo.map((t) => t.task),
    seeds,
    taskInfo,
    studies: results.studies.filter((s) => done(s.task, s.seed)),
  };
}

/** What completePart needs of a results file: the tabular kind's or the multi-fidelity kind's. */
export interface PartialRun {
  tasks: string[];
  seeds: number[];
  methods: string[];
  taskInfo: { task: string }[];
  studies: { task: string; seed: number; method: string }[];
}

/** Studies or wall times in the results' order: by task, then method, then seed, whatever order they ran in. */
export function orderedBy<T extends { task: string; method: string; seed: number }>(items: T[], tasks: string[], methods: string[], seeds: number[]): T[] {
  const key = (x: T) => [tasks.indexOf(x.task), methods.indexOf(x.method), seeds.indexOf(x.seed)];
  return [...items].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0]! - kb[0]! || ka[1]! - kb[1]! || ka[2]! - kb[2]!;
  });
}
