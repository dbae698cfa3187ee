// `databazel export --tensorboard DIR LABEL`: a search's trials (or a model) as TensorBoard event
// files under DIR/<name>/: each trial's learning curve, final metrics and hparams session in
// DIR/<name>/<trial>/, the search's hparams experiment in DIR/<name>/ (tools/src/tensorboard/).
// The files are written to a temporary directory beside DIR/<name> and renamed into place, so a
// failed export leaves nothing behind, and a new export replaces an earlier one whole.
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { FILE_SUFFIXES } from "../formats/files.ts";
import { readLeaderboard } from "../formats/leaderboard.ts";
import { readJsonFile } from "../formats/shape.ts";
import type { Target } from "../formats/providers.ts";
import { OUTCOMES, readRunRecord, type Outcome, type TrainRecord } from "../formats/run-record.ts";
import { parseCurve, type Curve } from "../lib/curve.ts";
import type { MetricInfo } from "../tensorboard/events.ts";
import { hparamInfos, typedHparams, type Declared } from "../tensorboard/hparams.ts";
import { curveTags, EVENT_FILE, experimentEventFile, runEventFile, type RunData, type TrainingSegment } from "../tensorboard/runs.ts";
import { rankingScalars, searchMetricInfos } from "../tensorboard/search-metrics.ts";
import { CliError } from "./errors.ts";
import { objectivesInWords, selectReason } from "./front.ts";
import { chain } from "./lineage.ts";
import { queryOneTarget, displayLabel, ensureOutputs, requireKind, type Workspace } from "./targets.ts";

/** What to write: files by path relative to DIR/<name>, and what to say about them. */
interface Export {
  name: string;
  files: Map<string, Buffer>;
  summary: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function readCurveFile(path: string, label: string): Curve {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new CliError(`cannot read the learning curve ${path}: ${(err as Error).message}.\nFix: rebuild it (bazel build ${label}).`);
  }
  const curve = parseCurve(text);
  if (typeof curve === "string") throw new CliError(`the learning curve ${path} ${curve}.\nFix: rebuild it (bazel build ${label}).`);
  return curve;
}

/** The train run records among a target's `records` output group, by exec-root path. */
function trainRecordPaths(target: Target): string[] {
  return (target.output_groups.records ?? []).filter((p) => p.endsWith(FILE_SUFFIXES.train_record));
}

function readTrainRecords(paths: string[], hostPaths: string[], label: string): Map<string, TrainRecord> {
  const records = new Map<string, TrainRecord>();
  paths.forEach((path, i) => {
    const record = readRunRecord(hostPaths[i]!, label);
    if (record.kind === "train") records.set(path, record);
  });
  return records;
}

/** The train actions that made `model`, first to last, from their run records; [] when none wrote it. */
function trainingOf(model: string, records: Map<string, TrainRecord>): TrainingSegment[] {
  const last = [...records.values()].find((r) => r.outputs.model.path === model);
  if (!last) return [];
  // A checkpoint no record wrote is another target's model (fine-tuning): the chain starts there.
  return chain(last, records, () => true).map((r) => ({ epochs: r.epochs, seconds: r.duration_ms / 1000 }));
}

/** What the search declared (its rule's attributes); undefined when Bazel cannot say. */
function declaredOf(ws: Workspace, label: string): Declared | undefined {
  const attrs = ws.bazel.ruleAttributes(label);
  if (!attrs) return undefined;
  const dict = (name: string): Record<string, string> => {
    const entries = attrs.get(name)?.stringDictValue;
    return Array.isArray(entries) ? Object.fromEntries(entries.map((e: { key: string; value: string }) => [e.key, e.value])) : {};
  };
  const listDict = (name: string): Record<string, string[]> => {
    const entries = attrs.get(name)?.stringListDictValue;
    return Array.isArray(entries) ? Object.fromEntries(entries.map((e: { key: string; value?: string[] }) => [e.key, e.value ?? []])) : {};
  };
  return { fixed: dict("hyperparams"), grid: listDict("grid"), space: dict("space") };
}

