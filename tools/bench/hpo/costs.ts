// What the search itself costs (issue 27's overhead target): each method's wall time per study
// and per trial, against the simulated training time of the trials it ran. databazel's wall time
// is a clean build of the study, so it holds every action's start, the samplers and the
// leaderboard; Optuna's is its in-process loop.
import { median } from "./median.ts";
import type { WallTime } from "./results.ts";

/** What the costs read of a study, of any results kind: its trials' simulated training times. */
type Study = { method: string; task: string; seed: number; trials: readonly { trainTime: number }[] };

export interface MethodCost {
  method: string;
  studies: number;
  /** Median over the method's studies (s). */
  wallPerStudy: number;
  /** Median over the studies of wall time / trials (s). */
  wallPerTrial: number;
  /** Median over the studies of (wall time per trial) / (the study task's median simulated training time per trial). */
  shareOfTraining: number;
}

/** Each task's median simulated training time of one trial, over every trial any method ran on it. */
export function medianTrainTime(studies: Study[]): Map<string, number> {
  const byTask = new Map<string, number[]>();
  for (const s of studies) byTask.set(s.task, [...(byTask.get(s.task) ?? []), ...s.trials.map((t) => t.trainTime)]);
  return new Map([...byTask].map(([task, times]) => [task, median(times)]));
}

/** The cost of each method over the studies that have a wall time, in `methods`' order. */
export function methodCosts(studies: Study[], walls: WallTime[], methods: string[]): MethodCost[] {
  const training = medianTrainTime(studies);
  return methods.map((method) => {
    const runs = walls.filter((w) => w.method === method).flatMap((w) => {
      const study = studies.find((s) => s.method === method && s.task === w.task && s.seed === w.seed);
      return study && study.trials.length ? [{ wall: w.seconds, perTrial: w.seconds / study.trials.length, training: training.get(study.task)! }] : [];
    });
    return {
      method,
      studies: runs.length,
      wallPerStudy: median(runs.map((r) => r.wall)),
      wallPerTrial: median(runs.map((r) => r.perTrial)),
      shareOfTraining: median(runs.map((r) => r.perTrial / r.training)),
    };
  });
}
