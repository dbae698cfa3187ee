// Where the repository is, for the development scripts (benchmarks, npm packing, the remote
// cluster). Found by walking up to .bazelversion, so it holds from the TS sources and from an
// esbuild bundle of them under node_modules/.cache.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".bazelversion")) && existsSync(join(dir, "MODULE.bazel"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no databazel repository above ${start}`);
  }
}

export const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
