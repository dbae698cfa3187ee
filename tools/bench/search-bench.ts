// `npm run bench [-- --json PATH]`: how hyperparam_search's analysis scales with its trial count,
// then the other parts, each in its own file (tools/bench/README.md lists them, their BENCH_*
// variables and where their figures go). For each size N (BENCH_SIZES, default
// 10,100,1000,10000; empty: none) it makes a workspace with an N-trial search, warms a Bazel
// server up, then times `build --nobuild` of the search and reads the heap after it. For
// N = 1000 it also runs the 2N actions and times a no-op rebuild. It measures only: slow numbers
// never fail it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { bazel, processes, removeWorkspace, round } from "./bazel.ts";
import { bigDataReport, bigDataRounds, measureBigData, type BigDataResult } from "./bigdata-bench.ts";
import { breakdownReport, breakdownSize, measureBreakdown, type BreakdownResult } from "./breakdown-bench.ts";
import { schedulerReport, measureScheduler, type SchedulerResult } from "./scheduler-bench.ts";
import { measurePrefixSharing, prefixReport, type PrefixResult } from "./prefix-bench.ts";
import { measureSampler, samplerReport, samplerSeeds, type SamplerResult } from "./sampler-bench.ts";
import { analysisPhaseSeconds } from "./profile.ts";
import { measureRemote, remoteBenchUnavailable, remoteReport, type RemoteResult } from "./remote-bench.ts";
import { gridShape, makeBenchWorkspace } from "./workspace.ts";

const NOOP_SIZE = 1000;

interface Row {
  trials: number;
  grid: string;
  analysisWallSeconds: number;
  analysisPhaseSeconds: number;
  heapAfterAnalysisMB: number;
  maxHeapMB: number;
  fullBuildSeconds?: number;
  noopRebuildSeconds?: number;
  /** Bazel's "N processes: ..." summaries, to show what the builds executed. */
  fullBuildProcesses?: string;
  noopRebuildProcesses?: string;
}

function parseArgs(argv: string[]): { json?: string } {
  if (argv.length === 0) return {};
  if (argv.length === 2 && argv[0] === "--json") return { json: argv[1] };
  throw new Error(`usage: npm run bench [-- --json PATH]; got ${argv.join(" ")}`);
}

