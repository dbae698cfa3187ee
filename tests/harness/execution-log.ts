// Counts, from Bazel's JSON execution log, which spawns ran and which a cache served.
import { join } from "node:path";
import { spawns, type Spawn } from "../../tools/bench/execution-log.ts";
import { bazel, type BazelOptions, type BazelResult } from "./bazel.ts";

function countBy(entries: Spawn[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { mnemonic } of entries) if (mnemonic) counts[mnemonic] = (counts[mnemonic] ?? 0) + 1;
  return counts;
}

/** How many spawns of each mnemonic really executed (not served from a cache). */
export function executedByMnemonic(logPath: string): Record<string, number> {
  return countBy(spawns(logPath).filter((s) => !s.cacheHit));
}

/** How many spawns of each mnemonic a disk or remote cache served. */
export function cacheHitsByMnemonic(logPath: string): Record<string, number> {
  return countBy(spawns(logPath).filter((s) => s.cacheHit));
}

/** executedByMnemonic per target: label ("//:search") to mnemonic to count. */
export function executedByTarget(logPath: string): Record<string, Record<string, number>> {
  const byTarget: Record<string, Spawn[]> = {};
  for (const s of spawns(logPath)) if (!s.cacheHit) (byTarget[s.targetLabel ?? ""] ??= []).push(s);
  return Object.fromEntries(Object.entries(byTarget).map(([label, entries]) => [label, countBy(entries)]));
}

export interface LoggedBuild {
  result: BazelResult;
  /** The execution log's path. */
  log: string;
  /** executedByMnemonic of the log, read when first asked for. */
  executed: Record<string, number>;
}

let logs = 0;

/** `bazel build ARGS` with its execution log in a file of its own under `logDir`. */
export async function loggedBuild(args: string[], options: BazelOptions & { logDir: string }): Promise<LoggedBuild> {
  const { logDir, ...bazelOptions } = options;
  const log = join(logDir, `exec-${logs++}.json`);
  const result = await bazel(["build", ...args, `--execution_log_json_file=${log}`], bazelOptions);
  return {
    result,
    log,
    get executed() {
      return executedByMnemonic(log);
    },
  };
}
