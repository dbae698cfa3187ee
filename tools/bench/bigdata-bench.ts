// The 4 GB part of `npm run bench` (BENCH_BIGDATA=0 skips it): a 10-trial search on a sparse
// 4 GiB training file against the same search on a 1 KiB file, and the time Bazel takes to hash
// the 4 GiB file once (a trivial action on it against one on the 1 KiB file). The workspace is
// tools/bench/fixtures/bigdata. It measures only: slow numbers never fail it.
import { mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bazel, criticalPath, NO_CACHE_FLAGS, processes, removeWorkspace, round } from "./bazel.ts";
import { durationSeconds, executedSpawns, spawns } from "./execution-log.ts";
import { makeWorkspace } from "./fixtures.ts";

const seconds = (text: string | undefined): number => durationSeconds(text) ?? 0;

const BIG_BYTES = 4 * 1024 ** 3;
const SMALL_BYTES = 1024;
/** The searches' trial count, as in tools/bench/fixtures/bigdata/BUILD.bazel. */
const BIGDATA_TRIALS = 10;

export interface BigDataResult {
  searchBigSeconds: number;
  searchSmallSeconds: number;
  differenceSeconds: number;
  hashSeconds: number;
  hashBigSeconds: number;
  hashSmallSeconds: number;
  /** The DatabazelDigest spawns of the 4 GiB search (total): the shims' own one hash of the data. */
  digestActionBigSeconds?: number;
  withinHashPlusOneSecond: boolean;
  processes: Record<string, string>;
  /** Per build: the execution log's spawn totalTime summed by mnemonic, to show where time went. */
  spawnSecondsByMnemonic: Record<string, Record<string, number>>;
  /** Per timed build: Bazel's critical path. */
  criticalPathSeconds: Record<string, number>;
  rounds: number;
  /** Every timed build's wall time, per target; the fastest is the one reported. */
  allSeconds: Record<string, number[]>;
  /** The searches' wall time when they also write the execution log that spawnSecondsByMnemonic reads. */
  withExecutionLogSeconds: Record<string, number>;
}

/** The fixture (the breakdown's MODULE.bazel and trivial rule), and the data files. */
function makeBigDataWorkspace(): string {
  const dir = makeWorkspace("databazel-bench-bigdata-", [
    { dir: "common", files: [".bazelrc", "train.sh", "eval.sh", "test.csv"] },
    { dir: "breakdown", files: ["MODULE.bazel", "bench.bzl", "touch.sh"] },
    { dir: "bigdata" },
  ]);
  makeDataFiles(dir);
  return dir;
}

/**
 * (Re)creates the data files: a new inode and ctime, so Bazel hashes them again rather than
 * reuse a digest it remembers. The big file is sparse: it takes no disk space.
 */
function makeDataFiles(dir: string): void {
  mkdirSync(join(dir, "data"), { recursive: true });
  for (const [name, size] of [["big.bin", BIG_BYTES], ["small.bin", SMALL_BYTES]] as const) {
    const path = join(dir, "data", name);
    rmSync(path, { force: true });
    writeFileSync(path, "");
    truncateSync(path, size);
  }
}

