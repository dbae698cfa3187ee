// Reads Bazel's JSON execution log (--execution_log_json_file): one entry per spawn that ran
// or was served from a cache (`cacheHit`). Actions the local action cache skipped are absent.
import { readFileSync } from "node:fs";

interface Spawn {
  mnemonic?: string;
  cacheHit?: boolean;
}

/** The log's entries: JSON objects written one after another. */
export function spawns(logPath: string): Spawn[] {
  const text = readFileSync(logPath, "utf8");
  const out: Spawn[] = [];
  let depth = 0;
  let start = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" && depth++ === 0) start = i;
    else if (c === "}" && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)) as Spawn);
  }
  return out;
}

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
