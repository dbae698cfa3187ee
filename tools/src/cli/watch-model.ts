// `databazel watch`, the pure part: what a search's (or a model's) trials are doing, derived from
// what was observed: the shims' progress files, bazel-bin's run records and learning curves, and
// Bazel's build events. Reading them is ./watch-sources.ts; showing them, ./watch-render.ts.
import { FILE_SUFFIXES } from "../formats/files.ts";
import type { Goal } from "../formats/leaderboard.ts";
import { HEARTBEAT_MS, type Progress } from "../formats/progress.ts";
import { FAILURES, type Outcome } from "../formats/run-record.ts";
import type { Target } from "../formats/providers.ts";
import { displayLabel } from "./targets.ts";

export const STATES = ["queued", "running", "done", "failed", "pruned"] as const;
export type TrialState = (typeof STATES)[number];

/** A progress file not rewritten for this long belongs to an action that is not running any more. */
export const STALE_MS = 5 * HEARTBEAT_MS;

/** One trial as the build plans it (from analysis: bazel cquery, or the search's manifest). */
export interface PlanTrial {
  name: string;
  /** Its model (a segmented trial: its last checkpoint), exec-root relative. */
  model: string;
  /** Its final run record (a search trial's evaluation, a model's training), exec-root relative. */
  record: string | null;
  /** Its learning curve, exec-root relative. */
  curve: string | null;
  /** A search trial's metrics on the test data, exec-root relative. */
  metrics: string | null;
  /** The run record of its last training segment, when it trains in segments (it says "pruned"). */
  trainRecord: string | null;
  /** How many epochs it trains, when that is known. */
  epochs: number | null;
}

export interface Plan {
  /** As users write it: //pkg:name. */
  label: string;
  kind: "search" | "model";
  metric: string | null;
  goal: Goal | null;
  trials: PlanTrial[];
}

/** What Bazel's build events (--build_event_json_file) said so far; see ./bep.ts. */
export interface BuildEvents {
  /** --remote_executor is set: the actions run elsewhere, and no progress file is written here. */
  remote: boolean;
  startedMs: number | null;
  /** The DatabazelTrain actions that completed, by primary output (the model), and whether they succeeded. */
  trained: Map<string, boolean>;
  /**
   * The train actions Bazel's progress lines named as running ("Training LABEL TRIAL"); one that
   * completed since is in `trained` too.
   */
  running: { label: string; trial: string }[];
  /** Bazel's last progress line, e.g. "[16 / 24] Training //:s lr_3; 3s remote". */
  status: string | null;
  /** Set once the build finished. */
  exitCode: number | null;
}

/** What one look at the files showed. */
export interface Observation {
  now: number;
  /** When the build being watched started: files written before are from earlier builds. */
  since: number;
  /** Whether that build is running. When not, bazel-bin holds the trials' latest results. */
  building: boolean;
  progress: readonly Progress[];
  /** bazel-bin's run records, by exec-root relative path: the outcome, and when it was written. */
  records: ReadonlyMap<string, { outcome: Outcome; mtimeMs: number }>;
  /** bazel-bin's learning curves, by exec-root relative path. */
  curves: ReadonlyMap<string, readonly Record<string, number>[]>;
  /** The search's metric in bazel-bin's metrics files (test data), by exec-root relative path. */
  metrics: ReadonlyMap<string, number>;
  events?: BuildEvents | undefined;
}

export interface Row {
  trial: string;
  state: TrialState;
  /** Epochs trained so far (for a running segment: as far as its curve.json goes). */
  epoch: number | null;
  epochs: number | null;
  elapsedMs: number | null;
  /** The latest point of its learning curve, without "epoch". */
  latest: Record<string, number> | null;
  /** The search's metric on the test data, once this build (or the last) evaluated the trial. */
  value: number | null;
}

/** The epoch a segment's model ends at (segments are named <chain>/epoch_<N>.ckpt), or null. */
export function segmentEnd(model: string): number | null {
  const match = /\/epoch_(\d+)\.ckpt$/.exec(model);
  return match ? Number(match[1]) : null;
}

