// Reads Bazel's JSON execution log (--execution_log_json_file): one entry per spawn that ran
// or was served from a cache (`cacheHit`); actions the local action cache skipped are absent.
// The benchmark and the tests both read it.
import { readFileSync } from "node:fs";
import { JsonObjectStream } from "../src/lib/json-stream.ts";

export interface Spawn {
  mnemonic?: string;
  /** The target whose action it is ("//:search"). */
  targetLabel?: string;
  cacheHit?: boolean;
  /** Which spawn runner ran it: "remote", "processwrapper-sandbox", ... */
  runner?: string;
  /** The action's digest, as a Remote Execution API server knows it. */
  digest?: { hash: string };
  listedOutputs?: string[];
  /** Protobuf Durations in their JSON form ("2.305s"); see durationSeconds. */
  metrics?: { executionWallTime?: string; totalTime?: string; queueTime?: string; setupTime?: string };
}

/** A protobuf Duration in its JSON form ("2.305s"), in seconds; undefined when absent. */
export function durationSeconds(text: string | undefined): number | undefined {
  const match = text === undefined ? null : /^(\d+(?:\.\d+)?)s$/.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The log's entries: JSON objects written one after another. */
export function spawns(logPath: string): Spawn[] {
  return new JsonObjectStream().push(readFileSync(logPath, "utf8")) as Spawn[];
}

/** The spawns of the given mnemonics that executed (not served from a cache). */
export const executedSpawns = (logPath: string, mnemonics: string[]): Spawn[] =>
  spawns(logPath).filter((s) => s.mnemonic !== undefined && mnemonics.includes(s.mnemonic) && !s.cacheHit);
