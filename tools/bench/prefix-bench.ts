// The prefix-sharing part of `npm run bench`: what checkpoint_every saves a search over `epochs`.
// It builds //mnist:bzl_epochs_search (grid epochs {2, 4, 8}, checkpoint_every = 2: the trials
// share one chain of 2-epoch segments, so 8 epochs are trained) and
// //mnist:bzl_epochs_search_unshared (the same search without checkpoint_every: each trial
// trains from scratch in one action, 2 + 4 + 8 = 14 epochs), each from a clean state: a fresh
// temporary --output_base, no disk or remote cache. From each build's JSON execution log it
// counts the DatabazelTrain spawns that executed and sums their wall times; the run record the
// shim writes next to each model (*.train.json) gives the epochs each one trained.
// It measures only: it asserts nothing about times.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { FILE_SUFFIXES } from "../src/formats/files.ts";
import { readRunRecord, type TrainRecord } from "../src/formats/run-record.ts";
import { bazel, bazelQuietly, criticalPath, processes, round } from "./bazel.ts";
import { durationSeconds, spawns } from "./execution-log.ts";

const TRAIN = "DatabazelTrain";

export const PREFIX_SEARCHES = [
  { search: "with prefix sharing (checkpoint_every = 2)", target: "//mnist:bzl_epochs_search" },
  { search: "without", target: "//mnist:bzl_epochs_search_unshared" },
] as const;

export interface PrefixRow {
  search: string;
  target: string;
  /** DatabazelTrain spawns that executed (not served from a cache). */
  trainActions: number;
  /** Sum over those actions of the epochs each trained (end - start of its segment, or `epochs`). */
  epochsTrained: number;
  /** Sum of those spawns' execution wall times, from the execution log's metrics. */
  trainingSeconds: number;
  /** The same sum from the shim's run records (duration_ms: the training script alone). */
  shimTrainingSeconds: number;
  /** Wall time of the whole `build` command in a fresh output base (server start-up included). */
  buildWallSeconds: number;
  /** The build's critical path, as Bazel reports it ("Critical Path: 9.13s"). */
  criticalPathSeconds?: number;
  /** Bazel's "N processes: ..." summary of the build. */
  processes: string;
}

export interface PrefixResult {
  command: string;
  rows: PrefixRow[];
  summary: string;
}

/** The epochs one training run trained: its segment, or its `epochs` hyperparameter; none when it was a pruned trial's skipped segment. */
function epochsOf(record: TrainRecord, path: string): number {
  if (record.outcome === "pruned") return 0;
  const epochs = record.epochs ? record.epochs.end - record.epochs.start : Number(record.hyperparams.epochs);
  if (!Number.isFinite(epochs) || epochs < 0) throw new Error(`${path}: no epochs segment nor epochs hyperparameter`);
  return epochs;
}

/**
 * Builds `target` in a fresh output base with `flags`, and measures the training it executed;
 * `inspect` reads what it needs from the build's bazel-bin before the output base is deleted.
 */
export async function measureTraining<T = undefined>(
  search: string,
  target: string,
  flags: string[],
  inspect?: (bin: string) => T,
): Promise<PrefixRow & { inspected: T | undefined }> {
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-prefix-"));
  const outputBase = join(dir, "output_base");
  const startup = [`--output_base=${outputBase}`];
  const log = join(dir, "exec.log.json");
  console.error(`[bench] building ${target} in a fresh output base ${outputBase}`);
  try {
    const build = await bazel(repoRoot, [
      ...startup,
      "build",
      "--experimental_convenience_symlinks=ignore",
      ...flags,
      target,
      `--execution_log_json_file=${log}`,
    ]);
    const execRoot = (await bazel(repoRoot, [...startup, "info", "execution_root"])).stdout.trim();
    const inspected = inspect ? inspect((await bazel(repoRoot, [...startup, "info", "bazel-bin"])).stdout.trim()) : undefined;
    const executed = spawns(log).filter((s) => s.mnemonic === TRAIN && !s.cacheHit);
    let epochsTrained = 0;
    let trainingSeconds = 0;
    let shimMs = 0;
    for (const spawn of executed) {
      const recordPath = spawn.listedOutputs?.find((p) => p.endsWith(FILE_SUFFIXES.train_record));
      if (!recordPath) throw new Error(`${log}: a ${TRAIN} spawn lists no *${FILE_SUFFIXES.train_record} output`);
      const path = isAbsolute(recordPath) ? recordPath : join(execRoot, recordPath);
      const record = readRunRecord(path);
      if (record.kind !== "train") throw new Error(`${path}: a ${TRAIN} spawn wrote a run record of kind ${record.kind}`);
      epochsTrained += epochsOf(record, path);
      shimMs += record.duration_ms;
      // The exec log's own wall time; the run record's duration if this Bazel leaves it out.
      const wall = durationSeconds(spawn.metrics?.executionWallTime) ?? durationSeconds(spawn.metrics?.totalTime);
      trainingSeconds += wall ?? record.duration_ms / 1000;
    }
    const critical = criticalPath(build.all);
    return {
      search,
      target,
      trainActions: executed.length,
      epochsTrained,
      trainingSeconds: round(trainingSeconds),
      shimTrainingSeconds: round(shimMs / 1000),
      buildWallSeconds: round(build.seconds),
      ...(critical === undefined ? {} : { criticalPathSeconds: critical }),
      processes: processes(build.all),
      inspected,
    };
  } finally {
    await bazelQuietly(repoRoot, [...startup, "shutdown"]);
    rmSync(dir, { recursive: true, force: true });
  }
}

