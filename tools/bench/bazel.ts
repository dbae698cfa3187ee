// Runs Bazel for the benchmarks, always through the repository's launcher (tools/bazel).
import { execa } from "execa";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";

export const launcher = join(repoRoot, "tools", "bazel");

/** Runs `tools/bazel ARGS` in `cwd`; throws with Bazel's output when it fails. */
export async function bazel(cwd: string, args: string[]): Promise<{ seconds: number; stdout: string; all: string }> {
  const started = performance.now();
  const result = await execa(launcher, args, { cwd, all: true, reject: false, stdin: "ignore" });
  const seconds = (performance.now() - started) / 1000;
  if (result.exitCode !== 0) {
    throw new Error(`tools/bazel ${args.join(" ")} (in ${cwd}) exited ${result.exitCode}:\n${result.all}`);
  }
  return { seconds, stdout: result.stdout, all: result.all };
}

/** Runs `tools/bazel ARGS` for cleaning up: never throws, only warns. */
export async function bazelQuietly(cwd: string, args: string[]): Promise<boolean> {
  const result = await execa(launcher, args, { cwd, all: true, reject: false, stdin: "ignore" });
  if (result.exitCode !== 0) {
    console.error(`[bench] warning: tools/bazel ${args.join(" ")} exited ${result.exitCode}:\n${result.all}`);
  }
  return result.exitCode === 0;
}

/** Bazel's "N processes: ..." summary, to show what a build executed. */
export const processes = (output: string) => /^INFO: (\d+ process.*?)\.?$/m.exec(output)?.[1] ?? "?";

export const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/** The build's critical path in seconds, as Bazel reports it ("Critical Path: 9.13s"). */
export function criticalPath(output: string): number | undefined {
  const match = /Critical Path: (\d+(?:\.\d+)?)s/.exec(output);
  return match ? Number(match[1]) : undefined;
}

/** A clean state: no disk or remote cache from any bazelrc (tools/bazel's default disk cache). */
export const NO_CACHE_FLAGS = ["--disk_cache=", "--remote_cache=", "--experimental_convenience_symlinks=ignore"];

/** Stops the workspace's server, deletes its output base, then the workspace; never throws. */
export async function removeWorkspace(dir: string): Promise<void> {
  // --expunge also stops the server and deletes the output base, which outlives the workspace.
  if (!(await bazelQuietly(dir, ["clean", "--expunge"]))) await bazelQuietly(dir, ["shutdown"]);
  rmSync(dir, { recursive: true, force: true });
}
