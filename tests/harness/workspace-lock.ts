// Test files run in parallel (vitest.config.ts). Most build in a workspace of their own; some
// build in this repository itself or in its e2e/ workspaces in place, and share that workspace's
// Bazel server, output base and bazel-bin. Builds of the same configuration there can take
// turns (Bazel queues each command on the server), so such a file holds the workspace's lock
// shared, from its first Bazel command there to its end. A file that needs the workspace to
// itself (one whose commands could restart the server: other startup options, another
// launcher setting) holds it exclusive, from before its first command. A command with an
// output base of its own (`--output_base=...`) shares nothing and takes no lock.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { expect } from "vitest";

export type LockMode = "shared" | "exclusive";

const held = new Map<string, { holder: ChildProcess; mode: LockMode }>();

/** The checkout this harness belongs to, resolved through symlinks (tests/harness/../..). */
const checkout = realpathSync(join(import.meta.dirname, "..", ".."));

/** Whether `dir` is this checkout or a folder in it (e2e/NAME, a README consumer written there). */
function insideCheckout(dir: string): boolean {
  const rel = relative(checkout, dir);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith("/"));
}

/** Whether Bazel `args` give the command an output base of its own (a startup option). */
export function ownOutputBase(args: string[]): boolean {
  for (const arg of args) {
    if (!arg.startsWith("--")) return false; // the command: startup options end here
    if (arg.startsWith("--output_base=") || arg.startsWith("--output_user_root=")) return true;
  }
  return false;
}

/**
 * Waits for the lock of the workspace `cwd` when it lies in this checkout and this file does not
 * hold it yet. The lock is flock(1) holding a file in the temporary directory for as long as a
 * child `cat` reads this process's pipe: when the test file's process ends, however it ends, the
 * pipe closes and the lock goes with it.
 */
export async function holdWorkspace(cwd: string, mode: LockMode = "shared"): Promise<void> {
  let dir: string;
  try {
    dir = realpathSync(resolve(cwd));
  } catch {
    return;
  }
  if (!insideCheckout(dir)) return;
  const current = held.get(dir);
  if (current) {
    if (mode === "exclusive" && current.mode === "shared") {
      throw new Error(`${dir}: this file holds the workspace shared; take it exclusive in beforeAll, before any Bazel command there`);
    }
    return;
  }
  const digest = createHash("sha256").update(dir).digest("hex").slice(0, 16);
  const lockFile = join(tmpdir(), `databazel-test-workspace-${digest}.lock`);
  const holder = spawn("flock", [mode === "shared" ? "--shared" : "--exclusive", lockFile, "sh", "-c", "echo locked; exec cat >/dev/null"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  held.set(dir, { holder, mode });
  const asked = Date.now();
  await new Promise<void>((resolveLocked, reject) => {
    holder.stdout!.once("data", () => resolveLocked());
    holder.once("error", reject);
    holder.once("exit", (code) => reject(new Error(`flock ${lockFile} exited ${code} before taking the lock`)));
  });
  // DATABAZEL_TEST_LOCK_LOG=FILE: a line per lock taken, for seeing what waits on what.
  const log = process.env.DATABAZEL_TEST_LOCK_LOG;
  if (log) {
    const file = relative(checkout, expect.getState().testPath ?? "?");
    appendFileSync(log, `${JSON.stringify({ file, workspace: relative(checkout, dir) || ".", mode, asked, waitedMs: Date.now() - asked })}\n`);
  }
  // The holder must not keep this process alive, nor its pipes.
  holder.unref();
  holder.stdout!.destroy();
  (holder.stdin as unknown as { unref(): void }).unref();
}

/** Lets go of every workspace this file holds (the end of a test file). */
export function releaseWorkspaces(): void {
  // End of input ends `cat`, and with it flock and the lock.
  for (const { holder } of held.values()) holder.stdin!.end();
  held.clear();
}
