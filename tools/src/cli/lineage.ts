// `databazel lineage LABEL`: what produced a model (or a search's best model), from its run
// records and its ModelInfo: hyperparameters, seed, training data and train executable with
// their digests, the chain of checkpoints, and the models it was trained on.
import { FILE_SUFFIXES } from "../formats/files.ts";
import { readLeaderboard } from "../formats/leaderboard.ts";
import type { Target } from "../formats/providers.ts";
import { readRunRecord, type FileDigest, type TrainRecord } from "../formats/run-record.ts";
import { stableJson } from "../lib/json.ts";
import { CliError } from "./errors.ts";
import { importedLineageOf, isImported, renderImportedLineage } from "./imported.ts";
import { renderTable, type Style } from "./table.ts";
import { queryOneTarget, displayLabel, ensureOutputs, queryTargets, requireKind, type Workspace } from "./targets.ts";

/** One training action: a whole run, or one segment of a checkpointed run. */
export interface Segment {
  epochs: { start: number; end: number } | null;
  /** The checkpoint it continued from; `model` names the target when it is another model (fine-tuning). */
  init_checkpoint: (FileDigest & { model?: string }) | null;
  output: FileDigest;
  duration_ms: number;
  record: string;
}

export interface Lineage {
  label: string;
  kind: "model" | "search";
  /** For a search, its best trial. */
  trial: string | null;
  hyperparams: Record<string, string>;
  seed: number | null;
  model: FileDigest;
  /** The training data, with the label of the model target when a file is a model. */
  training_data: (FileDigest & { model?: string })[];
  executable: FileDigest;
  /** First to last; more than one when the model was trained in segments. */
  segments: Segment[];
  /** Models this one was trained on, directly or through other models. */
  parent_models: { label: string; model: string }[];
  /** ModelInfo.lineage: every file that produced the model, models marked with their target. */
  lineage: { path: string; model?: string }[];
}

/**
 * The records from the first segment to `last`, following init_checkpoint back through `records`.
 * The chain starts at a checkpoint that `isModel` says is another target's model (a fine-tuned base).
 */
export function chain(
  last: TrainRecord,
  records: Map<string, TrainRecord>,
  isModel: (path: string) => boolean = () => false,
): TrainRecord[] {
  const out = [last];
  for (let current = last; current.inputs.init_checkpoint; ) {
    const init = current.inputs.init_checkpoint;
    const parent = [...records.values()].find((r) => r.outputs.model.path === init.path);
    if (!parent && isModel(init.path)) break;
    if (!parent || out.includes(parent)) {
      throw new CliError(`no run record among the target's records wrote the checkpoint ${init.path}.`);
    }
    out.unshift(parent);
    current = parent;
  }
  return out;
}

function recordPathOf(records: Map<string, TrainRecord>, record: TrainRecord): string {
  return [...records.entries()].find(([, r]) => r === record)?.[0] ?? "";
}

/** The models in a target's dependencies (itself left out), by the path of their model file. */
function modelsInDeps(ws: Workspace, target: Target): Map<string, string> {
  const models = new Map<string, string>();
  for (const dep of queryTargets(ws, `deps("${target.label}")`)) {
    if (dep.label !== target.label && dep.model) models.set(dep.model.model, displayLabel(dep.model.label));
  }
  return models;
}

function modelOwning(models: Map<string, string>, path: string): string | undefined {
  for (const [model, label] of models) if (path === model || path.startsWith(`${model}/`)) return label;
  return undefined;
}

/** A file record, with the label of the target whose model it is, when it is one. */
function withModel(models: Map<string, string>, file: FileDigest): FileDigest & { model?: string } {
  const owner = modelOwning(models, file.path);
  return owner ? { ...file, model: owner } : file;
}