function parseSizes(text = "10,100,1000,10000"): number[] {
  if (text.trim() === "") return [];
  const sizes = text.split(",").map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES=${text}: want positive integers`);
  return sizes;
}

/** `bazel info` with several keys prints "key: 123MB" lines. */
function megabytes(info: string, key: string): number {
  const match = new RegExp(`^${key}: (\\d+)MB$`, "m").exec(info);
  if (!match) throw new Error(`no ${key} in bazel info output:\n${info}`);
  return Number(match[1]);
}

/** BENCH_PREFIX / BENCH_SCHEDULER / BENCH_REMOTE / BENCH_BREAKDOWN / BENCH_BIGDATA: 1 (the default) runs that part, 0 skips it. */
function parsePart(name: string, what: string, text = "1"): boolean {
  if (text === "0" || text === "1") return text === "1";
  throw new Error(`${name}=${text}: want 0 (skip the ${what} part) or 1`);
}

const ANALYSIS_ARGS = ["build", "--nobuild", "//:search"];

async function measure(n: number): Promise<Row> {
  const dir = makeBenchWorkspace(n);
  const [a, b] = gridShape(n);
  console.error(`[bench] ${n} trials (${a} x ${b}) in ${dir}`);
  try {
    // A one-trial search in the same package: loads databazel and resolves the toolchains, so
    // the timed command analyses only the big search.
    await bazel(dir, ["build", "--nobuild", "//:warmup"]);
    const profile = join(dir, "analysis.profile.json.gz");
    const analysis = await bazel(dir, [...ANALYSIS_ARGS, `--profile=${profile}`]);
    const info = (await bazel(dir, ["info", "used-heap-size-after-gc", "max-heap-size"])).stdout;
    const row: Row = {
      trials: n,
      grid: `${a} x ${b}`,
      analysisWallSeconds: round(analysis.seconds),
      analysisPhaseSeconds: round(analysisPhaseSeconds(profile)),
      heapAfterAnalysisMB: megabytes(info, "used-heap-size-after-gc"),
      maxHeapMB: megabytes(info, "max-heap-size"),
    };
    if (n === NOOP_SIZE) {
      console.error(`[bench] ${n} trials: full build (${2 * n} train/eval actions)`);
      const full = await bazel(dir, ["build", "//:search"]);
      const noop = await bazel(dir, ["build", "//:search"]);
      row.fullBuildSeconds = round(full.seconds);
      row.fullBuildProcesses = processes(full.all);
      row.noopRebuildSeconds = round(noop.seconds);
      row.noopRebuildProcesses = processes(noop.all);
      // Every action reads databazel's shims: editing the repository mid-run makes this a rebuild.
      if (row.noopRebuildProcesses !== "1 process: 1 internal") {
        console.error(`[bench] warning: the no-op rebuild ran ${row.noopRebuildProcesses}; did ${repoRoot} change?`);
      }
    }
    return row;
  } finally {
    await removeWorkspace(dir);
  }
}

function table(rows: Row[]): string {
  const s = (x: number | undefined) => (x === undefined ? "" : x.toFixed(2));
  return [
    "| trials | grid | analysis wall time (s) | analysis phase (s) | heap after analysis (MB) | full build (s) | no-op rebuild (s) |",
    "|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.trials} | ${r.grid} | ${s(r.analysisWallSeconds)} | ${s(r.analysisPhaseSeconds)} | ` +
        `${r.heapAfterAnalysisMB} | ${s(r.fullBuildSeconds)} | ${s(r.noopRebuildSeconds)} |`,
    ),
  ].join("\n");
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const sizes = parseSizes(process.env.BENCH_SIZES);
  const prefix = parsePart("BENCH_PREFIX", "prefix-sharing", process.env.BENCH_PREFIX);
  const scheduler = parsePart("BENCH_SCHEDULER", "scheduler", process.env.BENCH_SCHEDULER);
  const sampler = parsePart("BENCH_SAMPLER", "TPE-against-random", process.env.BENCH_SAMPLER);
  const seeds = samplerSeeds(process.env.BENCH_SAMPLER_SEEDS);
  const remote = parsePart("BENCH_REMOTE", "remote-execution", process.env.BENCH_REMOTE);
  const breakdown = parsePart("BENCH_BREAKDOWN", "per-action breakdown", process.env.BENCH_BREAKDOWN);
  const breakdownN = breakdownSize(process.env.BENCH_BREAKDOWN_N);
  const bigData = parsePart("BENCH_BIGDATA", "4 GB training file", process.env.BENCH_BIGDATA);
  const rounds = bigDataRounds(process.env.BENCH_BIGDATA_ROUNDS);
  if (sizes.length === 0 && !prefix && !scheduler && !sampler && !remote && !breakdown && !bigData) {
    throw new Error(
      "BENCH_SIZES= (empty), BENCH_PREFIX=0, BENCH_SCHEDULER=0, BENCH_SAMPLER=0, BENCH_REMOTE=0, BENCH_BREAKDOWN=0 and BENCH_BIGDATA=0: nothing to measure",
    );
  }

  const env = [
    `BENCH_SIZES=${sizes.join(",")}`,
    ...(prefix ? [] : ["BENCH_PREFIX=0"]),
    ...(scheduler ? [] : ["BENCH_SCHEDULER=0"]),
    ...(sampler ? [`BENCH_SAMPLER_SEEDS=${seeds.join(",")}`] : ["BENCH_SAMPLER=0"]),
    ...(remote ? [] : ["BENCH_REMOTE=0"]),
    ...(breakdown ? [`BENCH_BREAKDOWN_N=${breakdownN}`] : ["BENCH_BREAKDOWN=0"]),
    ...(bigData ? [`BENCH_BIGDATA_ROUNDS=${rounds}`] : ["BENCH_BIGDATA=0"]),
  ].join(" ");
  const invocation = `${env} npm run bench${options.json ? ` -- --json ${options.json}` : ""}`;
  // `bazel info release` says "development version" for the offline (Debian) Bazel.
  const bazelVersion = `Bazel ${readFileSync(join(repoRoot, ".bazelversion"), "utf8").trim()}`;

  const rows: Row[] = [];
  for (const n of sizes) rows.push(await measure(n));
  if (rows.length > 0) {
    console.log(`${table(rows)}

Command: \`${invocation}\` (${bazelVersion}, through tools/bazel)
- analysis wall time: \`tools/bazel ${ANALYSIS_ARGS.join(" ")} --profile=PATH\` on a server warmed up by \`build --nobuild //:warmup\` (a one-trial search), including the launcher and client;
- analysis phase: the same command's "Load and analyze dependencies" phase, from its profile;
- heap: \`tools/bazel info used-heap-size-after-gc\` right after it (max heap ${rows[0]?.maxHeapMB ?? "?"} MB);
- full build and no-op rebuild (${NOOP_SIZE} trials only): \`tools/bazel build //:search\`, twice${rows
      .filter((r) => r.fullBuildProcesses)
      .map((r) => `; Bazel ran ${r.fullBuildProcesses} then ${r.noopRebuildProcesses}`)
      .join("")}.`);
  }

  let prefixSharing: PrefixResult | undefined;
  if (prefix) {
    prefixSharing = await measurePrefixSharing();
    console.log(`${rows.length > 0 ? "\n" : ""}## Prefix sharing\n\n${prefixReport(prefixSharing)}`);
  }
  let schedulerSearch: SchedulerResult | undefined;
  if (scheduler) {
    schedulerSearch = await measureScheduler();
    console.log(`\n## The scheduler\n\n${schedulerReport(schedulerSearch)}`);
  }
  let samplerSearch: SamplerResult | undefined;
  if (sampler) {
    samplerSearch = await measureSampler(seeds);
    console.log(`\n## TPE against random search\n\n${samplerReport(samplerSearch)}`);
  }
  let remoteExecution: RemoteResult | undefined;
  const remoteSkipped = remote ? remoteBenchUnavailable() : undefined;
  if (remoteSkipped) console.log(`\n## Remote execution\n\nSkipped: ${remoteSkipped}.`);
  else if (remote) {
    remoteExecution = await measureRemote();
    console.log(`\n## Remote execution\n\n${remoteReport(remoteExecution)}`);
  }
  let costBreakdown: BreakdownResult | undefined;
  if (breakdown) {
    costBreakdown = await measureBreakdown(breakdownN);
    console.log(`\n## Per-action cost breakdown\n\n${breakdownReport(costBreakdown)}`);
  }
  let bigTrainingFile: BigDataResult | undefined;
  if (bigData) {
    bigTrainingFile = await measureBigData(rounds);
    console.log(`\n## 4 GB training file\n\n${bigDataReport(bigTrainingFile)}`);
  }
  if (rows.length === 0) console.log(`\nCommand: \`${invocation}\` (${bazelVersion}, through tools/bazel)`);

  if (options.json) {
    writeFileSync(
      options.json,
      JSON.stringify(
        {
          command: invocation,
          bazel: bazelVersion,
          rows,
          ...(prefixSharing ? { prefixSharing } : {}),
          ...(schedulerSearch ? { schedulerSearch } : {}),
          ...(samplerSearch ? { samplerSearch } : {}),
          ...(remoteExecution ? { remoteExecution } : {}),
          ...(costBreakdown ? { costBreakdown } : {}),
          ...(bigTrainingFile ? { bigTrainingFile } : {}),
        },
        null,
        2,
      ) +
        "\n",
    );
    console.error(`[bench] wrote ${options.json}`);
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
