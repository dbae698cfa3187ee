// Runs Bazel for the CLI: finds the launcher, and runs cquery, query, info and build with it.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { accessSync, constants, existsSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { CliError } from "./errors.ts";

/** The cquery format file, relative to the package root. */
const CQUERY_FILE = join("databazel", "private", "cli", "targets.cquery.bzl");

/**
 * The databazel package the running CLI belongs to: the nearest directory above the running
 * script (databazel/private/bundles/databazel.cjs, or its source) that holds the cquery file.
 */
export function packageRoot(script: string = process.argv[1] ?? ""): string {
  const start = dirname(existsSync(script) ? realpathSync(script) : script);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CQUERY_FILE))) return dir;
    if (dirname(dir) === dir) {
      throw new CliError(`cannot find ${CQUERY_FILE} in any directory above ${start}; is this CLI part of a databazel checkout, its npm package or @databazel//:databazel?`);
    }
  }
}

export function cqueryFormatFile(root: string): string {
  return join(root, CQUERY_FILE);
}

/** How Bazel is run: a command, and why it was chosen (for messages). */
export interface Launcher {
  command: string;
  source: string;
}

/** The executable `name` in a directory of $PATH, if there is one. */
export function onPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The workspace directory `bazel run` started the CLI from (BUILD_WORKING_DIRECTORY, else
 * BUILD_WORKSPACE_DIRECTORY), or undefined when Bazel did not start it.
 */
export function bazelRunDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BUILD_WORKING_DIRECTORY || env.BUILD_WORKSPACE_DIRECTORY || undefined;
}

/**
 * The Bazel to run. $DATABAZEL_BAZEL first, in every case. Started by `bazel run` (as
 * `@databazel//:databazel`), the Bazel that started it: $BAZEL_REAL (set by bazelisk and Bazel's
 * own wrapper when a tools/bazel wrapper ran it), else `bazel` on PATH. Otherwise the launcher
 * tools/bazel beside the CLI (a databazel checkout), else `bazel` on PATH.
 */
export function findLauncher(root: string, env: NodeJS.ProcessEnv = process.env): Launcher {
  if (env.DATABAZEL_BAZEL) return { command: env.DATABAZEL_BAZEL, source: `DATABAZEL_BAZEL=${env.DATABAZEL_BAZEL}` };
  const fromBazelRun = bazelRunDirectory(env) !== undefined;
  if (fromBazelRun && env.BAZEL_REAL) return { command: env.BAZEL_REAL, source: `BAZEL_REAL=${env.BAZEL_REAL}` };
  const bazel = onPath("bazel", env);
  if (fromBazelRun && bazel) return { command: bazel, source: `${bazel} (on PATH)` };
  const launcher = join(root, "tools", "bazel");
  if (existsSync(launcher)) return { command: launcher, source: `the launcher ${launcher}` };
  if (bazel) return { command: bazel, source: `${bazel} (on PATH)` };
  throw new CliError(
    "no Bazel found: DATABAZEL_BAZEL is unset, `bazel` is not on PATH and there is no tools/bazel beside this CLI. " +
      "Set DATABAZEL_BAZEL to your Bazel (or bazelisk), or put `bazel` on PATH.",
  );
}

/** Returns Bazel's ERROR lines, or its last lines when it printed none. */
export function bazelErrors(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => l.trim() !== "");
  const errors = lines.filter((l) => l.startsWith("ERROR:") && !l.includes("did NOT complete successfully"));
  return (errors.length > 0 ? errors : lines.slice(-10)).join("\n");
}

/**
 * Bazel's exit code for a build that needed an output the cache no longer holds, which Bazel knew
 * only by digest (--incompatible_remote_use_new_exit_code_for_lost_inputs, on by default).
 */
export const LOST_INPUTS_EXIT = 39;

/** What to do about LOST_INPUTS_EXIT: Bazel's own message ("Failed to fetch blobs ...") names no remedy. */
export const LOST_INPUTS_HELP = [
  "the cache lost outputs of earlier actions that this build reads (a disk cache trimmed by its GC or deleted, or a remote cache that evicted them); " +
    "Bazel had left them in the cache (--remote_download_outputs=toplevel, its default) and cannot fetch them now.",
  "Fix: build again: Bazel has forgotten the lost outputs and runs the actions that made them. So that a build never stops on it, add to your .bazelrc:",
  "  build --experimental_remote_cache_eviction_retries=5",
  "  build --remote_download_outputs=all",
  "(the first builds again by itself; the second keeps every output in bazel-out, so that a local build reads none from the cache).",
].join("\n");