function searchExport(ws: Workspace, target: Target): Export {
  const label = displayLabel(target.label);
  const search = target.search!;
  const curves = search.trials.flatMap((t) => (t.learning_curve ? [t.learning_curve] : []));
  const evals = search.trials.map((t) => t.run_record);
  const recordPaths = trainRecordPaths(target);
  const host = ensureOutputs(ws, target, [search.leaderboard_json, ...curves, ...evals, ...recordPaths]);
  const hostOf = new Map([search.leaderboard_json, ...curves, ...evals, ...recordPaths].map((p, i) => [p, host[i]!]));
  const board = readLeaderboard(hostOf.get(search.leaderboard_json)!, label);
  const records = readTrainRecords(recordPaths, recordPaths.map((p) => hostOf.get(p)!), label);

  const infos = hparamInfos(
    board.trials.map((t) => t.hyperparams),
    declaredOf(ws, target.label),
  );
  const files = new Map<string, Buffer>();
  const tags = new Set<string>();
  const metricNames = new Set<string>();
  const outcomes = new Map<Outcome, number>();
  for (const ranked of board.trials) {
    const trial = search.trials.find((t) => t.name === ranked.trial);
    if (!trial) throw new CliError(`the leaderboard of ${label} names a trial ${ranked.trial} that ${label} does not have.\nFix: rebuild it (bazel build ${label}).`);
    const curve = trial.learning_curve ? readCurveFile(hostOf.get(trial.learning_curve)!, label) : [];
    const evalRecord = readRunRecord(hostOf.get(trial.run_record)!, label);
    const run: RunData = {
      hparams: typedHparams(ranked.hyperparams, infos),
      curve,
      metrics: ranked.metrics,
      outcome: ranked.outcome,
      training: trainingOf(trial.model, records),
      evalSeconds: evalRecord.duration_ms / 1000,
      epochs: ranked.epochs,
      ranking: rankingScalars(board, ranked),
    };
    files.set(join(ranked.trial, EVENT_FILE), runEventFile(run));
    for (const tag of curveTags(curve)) tags.add(tag);
    for (const name of Object.keys(ranked.metrics)) metricNames.add(name);
    outcomes.set(ranked.outcome, (outcomes.get(ranked.outcome) ?? 0) + 1);
  }

  // The search's metric (or every objective) first, then the other final metrics, the ranking's, the curves' last values.
  const metrics: MetricInfo[] = searchMetricInfos(board, metricNames, tags);
  const ranked =
    board.objectives.length > 1
      ? `Pareto fronts of ${objectivesInWords(board.objectives)}; the selected trial is ${board.best} (${selectReason(board.select)}), of a front of ${board.front.length}`
      : `${board.metric} (${board.goal}); the best is ${board.best}`;
  files.set(
    EVENT_FILE,
    experimentEventFile({
      name: label,
      description: `${label}: ${plural(board.trials.length, "trial")} ranked by ${ranked}.`,
      timeCreatedSecs: 0,
      hparams: infos,
      metrics,
    }),
  );
  const counts = OUTCOMES.filter((o) => outcomes.has(o)).map((o) => `${outcomes.get(o)} ${o}`).join(", ");
  return { name: target.label.replace(/^.*:/, ""), files, summary: `${plural(board.trials.length, "trial")} (${counts})` };
}

function modelExport(ws: Workspace, target: Target): Export {
  const label = displayLabel(target.label);
  const model = target.model!;
  const recordPaths = trainRecordPaths(target);
  const wanted = [model.hyperparams_file, ...(model.learning_curve ? [model.learning_curve] : []), ...recordPaths];
  const host = ensureOutputs(ws, target, wanted);
  const hostOf = new Map(wanted.map((p, i) => [p, host[i]!]));
  const records = readTrainRecords(recordPaths, recordPaths.map((p) => hostOf.get(p)!), label);
  let hyperparams = model.hyperparams;
  if (Object.keys(hyperparams).length === 0) {
    const parsed = readJsonFile(hostOf.get(model.hyperparams_file)!, "the hyperparameters", `rebuild it (bazel build ${label}).`);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) {
      hyperparams = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
    }
  }
  const last = model.run_record ? records.get(model.run_record) : undefined;
  const curve = model.learning_curve ? readCurveFile(hostOf.get(model.learning_curve)!, label) : [];
  const run: RunData = {
    hparams: typedHparams(hyperparams, []),
    curve,
    metrics: {},
    outcome: last?.outcome ?? "succeeded",
    training: trainingOf(model.model, records),
    evalSeconds: 0,
    epochs: null,
  };
  return {
    name: target.label.replace(/^.*:/, ""),
    files: new Map([[EVENT_FILE, runEventFile(run)]]),
    summary: `its learning curve (${plural(curve.length, "epoch")})`,
  };
}

