// Reads Bazel's JSON execution log (--execution_log_json_file): it lists the spawns that
// really ran, so it tells which actions executed and which were cache hits.
import { readFileSync } from "node:fs";

/** How many spawns of each mnemonic the log records. */
export function executedByMnemonic(logPath: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of readFileSync(logPath, "utf8").matchAll(/"mnemonic":\s*"([^"]+)"/g)) {
    const mnemonic = match[1]!;
    counts[mnemonic] = (counts[mnemonic] ?? 0) + 1;
  }
  return counts;
}
