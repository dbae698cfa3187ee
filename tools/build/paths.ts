// Where the repository is, for the build scripts and the freshness tests that share them.
// Found by walking up to .bazelversion, so it holds from the TS sources and from their bundle;
// a Bazel action that runs a bundle (which is not in the tree) names it in DATABAZEL_REPO_ROOT.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".bazelversion")) && existsSync(join(dir, "MODULE.bazel"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no databazel repository above ${start}`);
  }
}

export const repoRoot = process.env["DATABAZEL_REPO_ROOT"] ?? findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** Generated from TypeScript by tools/build/gen-contract.ts. */
export const contractBzl = join(repoRoot, "databazel", "private", "contract.bzl");
