// Makes the benchmarks' consumer workspaces from the real files under tools/bench/fixtures/
// (.bazelignore keeps them out of this repository's packages).
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

/** The text of a fixture file, `path` under tools/bench/fixtures. */
export const fixtureText = (path: string): string => readFileSync(join(FIXTURES, path), "utf8");

/** Copies the parts into `dir` in order (a later part's file replaces an earlier one's), modes kept. */
export function copyFixtures(dir: string, parts: FixturePart[]): void {
  for (const { dir: part, files } of parts) {
    const from = join(FIXTURES, part);
    if (files === undefined) cpSync(from, dir, { recursive: true });
    else for (const file of files) cpSync(join(from, file), join(dir, file));
  }
}

/** Replaces every `placeholder` in the workspace's file `rel` with `value`. */
export function fillIn(dir: string, rel: string, placeholder: string, value: string): void {
  const path = join(dir, rel);
  writeFileSync(path, readFileSync(path, "utf8").replaceAll(placeholder, value));
}

/** Points MODULE.bazel's "REPO_ROOT..." paths at this repository (string values only, not comments). */
export const fillInRepoRoot = (dir: string): void => fillIn(dir, "MODULE.bazel", '"REPO_ROOT', JSON.stringify(repoRoot).slice(0, -1));

/** A fresh directory under the temp directory holding the parts, MODULE.bazel filled in. */
export function makeWorkspace(prefix: string, parts: FixturePart[]): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copyFixtures(dir, parts);
  fillInRepoRoot(dir);
  return dir;
}

/** Appends generated targets to the workspace's BUILD.bazel (the fixture holds its fixed part). */
export function appendBuild(dir: string, text: string): void {
  appendFileSync(join(dir, "BUILD.bazel"), text);
}
