// Counts, from Bazel's JSON execution log, which spawns ran and which a cache served.
import { spawns, type Spawn } from "../../tools/bench/execution-log.ts";

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