// A clean state: no disk or remote cache from the bazelrc files (.bazelrc's default disk cache, user.bazelrc).
export const CLEAN_FLAGS = ["--disk_cache=", "--remote_cache="];

/** Builds both searches, one after the other, each in its own fresh output base. */
export async function measurePrefixSharing(): Promise<PrefixResult> {
  const rows: PrefixRow[] = [];
  for (const { search, target } of PREFIX_SEARCHES) {
    const { inspected: _, ...row } = await measureTraining(search, target, CLEAN_FLAGS);
    rows.push(row);
  }
  const [shared, unshared] = rows as [PrefixRow, PrefixRow];
  const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));
  const summary =
    `With prefix sharing the search ran ${shared.trainActions} train actions for ${shared.epochsTrained} epochs ` +
    `instead of ${unshared.trainActions} for ${unshared.epochsTrained} ` +
    `(${ratio(shared.epochsTrained, unshared.epochsTrained)} of the epochs), and its training took ` +
    `${ratio(shared.trainingSeconds, unshared.trainingSeconds)} times as long ` +
    `(${shared.trainingSeconds.toFixed(2)} s vs ${unshared.trainingSeconds.toFixed(2)} s); ` +
    `the whole build took ${ratio(shared.buildWallSeconds, unshared.buildWallSeconds)} times as long.`;
  const command =
    `tools/bazel --output_base=FRESH_DIR build --experimental_convenience_symlinks=ignore ${CLEAN_FLAGS.join(" ")} ` +
    `TARGET --execution_log_json_file=PATH`;
  return { command, rows, summary };
}

export function prefixTable(result: PrefixResult): string {
  const s = (x: number) => x.toFixed(2);
  return [
    "| search | train actions | epochs trained | training time (s) | build wall time (s) |",
    "|---|---:|---:|---:|---:|",
    ...result.rows.map(
      (r) => `| ${r.search} | ${r.trainActions} | ${r.epochsTrained} | ${s(r.trainingSeconds)} | ${s(r.buildWallSeconds)} |`,
    ),
  ].join("\n");
}

/** The Markdown section `npm run bench` prints. */
export function prefixReport(result: PrefixResult): string {
  return `${prefixTable(result)}

${result.summary}

Command: \`${result.command}\` in ${repoRoot}, once per search (${result.rows
    .map((r) => `\`${r.target}\`: ${r.processes}`)
    .join("; ")}), then \`shutdown\` and the output base deleted.
- train actions: the DatabazelTrain spawns in the JSON execution log that executed (cacheHit false);
- epochs trained: summed over those, the segment's end - start from its run record (*.train.json), or the trial's \`epochs\` hyperparameter;
- training time: the sum of those spawns' \`metrics.executionWallTime\` in the execution log (actions run in parallel, so it can exceed the build's share of wall time); the shim's own \`duration_ms\` sums to ${result.rows
    .map((r) => `${r.shimTrainingSeconds.toFixed(2)} s`)
    .join(" and ")};
- build wall time: the whole \`build\` command, including the server's start-up, fetching and the data preparation in a fresh output base. The shared chain's segments run one after another while the unshared trials run in parallel, so both builds wait for 8 epochs of training on their critical path (Bazel reports ${result.rows
    .map((r) => (r.criticalPathSeconds === undefined ? "?" : `${r.criticalPathSeconds.toFixed(2)} s`))
    .join(" and ")}).`;
}