export function lineageOf(ws: Workspace, target: Target): Lineage {
  const kind = requireKind(ws, target, "lineage", ["model", "search"], (k) =>
    k === "evaluate" ? `It scores ${displayLabel(target.metrics!.model_label)}: databazel lineage ${displayLabel(target.metrics!.model_label)}` : "",
  );
  const model = target.model!;
  const recordPaths = (target.output_groups.records ?? []).filter((p) => p.endsWith(FILE_SUFFIXES.train_record));
  const search = target.search;
  const wanted = [...recordPaths, ...(search ? [search.leaderboard_json] : [])];
  const hostPaths = ensureOutputs(ws, target, wanted);
  const records = new Map<string, TrainRecord>();
  recordPaths.forEach((path, i) => {
    const record = readRunRecord(hostPaths[i]!, displayLabel(target.label));
    if (record.kind === "train") records.set(path, record);
  });

  let last: TrainRecord | undefined;
  let trial: string | null = null;
  let hyperparams = model.hyperparams;
  let seed = model.seed;
  if (search) {
    const board = readLeaderboard(hostPaths.at(-1)!, displayLabel(target.label));
    const best = board.trials.find((t) => t.trial === board.best);
    const bestTrial = search.trials.find((t) => t.name === board.best);
    if (!best || !bestTrial) throw new CliError(`the leaderboard of ${displayLabel(target.label)} names no best trial.`);
    trial = best.trial;
    hyperparams = best.hyperparams;
    seed = best.seed;
    last = [...records.values()].find((r) => r.outputs.model.path === bestTrial.model);
  } else if (model.run_record) {
    last = records.get(model.run_record);
  }
  if (!last) throw new CliError(`${displayLabel(target.label)} has no run record of its training, so its lineage is unknown.`);
  const models = modelsInDeps(ws, target);
  const segments = chain(last, records, (path) => modelOwning(models, path) !== undefined);

  const lineageFiles = model.lineage.map((path) => {
    const owner = modelOwning(models, path);
    return owner ? { path, model: owner } : { path };
  });
  const parentModels = [...models]
    .filter(([path]) => lineageFiles.some((f) => f.path === path || f.path.startsWith(`${path}/`)))
    .map(([path, label]) => ({ label, model: path }));

  return {
    label: displayLabel(target.label),
    kind,
    trial,
    hyperparams,
    seed,
    model: { ...last.outputs.model, path: model.model },
    training_data: last.inputs.training_data.map((f) => withModel(models, f)),
    executable: last.inputs.executable,
    segments: segments.map((r) => ({
      epochs: r.epochs,
      init_checkpoint: r.inputs.init_checkpoint ? withModel(models, r.inputs.init_checkpoint) : null,
      output: r.outputs.model,
      duration_ms: r.duration_ms,
      record: recordPathOf(records, r),
    })),
    parent_models: parentModels,
    lineage: lineageFiles,
  };
}

function digest(file: FileDigest): string {
  return file.sha256 ? `sha256 ${file.sha256}` : "";
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function renderLineage(l: Lineage, style: Style): string {
  const out: string[] = [];
  const what = l.kind === "search" ? `a hyperparam_search; its best model, from trial ${l.trial}` : "a model";
  out.push(style.bold(`${l.label}: ${what}`));
  const hyperparams = Object.entries(l.hyperparams)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  const facts: [string, string][] = [
    ["label", l.label],
    ["model", l.model.path],
    ["sha256", l.model.sha256 ?? "(not recorded)"],
    ["hyperparameters", hyperparams || "(none)"],
    ["seed", l.seed === null ? "(none)" : String(l.seed)],
  ];
  const width = Math.max(...facts.map(([k]) => k.length));
  for (const [k, v] of facts) out.push(`  ${k.padEnd(width)}  ${v}`);

  out.push("", style.bold("Training data"));
  out.push(
    renderTable(
      [{ header: "path" }, { header: "sha256" }, { header: "bytes", align: "right" }, { header: "model" }],
      l.training_data.map((f) => [f.path, f.sha256 ?? "", f.bytes === undefined ? "" : String(f.bytes), f.model ?? ""]),
      { style, indent: "  " },
    ).trimEnd(),
  );

  out.push("", style.bold("Train executable"));
  out.push(`  ${l.executable.path}  ${digest(l.executable)}`.trimEnd());

  const n = l.segments.length;
  out.push(
    "",
    style.bold(n === 1 ? "Training: one action" : `Training: ${n} segments, each continuing from the previous one's checkpoint`),
  );
  l.segments.forEach((s, i) => {
    const epochs = s.epochs ? `epochs ${s.epochs.start}–${s.epochs.end}` : "the whole training";
    out.push(`  ${i + 1}. ${epochs}${s.init_checkpoint ? "" : ", from scratch"}, ${seconds(s.duration_ms)}`);
    if (s.init_checkpoint) {
      const from = s.init_checkpoint.model ? `  (the model of ${s.init_checkpoint.model})` : "";
      out.push(`     init_checkpoint  ${s.init_checkpoint.path}  ${digest(s.init_checkpoint)}${from}`.trimEnd());
    }
    out.push(`     wrote            ${s.output.path}  ${digest(s.output)}`.trimEnd());
  });

  out.push("", style.bold("Models it was trained from (as training data or as its starting checkpoint)"));
  if (l.parent_models.length === 0) out.push("  (none)");
  for (const p of l.parent_models) out.push(`  ${p.label}  ${p.model}`);

  out.push("", style.bold(`Lineage: ${l.lineage.length} files (ModelInfo.lineage); [model] marks a model`));
  for (const f of l.lineage) out.push(f.model ? `  [model ${f.model}] ${f.path}` : `  ${f.path}`);
  return out.join("\n") + "\n";
}

export function lineage(ws: Workspace, label: string, json: boolean, style: Style): string {
  const target = queryOneTarget(ws, label);
  if (isImported(target)) {
    const imported = importedLineageOf(ws, target);
    return json ? stableJson(imported) : renderImportedLineage(imported, style);
  }
  const result = lineageOf(ws, target);
  return json ? stableJson(result) : renderLineage(result, style);
}