/** An exec-root path below bazel-out/<configuration>/bin/, without that prefix (path mapping rewrites it). */
export function binPath(path: string): string {
  return path.replace(/^bazel-out\/[^/]+\/bin\//, "");
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf("/") + 1);

/**
 * Whether an action that writes `model` trains `trial`: it writes the trial's model, or it is an
 * earlier segment of the trial's chain (trials that differ only in their epochs share one).
 */
export function trains(model: string, trial: PlanTrial): boolean {
  const mine = binPath(model);
  const theirs = binPath(trial.model);
  if (mine === theirs) return true;
  const end = segmentEnd(mine);
  return end !== null && segmentEnd(theirs) !== null && dirOf(mine) === dirOf(theirs) && trial.epochs !== null && end <= trial.epochs;
}

/** A segment's run record: <chain>/epoch_<N>.ckpt trains with <chain>/epoch_<N>.train.json. */
export function trainRecordOf(model: string): string | null {
  return segmentEnd(model) === null ? null : model.replace(/\.ckpt$/, FILE_SUFFIXES.train_record);
}

function epochsOf(model: string, hyperparams: Record<string, string>): number | null {
  const end = segmentEnd(model);
  if (end !== null) return end;
  const epochs = Number(hyperparams.epochs);
  return Number.isInteger(epochs) && epochs > 0 ? epochs : null;
}

/** A search's or a model's plan, from what cquery says of it. */
export function planOf(target: Target): Plan {
  const label = displayLabel(target.label);
  if (target.search) {
    const s = target.search;
    return {
      label,
      kind: "search",
      metric: s.metric,
      goal: s.goal,
      trials: s.trials.map((t) => ({
        name: t.name,
        model: t.model,
        record: t.run_record,
        curve: t.learning_curve,
        metrics: t.metrics,
        trainRecord: trainRecordOf(t.model),
        epochs: epochsOf(t.model, t.hyperparams),
      })),
    };
  }
  const m = target.model!;
  return {
    label,
    kind: "model",
    metric: null,
    goal: null,
    trials: [
      {
        name: label.slice(label.lastIndexOf(":") + 1),
        model: m.model,
        record: m.run_record,
        curve: m.learning_curve,
        metrics: null,
        trainRecord: null,
        epochs: epochsOf(m.model, m.hyperparams),
      },
    ],
  };
}

function stateOf(outcome: Outcome): TrialState {
  if (outcome === "succeeded") return "done";
  if (outcome === "pruned") return "pruned";
  return "failed";
}

const withoutEpoch = (point: Record<string, number> | undefined): Record<string, number> | null => {
  if (!point) return null;
  const { epoch: _epoch, ...rest } = point;
  return Object.keys(rest).length > 0 ? rest : null;
};

/** The trial's name in a shim's --shim_trial: "<trial>", or "<chain> epochs 2-4" for a segment. */
function chainOf(trial: string): { chain: string; end: number | null } {
  const match = /^(?:(.*) )?epochs \d+-(\d+)$/.exec(trial);
  return match ? { chain: match[1] ?? "", end: Number(match[2]) } : { chain: trial, end: null };
}

/** Whether Bazel's progress message "Training LABEL TRIAL" is about this trial. */
function namesTrial(plan: Plan, running: { label: string; trial: string }, trial: PlanTrial): boolean {
  if (running.label !== plan.label) return false;
  if (plan.kind === "model") return true;
  const { chain, end } = chainOf(running.trial);
  if (end === null) return chain === trial.name;
  const dir = binPath(trial.model).split("/").at(-2);
  return chain === dir && trial.epochs !== null && end <= trial.epochs;
}

function row(plan: Plan, trial: PlanTrial, obs: Observation, mine: readonly Progress[]): Row {
  const base: Row = { trial: trial.name, state: "queued", epoch: null, epochs: trial.epochs, elapsedMs: null, latest: null, value: null };
  // This build's progress of the trial, most advanced first.
  const now = mine.filter((p) => p.updated_ms >= obs.since).sort((a, b) => b.epoch - a.epoch || b.updated_ms - a.updated_ms);
  const live = now.filter((p) => p.state === "running" && obs.now - p.updated_ms <= STALE_MS);
  // Time spent training: the segments' own times, not the waits between them (at a rung, say).
  const elapsedMs = now.length > 0 ? now.reduce((sum, p) => sum + ((live.includes(p) ? obs.now : p.updated_ms) - p.started_ms), 0) : null;
  const best = now[0];
  const latest = now.find((p) => p.latest !== null)?.latest ?? undefined;
  const fromProgress = best ? { epoch: best.epoch, latest: withoutEpoch(latest) } : {};
  if (live.length > 0) {
    return { ...base, state: "running", ...fromProgress, elapsedMs };
  }
  const record = trial.record ? obs.records.get(trial.record) : undefined;
  if (record && (record.mtimeMs >= obs.since || !obs.building)) {
    const curve = trial.curve ? obs.curves.get(trial.curve) : undefined;
    const fromCurve = curve && curve.length > 0 ? { epoch: curve.length, latest: withoutEpoch(curve.at(-1)) } : fromProgress;
    // With a scheduler, the final evaluation scores a stopped trial's model too: its training says it was pruned.
    const trained = trial.trainRecord ? obs.records.get(trial.trainRecord) : undefined;
    const outcome = record.outcome === "succeeded" && (trained?.outcome === "pruned" || now.some((p) => p.state === "pruned")) ? "pruned" : record.outcome;
    const value = outcome === "succeeded" && trial.metrics ? (obs.metrics.get(trial.metrics) ?? null) : null;
    return { ...base, state: stateOf(outcome), ...fromCurve, elapsedMs, value };
  }
  const ended = now.filter((p) => p.state !== "running");
  if (ended.length > 0) {
    const failed = ended.find((p) => (FAILURES as readonly string[]).includes(p.state));
    if (failed) return { ...base, state: "failed", ...fromProgress, elapsedMs };
    if (ended.some((p) => p.state === "pruned")) return { ...base, state: "pruned", ...fromProgress, elapsedMs };
    const reached = Math.max(...ended.map((p) => p.end_epoch ?? p.epoch));
    const whole = ended.some((p) => p.end_epoch === null) || trial.epochs === null || reached >= trial.epochs;
    return { ...base, state: whole ? "done" : "queued", ...fromProgress, elapsedMs };
  }
  if (obs.events) {
    const trained = [...obs.events.trained].filter(([model]) => trains(model, trial));
    const ends = trained.map(([model]) => segmentEnd(binPath(model)));
    const reached = ends.every((e) => e !== null) && ends.length > 0 ? Math.max(...(ends as number[])) : null;
    if (trained.some(([, ok]) => !ok)) return { ...base, state: "failed", epoch: reached };
    // Named as running, and not completed since (a segment: none that ends as late completed).
    const running = obs.events.running.filter((r) => namesTrial(plan, r, trial)).some((r) => {
      const { end } = chainOf(r.trial);
      return end === null ? trained.length === 0 : reached === null || end > reached;
    });
    if (running) return { ...base, state: "running", epoch: reached };
    if (trained.length > 0) {
      const whole = reached === null || trial.epochs === null || reached >= trial.epochs;
      return { ...base, state: whole ? "done" : "queued", epoch: reached };
    }
  }
  // Between segments, or not started. A stale "running" file of a build that ended: stopped.
  if (!obs.building && now.length > 0) return { ...base, state: "failed", ...fromProgress };
  return { ...base, ...fromProgress };
}

/** The rows of the table: one per trial; progress of the label that no planned trial claims gets its own. */
export function deriveRows(plan: Plan, obs: Observation): Row[] {
  const ofLabel = obs.progress.filter((p) => p.label === plan.label);
  const claimed = new Set<Progress>();
  const rows = plan.trials.map((trial) => {
    const mine = plan.kind === "model" ? ofLabel : ofLabel.filter((p) => trains(p.model, trial));
    mine.forEach((p) => claimed.add(p));
    return row(plan, trial, obs, mine);
  });
  // Trials the plan does not list (it came from an older manifest, or from nothing): by chain.
  const extra = new Map<string, Progress[]>();
  for (const p of ofLabel) {
    if (claimed.has(p) || p.updated_ms < obs.since) continue;
    const name = chainOf(p.trial ?? plan.label).chain;
    extra.set(name, [...(extra.get(name) ?? []), p]);
  }
  for (const [name, mine] of extra) {
    const ends = mine.map((p) => p.end_epoch).filter((e): e is number => e !== null);
    const trial: PlanTrial = { name, model: mine[0]!.model, record: null, curve: null, metrics: null, trainRecord: null, epochs: ends.length > 0 ? Math.max(...ends) : null };
    rows.push({ ...row(plan, trial, obs, mine), epochs: null });
  }
  return rows;
}

/** The metric the table compares trials by: the search's when the curves have it, else loss, else the first. */
export function rankedBy(plan: Plan, rows: readonly Row[]): { key: string; goal: Goal } | null {
  const keys = rows.flatMap((r) => Object.keys(r.latest ?? {}));
  if (keys.length === 0) return null;
  const key = plan.metric && keys.includes(plan.metric) ? plan.metric : keys.includes("loss") ? "loss" : keys[0]!;
  const goal: Goal = key === plan.metric && plan.goal ? plan.goal : /loss|error|mse|mae|rmse|perplexity/i.test(key) ? "minimize" : "maximize";
  return { key, goal };
}

export interface Summary {
  counts: Record<TrialState, number>;
  /** The best trial: by the search's metric on the test data once a trial has it, else by its latest curve point. */
  best: { trial: string; key: string; value: number; test: boolean } | null;
}

export function summarize(plan: Plan, rows: readonly Row[]): Summary {
  const counts = Object.fromEntries(STATES.map((s) => [s, rows.filter((r) => r.state === s).length])) as Record<TrialState, number>;
  const pick = (key: string, goal: Goal, test: boolean, valueOf: (r: Row) => number | null | undefined): Summary["best"] => {
    let best: Summary["best"] = null;
    for (const r of rows) {
      const value = valueOf(r);
      if (r.state === "failed" || value === undefined || value === null) continue;
      if (!best || (goal === "minimize" ? value < best.value : value > best.value)) best = { trial: r.trial, key, value, test };
    }
    return best;
  };
  const tested = plan.metric && plan.goal ? pick(plan.metric, plan.goal, true, (r) => r.value) : null;
  if (tested) return { counts, best: tested };
  const by = rankedBy(plan, rows);
  return { counts, best: by ? pick(by.key, by.goal, false, (r) => r.latest?.[by.key]) : null };
}
