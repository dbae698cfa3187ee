// The sampler part of `npm run bench`: TPE against random search on mnist, at several seeds.
// For each seed (BENCH_SAMPLER_SEEDS, default 1,2,3,4,5) it builds //mnist:bzl_tpe_search (16
// trials in 4 batches of 4, each later batch proposed from the earlier ones' validation
// accuracy) and //mnist:bzl_random_16 (16 random trials; same space, data and seed) with
// --//mnist:search_seed=N, each from a clean state (a fresh output base, no cache), and reads
// the best test accuracy from the leaderboard and the wall time of the build. It measures only.
import { join } from "node:path";
import { readLeaderboard } from "../src/formats/leaderboard.ts";
import { round } from "./bazel.ts";
import { CLEAN_FLAGS, measureTraining } from "./prefix-bench.ts";

export const SAMPLER_SEARCHES = [
  { search: "TPE", target: "//mnist:bzl_tpe_search", leaderboard: "mnist/bzl_tpe_search.leaderboard.json" },
  { search: "random", target: "//mnist:bzl_random_16", leaderboard: "mnist/bzl_random_16.leaderboard.json" },
] as const;

export interface SamplerRow {
  seed: number;
  search: string;
  /** The best trial's test accuracy, in percent. */
  bestAccuracy: number;
  buildWallSeconds: number;
  trainingSeconds: number;
}

export interface SamplerResult {
  command: string;
  rows: SamplerRow[];
  summary: string;
}

export function samplerSeeds(text = "1,2,3,4,5"): number[] {
  const seeds = text.split(",").map((s) => Number(s.trim()));
  if (seeds.length === 0 || seeds.some((n) => !Number.isInteger(n) || n < 1 || n > 5)) {
    throw new Error(`BENCH_SAMPLER_SEEDS=${text}: want seeds from 1 to 5 (//mnist:search_seed's values), comma-separated`);
  }
  return seeds;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function measureSampler(seeds: number[]): Promise<SamplerResult> {
  const rows: SamplerRow[] = [];
  for (const seed of seeds) {
    for (const { search, target, leaderboard } of SAMPLER_SEARCHES) {
      const flags = [...CLEAN_FLAGS, `--//mnist:search_seed=${seed}`];
      const { inspected, buildWallSeconds, trainingSeconds } = await measureTraining(search, target, flags, (bin) =>
        readLeaderboard(join(bin, leaderboard)),
      );
      rows.push({ seed, search, bestAccuracy: round((inspected!.trials[0]!.value ?? Number.NaN) * 100), buildWallSeconds, trainingSeconds });
    }
  }
  const of = (search: string, key: "bestAccuracy" | "buildWallSeconds") => median(rows.filter((r) => r.search === search).map((r) => r[key]));
  const wins = seeds.filter((seed) => {
    const [tpe, random] = SAMPLER_SEARCHES.map(({ search }) => rows.find((r) => r.seed === seed && r.search === search)!.bestAccuracy);
    return tpe! > random!;
  }).length;
  const summary =
    `Median best test accuracy: TPE ${of("TPE", "bestAccuracy").toFixed(2)} %, random ${of("random", "bestAccuracy").toFixed(2)} %; ` +
    `TPE was better at ${wins} of ${seeds.length} seeds. Median build wall time: TPE ${of("TPE", "buildWallSeconds").toFixed(2)} s, ` +
    `random ${of("random", "buildWallSeconds").toFixed(2)} s (TPE's batches run one after another).`;
  const command = `tools/bazel --output_base=FRESH_DIR build --experimental_convenience_symlinks=ignore ${CLEAN_FLAGS.join(" ")} --//mnist:search_seed=N TARGET`;
  return { command, rows, summary };
}

export function samplerReport(result: SamplerResult): string {
  const seeds = [...new Set(result.rows.map((r) => r.seed))];
  const cell = (seed: number, search: string) => result.rows.find((r) => r.seed === seed && r.search === search)!;
  return `| seed | TPE best test accuracy (%) | random best test accuracy (%) | TPE build (s) | random build (s) |
|---:|---:|---:|---:|---:|
${seeds
  .map((seed) => {
    const [tpe, random] = [cell(seed, "TPE"), cell(seed, "random")];
    return `| ${seed} | ${tpe.bestAccuracy.toFixed(2)} | ${random.bestAccuracy.toFixed(2)} | ${tpe.buildWallSeconds.toFixed(2)} | ${random.buildWallSeconds.toFixed(2)} |`;
  })
  .join("\n")}

${result.summary}

Command: \`${result.command}\`, for each seed and target: \`//mnist:bzl_tpe_search\` (16 trials in 4 batches of 4) and \`//mnist:bzl_random_16\` (16 random trials), the same space, training digits (\`:fit\`), seed and 3 epochs per trial; best test accuracy is rank 1 of the leaderboard on the 2 000 test digits; build time includes the server's start-up in a fresh output base.`;
}
