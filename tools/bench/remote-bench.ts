// The remote-execution part of `npm run bench`: the wall time of a 16-trial search
// (//mnist:bzl_search_16: 16 train + 16 eval actions) built locally with --jobs=2, and on the
// local BuildGrid cluster (tools/remote) with 2 and with 4 buildbox workers. Each run starts
// clean: a fresh output base and, for the remote runs, a freshly started cluster (its CAS and
// action cache live in memory), so nothing is served from a cache. The server is warmed up
// first (`build --nobuild`), so the timed build is execution. This machine has 2 cores and the
// workers share them with Bazel and BuildGrid: the figures measure what remote execution costs
// (uploads, queueing, fetching), not how much faster a real cluster would be.
// It measures only: it asserts nothing about times.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { clusterUnavailable, startCluster, type Cluster } from "../remote/cluster.ts";
import { bazel, bazelQuietly, criticalPath, NO_CACHE_FLAGS, processes, round } from "./bazel.ts";
import { durationSeconds, spawns } from "./execution-log.ts";

export const REMOTE_TARGET = "//mnist:bzl_search_16";

export interface RemoteRow {
  run: string;
  /** 0 for the local build. */
  workers: number;
  /** Wall time of the timed `build` (the server already warm). */
  buildWallSeconds: number;
  criticalPathSeconds?: number;
  processes: string;
  /**
   * Means over the DatabazelTrain spawns: Bazel's total time for one; of it, waiting in the
   * queue for a worker, the worker staging inputs, and running the command.
   */
  trainMeanTotalSeconds: number;
  trainMeanQueueSeconds: number;
  trainMeanSetupSeconds: number;
  trainMeanExecutionSeconds: number;
}

export interface RemoteResult {
  command: string;
  rows: RemoteRow[];
  summary: string;
}

/** A metric of the execution log in seconds; 0 when absent. */
const seconds = (text: string | undefined): number => durationSeconds(text) ?? 0;

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

async function measureOne(run: string, workers: number): Promise<RemoteRow> {
  const dir = mkdtempSync(join(tmpdir(), "databazel-bench-remote-"));
  const startup = [`--output_base=${join(dir, "output_base")}`];
  const log = join(dir, "exec.log.json");
  let cluster: Cluster | undefined;
  try {
    let flags = [...NO_CACHE_FLAGS, "--jobs=2"];
    if (workers > 0) {
      console.error(`[bench] remote: starting a cluster with ${workers} workers`);
      cluster = await startCluster(workers);
      flags = [...NO_CACHE_FLAGS, "--config=remote", `--remote_executor=${cluster.executor}`];
    }
    console.error(`[bench] remote: ${run}: building ${REMOTE_TARGET}`);
    await bazel(repoRoot, [...startup, "build", "--nobuild", ...flags, REMOTE_TARGET]);
    const build = await bazel(repoRoot, [...startup, "build", ...flags, REMOTE_TARGET, `--execution_log_json_file=${log}`]);
    const train = spawns(log).filter((s) => s.mnemonic === "DatabazelTrain" && !s.cacheHit);
    const metrics = train.map((s) => s.metrics ?? {});
    const critical = criticalPath(build.all);
    return {
      run,
      workers,
      buildWallSeconds: round(build.seconds),
      ...(critical === undefined ? {} : { criticalPathSeconds: critical }),
      processes: processes(build.all),
      trainMeanTotalSeconds: round(mean(metrics.map((m) => seconds(m.totalTime)))),
      trainMeanQueueSeconds: round(mean(metrics.map((m) => seconds(m.queueTime)))),
      trainMeanSetupSeconds: round(mean(metrics.map((m) => seconds(m.setupTime)))),
      trainMeanExecutionSeconds: round(mean(metrics.map((m) => seconds(m.executionWallTime)))),
    };
  } finally {
    await bazelQuietly(repoRoot, [...startup, "shutdown"]);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Why the remote part cannot run here, or undefined. */
export const remoteBenchUnavailable = clusterUnavailable;

/** Builds the 16-trial search locally, then remotely on 2 and on 4 workers. */
export async function measureRemote(): Promise<RemoteResult> {
  const rows: RemoteRow[] = [];
  rows.push(await measureOne("local, --jobs=2", 0));
  for (const workers of [2, 4]) rows.push(await measureOne(`remote, ${workers} workers`, workers));
  const [local, ...remote] = rows as [RemoteRow, ...RemoteRow[]];
  const summary =
    remote
      .map((r) => `${r.run}: ${(r.buildWallSeconds / local.buildWallSeconds).toFixed(2)}× the local wall time`)
      .join("; ") +
    `. Each training action cost Bazel ${remote.map((r) => `${r.trainMeanTotalSeconds.toFixed(2)} s`).join(" and ")} ` +
    `remotely against ${local.trainMeanTotalSeconds.toFixed(2)} s locally. ` +
    "On 2 cores this is an overhead measurement: 4 workers share the same 2 cores as 2 workers, " +
    "and the workers share them with Bazel and BuildGrid; on a real cluster each worker brings its own.";
  const command =
    `tools/bazel --output_base=FRESH_DIR build ${NO_CACHE_FLAGS.join(" ")} [--jobs=2 | --config=remote ` +
    `--remote_executor=grpc://127.0.0.1:PORT] ${REMOTE_TARGET} --execution_log_json_file=PATH`;
  return { command, rows, summary };
}

/** The Markdown section `npm run bench` prints. */
export function remoteReport(result: RemoteResult): string {
  const s = (x: number | undefined) => (x === undefined ? "" : x.toFixed(2));
  return `| run | build wall time (s) | critical path (s) | train action, mean total (s) | queued (s) | staging inputs (s) | executing (s) |
|---|---:|---:|---:|---:|---:|---:|
${result.rows
  .map(
    (r) =>
      `| ${r.run} | ${s(r.buildWallSeconds)} | ${s(r.criticalPathSeconds)} | ${s(r.trainMeanTotalSeconds)} | ` +
      `${s(r.trainMeanQueueSeconds)} | ${s(r.trainMeanSetupSeconds)} | ${s(r.trainMeanExecutionSeconds)} |`,
  )
  .join("\n")}

${result.summary}

Command: \`${result.command}\` in ${repoRoot}, after \`build --nobuild\` with the same flags warmed the server up; a fresh output base and a freshly started cluster (tools/remote/cluster.sh) for each run (${result.rows
    .map((r) => `${r.run}: ${r.processes}`)
    .join("; ")}).
- train action: means over the DatabazelTrain spawns of the execution log's \`metrics\`: \`totalTime\` (for a remote one: upload, queue, staging, run, download), \`queueTime\` (waiting for a free worker), \`setupTime\` (the worker staging the inputs from its local CAS) and \`executionWallTime\`.`;
}