const OUR_FILE = /^events\.out\.tfevents\.\d+\.databazel$/;

/** The files under `dir` that an export did not write (relative paths); [] for an earlier export. */
function foreignFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!(entry.isFile() && OUR_FILE.test(entry.name))) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** Fails before any work when DIR cannot be written: a file in the way, or no permission. */
export function checkDestination(dir: string): void {
  const fix = "Fix: give --tensorboard a directory you can write to (it is made if missing).";
  let probe = resolve(dir);
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  if (!statSync(probe).isDirectory()) {
    const what = probe === resolve(dir) ? `${dir} is a file, not a directory` : `${probe} is a file, so ${dir} cannot be made`;
    throw new CliError(`cannot export to ${dir}: ${what}.\n${fix}`);
  }
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
  } catch {
    throw new CliError(`cannot export to ${dir}: ${probe === resolve(dir) ? dir : `${probe}, where it would be made,`} is not writable.\n${fix}`);
  }
}

/** Writes the export into DIR/<name>, replacing an earlier export there; returns that path. */
function writeExport(dir: string, exported: Export): string {
  const final = join(dir, exported.name);
  const fail = (err: unknown): CliError =>
    err instanceof CliError
      ? err
      : new CliError(`cannot write the TensorBoard files to ${final}: ${(err as Error).message}.\nFix: give --tensorboard a directory you can write to, with space to spare.`);
  if (existsSync(final)) {
    const foreign = statSync(final).isDirectory() ? foreignFiles(final) : [basename(final)];
    if (foreign.length > 0) {
      const list = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", ..." : "");
      throw new CliError(
        `cannot export to ${final}: it exists and holds files that databazel export did not write (${list}).\n` +
          `Fix: move it away, or give --tensorboard another directory.`,
      );
    }
  }
  let created: string | undefined;
  let tmp: string | undefined;
  try {
    created = mkdirSync(dirname(final), { recursive: true });
    tmp = mkdtempSync(join(dirname(final), `.${basename(final)}.databazel-export-`));
    for (const [rel, bytes] of [...exported.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), bytes);
    }
    if (existsSync(final)) {
      const old = `${tmp}.old`;
      renameSync(final, old);
      try {
        renameSync(tmp, final);
      } catch (err) {
        renameSync(old, final);
        throw err;
      }
      tmp = undefined;
      try {
        rmSync(old, { recursive: true, force: true });
      } catch {
        // The new export is in place; a leftover of the old one is harmless.
      }
    } else {
      renameSync(tmp, final);
      tmp = undefined;
    }
    return final;
  } catch (err) {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    if (created) rmSync(created, { recursive: true, force: true });
    throw fail(err);
  }
}

export function exportTensorBoard(ws: Workspace, label: string, dir: string): string {
  checkDestination(dir);
  const target = queryOneTarget(ws, label);
  const kind = requireKind(ws, target, "export", ["search", "model"], (k) =>
    k === "evaluate"
      ? `It scores ${displayLabel(target.metrics!.model_label)}: databazel export --tensorboard ${dir} ${displayLabel(target.metrics!.model_label)}`
      : "",
  );
  const exported = kind === "search" ? searchExport(ws, target) : modelExport(ws, target);
  const path = writeExport(dir, exported);
  return `${displayLabel(target.label)}: wrote ${exported.summary} as TensorBoard event files to ${path}\nView them: tensorboard --logdir ${path}\n`;
}
