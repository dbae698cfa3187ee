// `databazel diff A B`: hyperparameters and metrics of two targets side by side, with B - A.
import { readFileSync } from "node:fs";
import { readLeaderboard } from "../formats/leaderboard.ts";
import type { Target } from "../formats/providers.ts";
import { readRunRecord } from "../formats/run-record.ts";
import { formatNumber } from "../leaderboard/render.ts";
import { stableJson } from "../lib/json.ts";
import { scalarMetrics } from "../lib/metrics.ts";
import { CliError } from "./errors.ts";
import { renderTable, type Column, type Style } from "./table.ts";
import { queryOneTarget, displayLabel, ensureOutputs, requireKind, type Kind, type Workspace } from "./targets.ts";

type Value = string | number;

/** What one side of a diff shows, and where it comes from. */
export interface Side {
  label: string;
  kind: Kind;
  /** Where the numbers come from, in words. */
  source: string;
  hyperparams: Record<string, string>;
  seed: number | null;
  metrics: Record<string, number>;
}

export interface DiffRow {
  name: string;
  a: Value | null;
  b: Value | null;
  /** B - A when both are numbers; "changed", "added" (only in B), "removed" (only in A), or null when equal. */
  change: number | "changed" | "added" | "removed" | null;
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function stringRecord(value: unknown): Record<string, string> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

interface Trained {
  hyperparams: Record<string, string>;
  seed: number | null;
  /** The best trial, for a search. */
  trial?: string;
  metrics: Record<string, number>;
  /** The epoch of the learning curve's last point, or how many points it has. */
  lastEpoch?: number | string;
  /** Where a hyperparameter that is not one comes from. */
  epochsNote?: string;
}

/** A model's or a search's hyperparameters, seed and metrics (a search: its best trial's). */
function trained(ws: Workspace, target: Target): Trained {
  if (target.search) {
    const [path] = ensureOutputs(ws, target, [target.search.leaderboard_json]);
    const best = readLeaderboard(path!, displayLabel(target.label)).trials.find((t) => t.rank === 1);
    if (!best) throw new CliError(`the leaderboard of ${displayLabel(target.label)} has no trials.`);
    return { hyperparams: best.hyperparams, seed: best.seed, trial: best.trial, metrics: best.metrics };
  }
  const model = target.model!;
  const wanted = [model.hyperparams_file, model.learning_curve, model.run_record].filter((p): p is string => p !== null);
  const [hyperparamsFile, ...rest] = ensureOutputs(ws, target, wanted);
  const curveFile = model.learning_curve ? rest.shift() : undefined;
  const recordFile = model.run_record ? rest.shift() : undefined;
  let hyperparams =
    Object.keys(model.hyperparams).length > 0 ? model.hyperparams : stringRecord(readJson(hyperparamsFile!, "the hyperparameters"));
  // model(epochs = N) passes N as --end_epoch, not as a hyperparameter: show it as one.
  const record = recordFile ? readRunRecord(recordFile, displayLabel(target.label)) : undefined;
  const epochsAttr = record?.kind === "train" ? record.epochs?.end : undefined;
  let epochsNote: string | undefined;
  if (!("epochs" in hyperparams) && typeof epochsAttr === "number") {
    hyperparams = { ...hyperparams, epochs: String(epochsAttr) };
    epochsNote = "epochs: its epochs attribute";
  }
  const curve = curveFile ? readJson(curveFile, "the learning curve") : [];
  const last: unknown = Array.isArray(curve) ? curve.at(-1) : undefined;
  const metrics = scalarMetrics(last);
  const epoch = metrics.epoch ?? (Array.isArray(curve) && curve.length > 0 ? `${curve.length}` : undefined);
  return {
    hyperparams,
    seed: model.seed,
    metrics,
    ...(epoch !== undefined ? { lastEpoch: epoch } : {}),
    ...(epochsNote ? { epochsNote } : {}),
  };
}

/** One side of the diff: a model, a search (its best trial) or an evaluation (its metrics, its model's hyperparameters). */
export function sideOf(ws: Workspace, target: Target): Side {
  const kind = requireKind(ws, target, "diff", ["model", "evaluate", "search"]);
  const label = displayLabel(target.label);
  if (kind === "evaluate") {
    const info = target.metrics!;
    const [metricsFile] = ensureOutputs(ws, target, [info.metrics]);
    const metrics = scalarMetrics(readJson(metricsFile!, "the metrics"));
    const modelLabel = displayLabel(info.model_label);
    const model = queryOneTarget(ws, info.model_label);
    const base = { label, kind, metrics };
    if (!model.model) {
      return { ...base, source: `evaluation of ${modelLabel}`, hyperparams: {}, seed: null };
    }
    const of = trained(ws, model);
    const notes = [of.trial ? `its best trial ${of.trial}` : "", of.epochsNote ?? ""].filter((n) => n);
    const source = `evaluation of ${modelLabel}${notes.length > 0 ? `; ${notes.join("; ")}` : ""}`;
    return { ...base, source, hyperparams: of.hyperparams, seed: of.seed };
  }
  const of = trained(ws, target);
  const source = [
    kind === "search"
      ? `search; its best trial ${of.trial}`
      : of.lastEpoch !== undefined
        ? `model; metrics: the last point of its learning curve, epoch ${of.lastEpoch}`
        : "model; no learning curve, so no metrics",
    ...(of.epochsNote ? [of.epochsNote] : []),
  ].join("; ");
  return { label, kind, source, hyperparams: of.hyperparams, seed: of.seed, metrics: of.metrics };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function asNumber(value: Value | null): number | undefined {
  if (typeof value === "number") return value;
  return value !== null && NUMBER.test(value.trim()) ? Number(value) : undefined;
}

/** Every name in either record, sorted, with both values and the change from A to B. */
export function diffRows(a: Record<string, Value>, b: Record<string, Value>): DiffRow[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.map((name) => {
    const va = a[name] ?? null;
    const vb = b[name] ?? null;
    const na = asNumber(va);
    const nb = asNumber(vb);
    let change: DiffRow["change"];
    if (va === null) change = "added";
    else if (vb === null) change = "removed";
    else if (na !== undefined && nb !== undefined) change = Number(formatNumber(nb - na));
    else change = va === vb ? null : "changed";
    return { name, a: va, b: vb, change };
  });
}

function withSeed(side: Side): Record<string, Value> {
  return side.seed === null ? side.hyperparams : { ...side.hyperparams, seed: side.seed };
}

function cell(value: Value | null): string {
  if (value === null) return "—";
  return typeof value === "number" ? formatNumber(value) : value;
}

function changeCell(change: DiffRow["change"]): string {
  if (change === null) return "";
  if (typeof change !== "number") return change;
  return change > 0 ? `+${formatNumber(change)}` : formatNumber(change);
}

function section(title: string, rows: DiffRow[], a: Side, b: Side, style: Style): string {
  if (rows.length === 0) return `${style.bold(title)}: none\n`;
  const numeric = rows.every((r) => [r.a, r.b].every((v) => v === null || asNumber(v) !== undefined));
  const columns: Column[] = [
    { header: "name" },
    { header: a.label, align: numeric ? "right" : "left" },
    { header: b.label, align: numeric ? "right" : "left" },
    { header: "change", align: "right" },
  ];
  const cells = rows.map((r) => [r.name, cell(r.a), cell(r.b), changeCell(r.change)]);
  return `${style.bold(title)}\n${renderTable(columns, cells, { style, indent: "  " })}`;
}

export interface Diff {
  a: Pick<Side, "label" | "kind" | "source">;
  b: Pick<Side, "label" | "kind" | "source">;
  hyperparams: DiffRow[];
  metrics: DiffRow[];
}

export function compare(a: Side, b: Side): Diff {
  const about = (s: Side): Diff["a"] => ({ label: s.label, kind: s.kind, source: s.source });
  return {
    a: about(a),
    b: about(b),
    hyperparams: diffRows(withSeed(a), withSeed(b)),
    metrics: diffRows(a.metrics, b.metrics),
  };
}

export function renderDiff(diff: Diff, a: Side, b: Side, style: Style): string {
  return [
    `A: ${a.label} (${a.source})`,
    `B: ${b.label} (${b.source})`,
    "",
    section("Hyperparameters", diff.hyperparams, a, b, style),
    section("Metrics", diff.metrics, a, b, style),
  ].join("\n");
}

export function diff(ws: Workspace, labelA: string, labelB: string, json: boolean, style: Style): string {
  const a = sideOf(ws, queryOneTarget(ws, labelA));
  const b = sideOf(ws, queryOneTarget(ws, labelB));
  const result = compare(a, b);
  return json ? stableJson(result) : renderDiff(result, a, b, style);
}
