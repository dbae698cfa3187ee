// The scheduler part of `npm run bench`: what successive halving saves against training
// every configuration to the end. It builds //mnist:bzl_halving (27 configurations of a random
// space, rungs at 1, 3 and 9 epochs, reduction factor 3, decided on the validation digits) and
// //mnist:bzl_halving_full (the same 27 configurations, same seed, each trained 9 epochs), then
// //mnist:bzl_hyperband (Hyperband's 3 brackets, 17 configurations), each from a clean state (a
// fresh output base, no cache). From each build's execution log and run records it counts the
// epochs the train actions really trained (a pruned trial's skipped segments train none) and
// their time; from the leaderboard, the best test accuracy. It measures only: it asserts nothing.
import { join } from "node:path";
import { readLeaderboard } from "../src/formats/leaderboard.ts";
import { round } from "./bazel.ts";
import { CLEAN_FLAGS, measureTraining, type PrefixRow } from "./prefix-bench.ts";

export const SCHEDULER_SEARCHES = [
  { search: "successive halving (27 configurations, 1-3-9 epochs)", target: "//mnist:bzl_halving", leaderboard: "mnist/bzl_halving.leaderboard.json" },
  { search: "the same 27 configurations, each 9 epochs", target: "//mnist:bzl_halving_full", leaderboard: "mnist/bzl_halving_full.leaderboard.json" },
  { search: "Hyperband (17 configurations in 3 brackets, 1-9 epochs)", target: "//mnist:bzl_hyperband", leaderboard: "mnist/bzl_hyperband.leaderboard.json" },
] as const;

export interface SchedulerRow extends PrefixRow {
  /** The best trial's test accuracy, in percent. */
  bestAccuracy: number;
  bestTrial: string;
  /** Trials that trained to the end (not pruned). */
  completed: number;
  trials: number;
}

export interface SchedulerResult {
  command: string;
  rows: SchedulerRow[];
  summary: string;
}

export async function measureScheduler(): Promise<SchedulerResult> {
  const rows: SchedulerRow[] = [];
  for (const { search, target, leaderboard } of SCHEDULER_SEARCHES) {
    const { inspected, ...row } = await measureTraining(search, target, CLEAN_FLAGS, (bin) => readLeaderboard(join(bin, leaderboard)));
    const board = inspected!;
    const best = board.trials[0]!;
    rows.push({
      ...row,
      bestAccuracy: round((best.value ?? Number.NaN) * 100),
      bestTrial: best.trial,
      completed: board.trials.filter((t) => t.outcome === "succeeded").length,
      trials: board.trials.length,
    });
  }
  const [halving, full] = rows as [SchedulerRow, SchedulerRow];
  const ratio = (a: number, b: number) => (b === 0 ? "n/a" : (a / b).toFixed(2));
  const summary =
    `Successive halving trained ${halving.epochsTrained} epochs instead of ${full.epochsTrained} ` +
    `(${ratio(halving.epochsTrained, full.epochsTrained)} of the epochs; target at most 0.33), in ` +
    `${ratio(halving.trainingSeconds, full.trainingSeconds)} of the training time ` +
    `(${halving.trainingSeconds.toFixed(2)} s vs ${full.trainingSeconds.toFixed(2)} s) and ` +
    `${ratio(halving.buildWallSeconds, full.buildWallSeconds)} of the build's wall time. Its best test accuracy is ` +
    `${halving.bestAccuracy.toFixed(2)} % against ${full.bestAccuracy.toFixed(2)} % ` +
    `(${(halving.bestAccuracy - full.bestAccuracy).toFixed(2)} points; target within 0.5).`;
  const command = `tools/bazel --output_base=FRESH_DIR build --experimental_convenience_symlinks=ignore ${CLEAN_FLAGS.join(" ")} TARGET --execution_log_json_file=PATH`;
  return { command, rows, summary };
}

export function schedulerReport(result: SchedulerResult): string {
  const s = (x: number) => x.toFixed(2);
  return `| search | trials (completed) | train actions | epochs trained | training time (s) | build wall time (s) | best test accuracy (%) |
|---|---:|---:|---:|---:|---:|---:|
${result.rows
  .map(
    (r) =>
      `| ${r.search} | ${r.trials} (${r.completed}) | ${r.trainActions} | ${r.epochsTrained} | ${s(r.trainingSeconds)} | ${s(r.buildWallSeconds)} | ${s(r.bestAccuracy)} |`,
  )
  .join("\n")}

${result.summary}

Command: \`${result.command}\`, once per search (${result.rows.map((r) => `\`${r.target}\`: ${r.processes}`).join("; ")}).
- train actions: DatabazelTrain spawns that executed, skipped segments of pruned trials included (they copy a checkpoint);
- epochs trained: summed over those, end - start of each segment that trained (a skipped one trains 0), from its run record;
- training time: the sum of those spawns' \`executionWallTime\` from the execution log;
- best test accuracy: rank 1 of the leaderboard (trials that trained to the end rank first), on the 2 000 test digits.`;
}
