// What `databazel export --tensorboard` writes for one run (a trial, or a model): its learning
// curve as scalars at step = epoch, its final metrics on the test data, and an hparams session
// with its hyperparameters and status; and, for a search, the hparams experiment beside its trials.
//
// Every event's wall_time is seconds of training, counted from 0 (the Unix epoch), from the
// durations in the run's records, not the clock at export time: a build does not record when an
// action ran (a cached or remote action ran in another build, on another machine), so no date
// would be true, and the same outputs must give byte-identical files. TensorBoard's "Relative"
// axis then shows training time; its "Wall" axis shows times on 1 January 1970.
import type { Outcome } from "../formats/run-record.ts";
import type { Curve } from "../lib/curve.ts";
import { scalarMetrics } from "../lib/metrics.ts";
import {
  eventFile,
  experimentEvent,
  fileVersionEvent,
  scalarsEvent,
  sessionEndEvent,
  sessionStartEvent,
  type Experiment,
  type HParamValue,
  type Scalar,
  type Status,
} from "./events.ts";

/** The file name in every exported run directory; the same each time, so a new export replaces the old. */
export const EVENT_FILE = "events.out.tfevents.0.databazel";

/** The tags of the final metrics: `test/<metric>`. */
export const TEST_PREFIX = "test/";

/** One training action of a run: the epochs it trained (null: all of them) and how long it took. */
export interface TrainingSegment {
  epochs: { start: number; end: number } | null;
  seconds: number;
}

export interface RunData {
  hparams: Record<string, HParamValue>;
  curve: Curve;
  /** The final metrics, on the test data; {} when there are none (a model; a failed trial). */
  metrics: Record<string, number>;
  outcome: Outcome;
  /** The train actions, first to last. */
  training: TrainingSegment[];
  /** How long the evaluation took; 0 without one. */
  evalSeconds: number;
  /** The epochs the scheduler let the trial train, when the curve says nothing. */
  epochs: number | null;
  /** Its place in a Pareto ranking (search-metrics.ts's rankingScalars), written beside the final metrics; none by default. */
  ranking?: Scalar[];
}

/**
 * A curve point's step: its `epoch` when every point has a whole, non-negative one (as the
 * report's charts read it), else its 1-based position; and whether `epoch` is the step.
 */
export function curveSteps(curve: Curve): { steps: number[]; byEpoch: boolean } {
  const byEpoch = curve.length > 0 && curve.every((p) => Number.isSafeInteger(p.epoch) && p.epoch! >= 0);
  return { steps: curve.map((p, i) => (byEpoch ? p.epoch! : i + 1)), byEpoch };
}

/** The scalars of one curve point, by dotted name, `epoch` left out when it is the step. */
export function pointScalars(point: Curve[number], byEpoch: boolean): Scalar[] {
  return Object.entries(scalarMetrics(point))
    .filter(([tag]) => !(byEpoch && tag === "epoch"))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, value]) => ({ tag, value }));
}

/** The scalar tags a curve's points have, sorted: what `runEventFile` writes for it. */
export function curveTags(curve: Curve): string[] {
  const { byEpoch } = curveSteps(curve);
  return [...new Set(curve.flatMap((p) => pointScalars(p, byEpoch).map((s) => s.tag)))].sort();
}

/** Rounds to the millisecond, the run records' unit, so sums print short. */
const ms = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/**
 * Seconds of training when epoch `step` ended: each training action's duration spread evenly
 * over the epochs it trained (an action without epochs trained all of them, to `lastStep`).
 */
export function trainingClock(training: readonly TrainingSegment[], lastStep: number): (step: number) => number {
  const spans = training.map((s) => ({ start: s.epochs?.start ?? 0, end: s.epochs?.end ?? lastStep, seconds: s.seconds }));
  return (step) =>
    ms(
      spans.reduce((sum, s) => {
        if (step >= s.end) return sum + s.seconds;
        if (step <= s.start) return sum;
        return sum + (s.seconds * (step - s.start)) / (s.end - s.start);
      }, 0),
    );
}

/**
 * The hparams session status: a trial that succeeded, or that the scheduler pruned at a
 * rung (stopped on purpose, and scored at its last checkpoint), is a success; one that failed,
 * timed out or diverged is a failure.
 */
export function sessionStatus(outcome: Outcome): Status {
  return outcome === "succeeded" || outcome === "pruned" ? "success" : "failure";
}

/** The event file of one run. */
export function runEventFile(run: RunData): Buffer {
  const { steps, byEpoch } = curveSteps(run.curve);
  const lastStep = steps.at(-1) ?? run.epochs ?? 0;
  const clock = trainingClock(run.training, lastStep);
  const trained = clock(Number.POSITIVE_INFINITY);
  const end = ms(trained + run.evalSeconds);
  const events = [fileVersionEvent(0), sessionStartEvent(0, run.hparams)];
  run.curve.forEach((point, i) => {
    const scalars = pointScalars(point, byEpoch);
    if (scalars.length > 0) events.push(scalarsEvent(clock(steps[i]!), steps[i]!, scalars));
  });
  const finals = Object.keys(run.metrics)
    .sort()
    .map((name) => ({ tag: `${TEST_PREFIX}${name}`, value: run.metrics[name]! }))
    .concat(run.ranking ?? []);
  if (finals.length > 0) events.push(scalarsEvent(end, lastStep, finals));
  events.push(sessionEndEvent(end, lastStep, sessionStatus(run.outcome)));
  return eventFile(events);
}

/** The event file of a search's own run: the hparams experiment, which names its hyperparameters and metrics. */
export function experimentEventFile(experiment: Experiment): Buffer {
  return eventFile([fileVersionEvent(0), experimentEvent(0, experiment)]);
}