/** Bazel in the current directory's workspace, with the user's extra flags. */
export class Bazel {
  #executionRoot: string | undefined;

  constructor(
    readonly launcher: Launcher,
    /** Flags for every cquery and build (the same flags, so that output paths agree). */
    readonly flags: readonly string[],
    readonly cwd: string = process.cwd(),
  ) {}

  #capture(args: string[]): SpawnSyncReturns<string> {
    const result = spawnSync(this.launcher.command, args, {
      cwd: this.cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 1 << 30,
    });
    if (result.error) throw new CliError(`cannot run Bazel (${this.launcher.source}): ${result.error.message}`);
    return result;
  }

  /** `bazel cquery EXPRESSION --output=starlark` with the format file: one line per configured target. */
  cquery(expression: string, formatFile: string): string[] {
    const result = this.#capture([
      "cquery",
      ...this.flags,
      "--output=starlark",
      `--starlark:file=${formatFile}`,
      "--",
      expression,
    ]);
    if (result.status !== 0) {
      throw new CliError(`bazel cquery ${expression} failed:\n${bazelErrors(result.stderr)}`);
    }
    return result.stdout.split("\n").filter((l) => l.trim() !== "");
  }

  /** What `bazel query --output=label_kind` says a label is ("node_binary rule", "source file"), if it can. */
  labelKind(label: string): string | undefined {
    const result = this.#capture(["query", "--output=label_kind", "--", label]);
    if (result.status !== 0) return undefined;
    const line = result.stdout.split("\n").find((l) => l.trim() !== "");
    const match = line?.match(/^(.*) \S+$/);
    return match?.[1];
  }

  /**
   * A rule's attributes as `bazel query --output=streamed_jsonproto` prints them (after its macro
   * ran), by name; undefined when the query fails or the label is not a rule.
   */
  ruleAttributes(label: string): Map<string, Record<string, unknown>> | undefined {
    const result = this.#capture(["query", "--output=streamed_jsonproto", "--", label]);
    if (result.status !== 0) return undefined;
    try {
      const line = result.stdout.split("\n").find((l) => l.trim() !== "");
      const rule = line === undefined ? undefined : (JSON.parse(line) as { rule?: { attribute?: Record<string, unknown>[] } }).rule;
      if (!rule?.attribute) return undefined;
      return new Map(rule.attribute.filter((a) => typeof a.name === "string").map((a) => [a.name as string, a]));
    } catch {
      return undefined;
    }
  }

  #info(key: string): string {
    const result = this.#capture(["info", key]);
    if (result.status !== 0) throw new CliError(`bazel info ${key} failed:\n${bazelErrors(result.stderr)}`);
    return result.stdout.trim();
  }

  /** Bazel's execution root: every File.path cquery reports is relative to it. */
  executionRoot(): string {
    this.#executionRoot ??= this.#info("execution_root");
    return this.#executionRoot;
  }

  /** The workspace's output base: Bazel's own directory for it, outside the source tree. */
  outputBase(): string {
    return this.#info("output_base");
  }

  /**
   * `bazel build` of exactly `outputGroups` of `labels` ("default": their default outputs), with
   * Bazel's progress on stderr (its stdout too, so that ours stays clean).
   */
  build(labels: string[], outputGroups: string[]): void {
    const args = ["build", ...this.flags, `--output_groups=${outputGroups.join(",")}`];
    args.push("--", ...labels);
    const result = spawnSync(this.launcher.command, args, { cwd: this.cwd, stdio: ["ignore", 2, "inherit"] });
    if (result.error) throw new CliError(`cannot run Bazel (${this.launcher.source}): ${result.error.message}`);
    if (result.status === LOST_INPUTS_EXIT) {
      throw new CliError(`bazel build ${labels.join(" ")} failed (exit ${result.status}): ${LOST_INPUTS_HELP}`);
    }
    if (result.status !== 0) {
      throw new CliError(`bazel build ${labels.join(" ")} failed (exit ${result.status}); Bazel's messages are above.`);
    }
  }
}
