// `databazel watch`, shown: a table redrawn in place on a terminal, or one plain line per change
// when the output is not a terminal (a log, a CI job).
import { summarize, rankedBy, type Plan, type Row, type TrialState } from "./watch-model.ts";

export interface Frame {
  plan: Plan;
  rows: readonly Row[];
  /** Lines under the title: where the data comes from, and what it cannot show. */
  notes: readonly string[];
  /** The last line: what Bazel is doing. */
  status: string | null;
}

const COLOURS: Record<TrialState, string> = {
  queued: "\x1b[2m",
  running: "\x1b[36m",
  done: "\x1b[32m",
  failed: "\x1b[31m",
  pruned: "\x1b[35m",
};
const RESET = "\x1b[0m";
const BOLD = (t: string): string => `\x1b[1m${t}\x1b[22m`;
const DIM = (t: string): string => `\x1b[2m${t}\x1b[22m`;

/** 12s, 3m04s, 1h02m. */
export function formatElapsed(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return "";
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** "2/8", "2", or "" when nothing is known. */
export function formatEpoch(row: Row): string {
  const epoch = row.epoch ?? (row.state === "done" ? row.epochs : row.state === "queued" || row.state === "running" ? (row.epochs === null ? null : 0) : null);
  if (epoch === null) return "";
  return row.epochs === null ? String(epoch) : `${epoch}/${row.epochs}`;
}

const short = (n: number): string => String(Number(n.toPrecision(4)));

/** The latest metrics, the one trials are compared by first: "loss=0.25 accuracy=0.91". */
export function formatLatest(row: Row, first: string | null): string {
  const keys = Object.keys(row.latest ?? {}).sort((a, b) => Number(b === first) - Number(a === first) || a.localeCompare(b));
  return keys
    .slice(0, 3)
    .map((k) => `${k}=${short(row.latest![k]!)}`)
    .join(" ");
}

/** "2 done, 1 running, 1 queued; best so far: lr_3 (loss 0.25)". */
export function summaryLine(plan: Plan, rows: readonly Row[]): string {
  const { counts, best } = summarize(plan, rows);
  const parts = [`${counts.done} done`, `${counts.running} running`];
  for (const state of ["queued", "failed", "pruned"] as const) if (counts[state] > 0) parts.push(`${counts[state]} ${state}`);
  const bestText = best ? `${best.trial} (${best.key} ${short(best.value)}${best.test ? " on the test data" : ""})` : "none yet";
  return `${parts.join(", ")}; best so far: ${bestText}`;
}

export function title(plan: Plan): string {
  const what = plan.kind === "search" ? `${plan.trials.length} trial${plan.trials.length === 1 ? "" : "s"}` : "a model";
  return `databazel watch ${plan.label}: ${what}${plan.metric ? ` (metric: ${plan.metric}, ${plan.goal})` : ""}`;
}

const HEADERS = ["trial", "state", "epoch", "elapsed", "latest"];

/**
 * The frame as lines at most `width` wide (so that redrawing knows how many it wrote), at most
 * `height` of them (the trials that do not fit are counted in the last row).
 */
export function renderFrame(frame: Frame, options: { colour: boolean; width?: number; height?: number }): string[] {
  const { plan, rows } = frame;
  const width = options.width ?? Infinity;
  const by = rankedBy(plan, rows)?.key ?? null;
  const cells = rows.map((r) => [r.trial, r.state, formatEpoch(r), formatElapsed(r.elapsedMs), formatLatest(r, by)]);
  const fixed = 3 + frame.notes.length + (frame.status ? 1 : 0);
  const room = Math.max(1, (options.height ?? Infinity) - fixed - 1);
  const shown = cells.length > room ? cells.slice(0, room - 1) : cells;
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...shown.map((c) => c[i]!.length)));
  const align = (c: string[]): string =>
    c
      .map((cell, i) => (i === 2 || i === 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const cut = (line: string): string => (line.length > width ? line.slice(0, Math.max(0, width - 1)) + "…" : line);
  const paint = (line: string, state: TrialState): string => {
    if (!options.colour) return line;
    const at = widths[0]! + 2;
    const end = Math.min(line.length, at + state.length);
    return end <= at ? line : `${line.slice(0, at)}${COLOURS[state]}${line.slice(at, end)}${RESET}${line.slice(end)}`;
  };
  const bold = options.colour ? BOLD : (t: string) => t;
  const dim = options.colour ? DIM : (t: string) => t;
  const lines = [bold(cut(title(plan))), ...frame.notes.map((n) => cut(n)), bold(cut(align(HEADERS)))];
  shown.forEach((c, i) => lines.push(paint(cut(align(c)), rows[i]!.state)));
  if (shown.length < cells.length) lines.push(cut(`... and ${cells.length - shown.length} more trials`));
  lines.push(cut(summaryLine(plan, rows)));
  if (frame.status) lines.push(dim(cut(frame.status)));
  return lines;
}

/** One line for a trial, for the plain output: "lr_1: running, epoch 2/4, 3s, loss=0.5". */
export function plainLine(row: Row, by: string | null): string {
  const epoch = formatEpoch(row);
  const parts = [row.state, epoch ? `epoch ${epoch}` : "", formatElapsed(row.elapsedMs), formatLatest(row, by)].filter(Boolean);
  return `${row.trial}: ${parts.join(", ")}`;
}

/** The plain output: a line for each trial whose state or epoch changed since the last call. */
export class PlainLog {
  #seen = new Map<string, string>();
  #notes = new Set<string>();

  update(frame: Frame): string[] {
    const out: string[] = [];
    for (const note of frame.notes) {
      if (!this.#notes.has(note)) out.push(note);
      this.#notes.add(note);
    }
    const by = rankedBy(frame.plan, frame.rows)?.key ?? null;
    for (const row of frame.rows) {
      const key = `${row.state} ${formatEpoch(row)}`;
      if (this.#seen.get(row.trial) === key) continue;
      this.#seen.set(row.trial, key);
      out.push(plainLine(row, by));
    }
    return out;
  }
}
