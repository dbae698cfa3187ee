// Runs the real Bazel, through the project's launcher, for the integration tests.
import { execa, type Result } from "execa";
import { appendFileSync, cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const launcher = join(repoRoot, "tools", "bazel");

export interface BazelOptions {
  /** The workspace to run in; the repository itself by default. */
  cwd?: string;
  /** Resolve with the failed result instead of throwing when Bazel exits non-zero. */
  allowFailure?: boolean;
}

export type BazelResult = Result<{ all: true; reject: false }>;

/** Runs `tools/bazel ARGS` and returns its exit code and interleaved output. */
export async function bazel(args: string[], options: BazelOptions = {}): Promise<BazelResult> {
  const result = await execa(launcher, args, {
    cwd: options.cwd ?? repoRoot,
    all: true,
    reject: false,
    stdin: "ignore",
  });
  if (result.exitCode !== 0 && !options.allowFailure) {
    throw new Error(`bazel ${args.join(" ")} exited ${result.exitCode}:\n${result.all}`);
  }
  return result;
}

/** The first line Bazel prints for `bazel info KEY`. */
export async function bazelInfo(key: string, options: BazelOptions = {}): Promise<string> {
  const result = await execa(launcher, ["info", key], { cwd: options.cwd ?? repoRoot, stdin: "ignore" });
  return result.stdout.trim();
}

/** The startup options that make a test server's JVM cheap to start (shortLivedServer). */
export const SHORT_LIVED_JVM = "startup --host_jvm_args=-XX:TieredStopAtLevel=1 --host_jvm_args=-XX:+UseSerialGC";

/**
 * Java's class-data archive of a test server (AppCDS): the classes a Bazel server loads, mapped
 * from one file instead of loaded and verified again by each of the run's fifty-odd servers,
 * about 1 CPU-s each (0.9 measured on a small build, 2026-12-07). global-setup.ts makes it once
 * per Bazel version (tests/harness/server-classes.ts), while the first files run: a workspace
 * made before it exists does not name it, since a JVM told of an archive it cannot map maps
 * none, not even the JDK's own.
 */
export const SERVER_CLASSES = join("/tmp", `databazel-test-servers-${readFileSync(join(repoRoot, ".bazelversion"), "utf8").trim()}.jsa`);

/**
 * The startup options of a test workspace's .bazelrc. Its Bazel server lives for one test file,
 * and most of a short-lived JVM's CPU goes to compiling code it will not run for long: with the
 * C1 compiler alone and the serial garbage collector a fresh server spends about a third less CPU
 * on a small build (12 s against 8 s, measured 2026-12-07), and test files run side by side on
 * two cores; it maps the classes of SERVER_CLASSES once that is there. Users' workspaces keep
 * Bazel's defaults.
 */
export function shortLivedServer(): string {
  const archive = existsSync(SERVER_CLASSES) ? [`startup --host_jvm_args=-XX:SharedArchiveFile=${SERVER_CLASSES}`] : [];
  return ["", "# tests/harness: a server that lives for one test file.", SHORT_LIVED_JVM, ...archive, ""].join("\n");
}

/**
 * Makes a fresh workspace in a temporary directory from a map of relative paths to contents.
 * Files under `copy` (repository-relative) are copied in first.
 */
export function makeWorkspace(files: Record<string, string>, copy: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "databazel-test-"));
  for (const rel of copy) cpSync(join(repoRoot, rel), join(dir, rel), { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    // Scripts must be executable to serve as sh_binary sources.
    writeFileSync(join(dir, rel), content, { mode: rel.endsWith(".sh") ? 0o755 : 0o644 });
  }
  appendFileSync(join(dir, ".bazelrc"), shortLivedServer());
  return dir;
}