/** BENCH_BIGDATA_ROUNDS: how many times to time each build of the 4 GB part; default 2. */
export function bigDataRounds(text = "2"): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_BIGDATA_ROUNDS=${text}: want a positive integer`);
  return n;
}

/** Times each build `rounds` times from a clean state (the fastest counts), then the searches again with an execution log. */
export async function measureBigData(rounds = 2): Promise<BigDataResult> {
  const dir = makeBigDataWorkspace();
  console.error(`[bench] 4 GB: workspace ${dir}`);
  const wall: Record<string, number> = {};
  const procs: Record<string, string> = {};
  const byMnemonic: Record<string, Record<string, number>> = {};
  const critical: Record<string, number> = {};
  const withLog: Record<string, number> = {};
  const all: Record<string, number[]> = {};
  let digestActionBigSeconds: number | undefined;
  try {
    await bazel(dir, ["build", "--nobuild", ...NO_CACHE_FLAGS, "//:search_small", "//:hash_small"]);
    // Builds `target` from a clean state, its data files new (so Bazel hashes them again).
    const cleanBuild = async (target: string, extra: string[]) => {
      const flags = [...NO_CACHE_FLAGS, ...extra];
      await bazel(dir, ["clean"]);
      await bazel(dir, ["build", "--nobuild", ...flags, `//:${target}`]);
      makeDataFiles(dir);
      return bazel(dir, ["build", ...flags, `//:${target}`]);
    };
    // The timed builds write no execution log (it could add work of its own). Each build runs
    // `rounds` times, the targets taking turns, and the fastest counts: other builds on the
    // machine only ever add time.
    for (let round_ = 1; round_ <= rounds; round_++) {
      for (const target of ["search_small", "search_big", "hash_small", "hash_big"]) {
        console.error(`[bench] 4 GB: //:${target}, round ${round_} of ${rounds}`);
        const build = await cleanBuild(target, []);
        const taken = round(build.seconds);
        if (wall[target] === undefined || taken < wall[target]) {
          wall[target] = taken;
          procs[target] = processes(build.all);
          const path = criticalPath(build.all);
          if (path !== undefined) critical[target] = path;
        }
        (all[target] ??= []).push(taken);
      }
    }
    // Where the searches' time went: the same builds again, with an execution log.
    for (const target of ["search_small", "search_big"]) {
      console.error(`[bench] 4 GB: //:${target} with an execution log`);
      const log = join(dir, `exec-${target}.log.json`);
      const build = await cleanBuild(target, [`--execution_log_json_file=${log}`]);
      withLog[target] = round(build.seconds);
      const sums: Record<string, number> = {};
      for (const spawn of spawns(log)) {
        const key = spawn.mnemonic ?? "?";
        sums[key] = round((sums[key] ?? 0) + seconds(spawn.metrics?.totalTime));
      }
      byMnemonic[target] = sums;
      if (target === "search_big") {
        // One for the training data, one for the test data: the sum is what the shims hash.
        const digests = executedSpawns(log, ["DatabazelDigest"]);
        if (digests.length > 0) digestActionBigSeconds = round(digests.reduce((t, s) => t + seconds(s.metrics?.totalTime), 0));
      }
    }
  } finally {
    await removeWorkspace(dir);
  }
  const get = (k: string): number => wall[k] ?? Number.NaN;
  const differenceSeconds = round(get("search_big") - get("search_small"));
  const hashSeconds = round(get("hash_big") - get("hash_small"));
  return {
    searchBigSeconds: get("search_big"),
    searchSmallSeconds: get("search_small"),
    differenceSeconds,
    hashSeconds,
    hashBigSeconds: get("hash_big"),
    hashSmallSeconds: get("hash_small"),
    ...(digestActionBigSeconds === undefined ? {} : { digestActionBigSeconds }),
    withinHashPlusOneSecond: differenceSeconds <= hashSeconds + 1,
    processes: procs,
    spawnSecondsByMnemonic: byMnemonic,
    criticalPathSeconds: critical,
    withExecutionLogSeconds: withLog,
    rounds,
    allSeconds: all,
  };
}
/** The Markdown section `npm run bench` prints. */
export function bigDataReport(r: BigDataResult): string {
  const s = (x: number | undefined) => (x === undefined ? "n/a" : x.toFixed(2));
  return `| measurement | seconds |
|---|---:|
| ${BIGDATA_TRIALS}-trial search, 4 GiB sparse training file | ${s(r.searchBigSeconds)} |
| ${BIGDATA_TRIALS}-trial search, 1 KiB training file | ${s(r.searchSmallSeconds)} |
| difference | ${s(r.differenceSeconds)} |
| Bazel hashing the 4 GiB file once (trivial action on it − on the 1 KiB file) | ${s(r.hashSeconds)} |
| of the 4 GiB search (with an execution log): its DatabazelDigest actions (databazel hashing the data once, in Node) | ${s(r.digestActionBigSeconds)} |

Difference ≤ Bazel's hash time + 1 s: **${r.withinHashPlusOneSecond ? "yes" : "no"}** (difference − hash time = ${s(
    r.differenceSeconds - r.hashSeconds,
  )} s, against ${s(r.digestActionBigSeconds)} s of DatabazelDigest).
Each build from a clean state: \`tools/bazel clean\`, \`build --nobuild\`, the data files recreated (a new inode, so Bazel hashes them again), then \`build ${NO_CACHE_FLAGS.join(" ")} TARGET\` timed; the fastest of ${r.rounds} rounds (${Object.entries(r.allSeconds)
    .map(([k, v]) => `${k}: ${v.map((x) => x.toFixed(2)).join(", ")} s`)
    .join("; ")}; trivial action: ${s(r.hashBigSeconds)} s on 4 GiB, ${s(r.hashSmallSeconds)} s on 1 KiB; Bazel ran ${Object.entries(
    r.processes,
  )
    .map(([k, v]) => `${k}: ${v}`)
    .join("; ")}).
Where the searches' time went: critical path of the timed build, then, from the same build again with \`--execution_log_json_file\` (its wall time in brackets), the spawns' totalTime summed by mnemonic: ${[
    "search_big",
    "search_small",
  ]
    .map(
      (t) =>
        `${t}: critical path ${s(r.criticalPathSeconds[t])} s; [${s(r.withExecutionLogSeconds[t])} s] ` +
        Object.entries(r.spawnSecondsByMnemonic[t] ?? {})
          .map(([m, x]) => `${m} ${x.toFixed(2)} s`)
          .join(", "),
    )
    .join(". ")}.`;
}
