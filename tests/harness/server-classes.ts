// Makes SERVER_CLASSES (harness/bazel.ts), the class-data archive test servers map: a server
// that runs a small search writes the classes it loaded when it exits, a second server checks
// the file against the checksums the first recorded, and only a file that passes takes the name
// the servers read. A damaged archive would stop every server from starting; a missing one costs
// each server a second.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bazel, SERVER_CLASSES, SHORT_LIVED_JVM } from "./bazel.ts";
import { scriptSearch } from "./build-file.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./workspace.ts";

/** Writes `lines` as the workspace's startup options in place of the test servers' own. */
function startupOptions(ws: string, lines: string[]): void {
  const rc = join(ws, ".bazelrc");
  const kept = readFileSync(rc, "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("startup "));
  writeFileSync(rc, [...kept, SHORT_LIVED_JVM, ...lines, ""].join("\n"));
}

/**
 * Makes SERVER_CLASSES when it is not there yet; returns what went wrong, if anything (the tests
 * run either way).
 */
export async function makeServerClasses(): Promise<string | undefined> {
  if (existsSync(SERVER_CLASSES)) return undefined;
  const partial = `${SERVER_CLASSES}.${process.pid}.partial`;
  const ws = scriptWorkspace({ "BUILD.bazel": scriptTargets() + scriptSearch({ grid: { lr: ["0.1", "0.2"] } }) });
  try {
    // VerifySharedSpaces records each region's checksum, for the check below.
    startupOptions(ws, [`startup --host_jvm_args=-XX:ArchiveClassesAtExit=${partial} --host_jvm_args=-XX:+VerifySharedSpaces`]);
    const built = await bazel(["build", "//:search"], { cwd: ws, allowFailure: true });
    if (built.exitCode !== 0) return `the build that loads a server's classes failed:\n${built.all}`;
    await bazel(["shutdown"], { cwd: ws, allowFailure: true });
    if (!existsSync(partial)) return "the server wrote no class archive when it exited";
    // -Xshare:on: a server that cannot map every region with its checksum does not start.
    startupOptions(ws, [`startup --host_jvm_args=-XX:SharedArchiveFile=${partial} --host_jvm_args=-XX:+VerifySharedSpaces --host_jvm_args=-Xshare:on`]);
    const checked = await bazel(["info", "release"], { cwd: ws, allowFailure: true });
    if (checked.exitCode !== 0) return `a server could not start with the class archive:\n${checked.all}`;
    renameSync(partial, SERVER_CLASSES);
    return undefined;
  } finally {
    rmSync(partial, { force: true });
    await removeWorkspace(ws);
  }
}
