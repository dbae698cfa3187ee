// Makes the benchmarks' consumer workspaces from the real files under tools/bench/fixtures/
// (.bazelignore keeps them out of this repository's packages), copied to a temporary directory.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";

const FIXTURES = join(repoRoot, "tools", "bench", "fixtures");

/** A fixture directory (tools/bench/fixtures/<dir>), or only the named files of it. */
export interface FixturePart {
  dir: string;
  files?: string[];
}

/**
 * A fresh directory under the temp directory holding the parts, copied in order (a later part's
 * file replaces an earlier one's; modes kept, so scripts stay executable), with MODULE.bazel's
 * "REPO_ROOT..." paths pointing at this repository.
 */
export function makeWorkspace(prefix: string, parts: FixturePart[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const { dir: part, files } of parts) {
    const from = join(FIXTURES, part);
    if (files === undefined) cpSync(from, dir, { recursive: true });
    else for (const file of files) cpSync(join(from, file), join(dir, file));
  }
  const module = join(dir, "MODULE.bazel");
  // The quoted path's opening quote and prefix, so only string values change, not comments.
  writeFileSync(module, readFileSync(module, "utf8").replaceAll('"REPO_ROOT', JSON.stringify(repoRoot).slice(0, -1)));
  return dir;
}

/** Appends generated targets to the workspace's BUILD.bazel (the fixture holds its fixed part). */
export function appendBuild(dir: string, text: string): void {
  appendFileSync(join(dir, "BUILD.bazel"), text);
}
