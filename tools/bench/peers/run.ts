// Runs one timed command of a tool, with the per-run cap, and the types every tool shares.
import { execa } from "execa";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Measurement {
  seconds: number;
  /** It overran the cap and was killed: `seconds` is the cap, a lower bound. */
  timedOut: boolean;
  /** What the tool said it ran (Bazel's "N processes: ..."), when it says so. */
  note?: string;
}

export type Phase = "fullCold" | "full" | "noop" | "change";

/** One tool's workspace for one size, kept across the repetitions. */
export interface Session {
  /** Back to the original grid with nothing built (untimed). */
  reset(): Promise<void>;
  /** databazel only: the full run with a Bazel server started for it. */
  fullCold?(cap: number): Promise<Measurement>;
  full(cap: number): Promise<Measurement>;
  /** Undefined for a tool that cannot tell that nothing changed (the bare loops). */
  noop?(cap: number): Promise<Measurement>;
  /** Edits one value of the smaller grid key, then runs what that needs. */
  change(cap: number): Promise<Measurement>;
  /** Stops servers and deletes the workspace; never throws. */
  dispose(): Promise<void>;
}

export interface Tool {
  column: string;
  setup(n: number, root: string): Promise<Session>;
}

/** Thrown when a tool's run fails (not when it is slow): the benchmark stops with its output. */
export class ToolFailed extends Error {}

/**
 * Runs FILE ARGS in CWD and times it. Past `cap` seconds it kills the whole process group (DVC
 * and the shells start children) and reports a timeout; a non-zero exit throws ToolFailed.
 */
export async function timed(
  what: string,
  file: string,
  args: string[],
  options: { cwd: string; cap: number; env?: Record<string, string> },
): Promise<Measurement & { all: string }> {
  const started = performance.now();
  const child = execa(file, args, {
    cwd: options.cwd,
    env: options.env,
    all: true,
    reject: false,
    stdin: "ignore",
    detached: true,
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, options.cap * 1000);
  const result = await child;
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;
  if (timedOut) return { seconds: options.cap, timedOut: true, all: result.all ?? "" };
  if (result.exitCode !== 0) {
    throw new ToolFailed(
      `${what}: \`${[file, ...args].join(" ")}\` (in ${options.cwd}) exited ${result.exitCode ?? result.signal}:\n${result.all}`,
    );
  }
  return { seconds, timedOut: false, all: result.all ?? "" };
}

/** Writes files (paths relative to DIR), creating their directories. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
