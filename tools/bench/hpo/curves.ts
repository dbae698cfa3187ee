// The curves the page draws: for each task and method, the regret over seeds against trials and
// against cumulative simulated training time, as a mean with the seeds' lowest and highest.
import { cumulativeTime, regretAtTime, regretCurve } from "./regret.ts";
import type { Study, TaskInfo } from "./results.ts";

export interface Band {
  method: string;
  x: number[];
  mean: number[];
  lo: number[];
  hi: number[];
}

/** The mean and the lowest and highest of curves sampled at the same x. */
export function summarize(method: string, x: number[], perSeed: number[][]): Band {
  const column = (i: number) => perSeed.map((curve) => curve[i]!);
  return {
    method,
    x,
    mean: x.map((_, i) => column(i).reduce((a, b) => a + b, 0) / perSeed.length),
    lo: x.map((_, i) => Math.min(...column(i))),
    hi: x.map((_, i) => Math.max(...column(i))),
  };
}

/** Regret after 1..N trials, over the method's seeds (N: the shortest study's length). */
export function trialBand(studies: Study[], task: TaskInfo, method: string): Band {
  const own = studies.filter((s) => s.task === task.task && s.method === method);
  const curves = own.map((s) => regretCurve(s, task));
  const n = Math.min(...curves.map((c) => c.length));
  return summarize(
    method,
    Array.from({ length: n }, (_, i) => i + 1),
    curves.map((c) => c.slice(0, n)),
  );
}

/**
 * Regret against simulated training time, at `points` times evenly spaced from when every seed has
 * finished a trial to when the first seed has finished all of them (no seed is extrapolated).
 */
export function timeBand(studies: Study[], task: TaskInfo, method: string, points = 120): Band {
  const own = studies.filter((s) => s.task === task.task && s.method === method);
  const curves = own.map((s) => ({ regret: regretCurve(s, task), times: cumulativeTime(s) }));
  const start = Math.max(...curves.map((c) => c.times[0]!));
  const end = Math.min(...curves.map((c) => c.times[c.times.length - 1]!));
  const x = Array.from({ length: points }, (_, i) => (points === 1 ? end : start + ((end - start) * i) / (points - 1)));
  return summarize(
    method,
    x,
    curves.map((c) => x.map((t) => regretAtTime(c.regret, c.times, t))),
  );
}
