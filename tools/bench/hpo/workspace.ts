// The benchmark's workspace for one run: tools/bench/fixtures/hpo copied into a temporary
// directory, pointed at this repository, its example studies replaced by one tabular_studies(...)
// call per task and seed of the run (generated here rather than checked in: 7 tasks x 10 seeds
// would be 210 targets).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { repoRoot } from "../../build/paths.ts";
import { fillIn } from "../fixtures.ts";
import type { TabularTask } from "./tasks.ts";

export const FIXTURE = join(repoRoot, "tools", "bench", "fixtures", "hpo");

/** The BUILD text of the studies: one tabular_studies call per task and seed, `trials` each. */
export function studiesBuild(tasks: TabularTask[], seeds: number[], trials: number): string {
  return tasks
    .flatMap((task) => seeds.map((seed) => `tabular_studies(\n    n_trials = ${trials},\n    seed = ${seed},\n    task = "${task.key}",\n)\n`))
    .join("\n");
}

/** Copies the fixture into `dir`, pointed at this repository. */
export function copyFixture(dir: string): void {
  // Not the convenience symlinks (bazel-*) of a build in place.
  cpSync(FIXTURE, dir, { recursive: true, filter: (from) => !basename(from).startsWith("bazel-") });
  fillIn(dir, "MODULE.bazel", '"../../../.."', JSON.stringify(repoRoot));
}

/**
 * Fills `dir` with the fixture, pointed at this repository, its example `macro(...)` calls
 * (tabular_studies, mf_studies or mo_studies) replaced by `calls`, the run's, where the first was.
 */
export function fillWorkspace(dir: string, macro: string, calls: string): void {
  copyFixture(dir);
  const build = join(dir, "BUILD.bazel");
  const text = readFileSync(build, "utf8");
  const examples = new RegExp(`^${macro}\\(\\n[\\s\\S]*?^\\)\\n\\n?`, "gm");
  const first = text.search(examples);
  if (first < 0) throw new Error(`${build}: found no ${macro}(...) call to replace`);
  const rest = text.replace(examples, "");
  writeFileSync(build, rest.slice(0, first) + calls + "\n" + rest.slice(first));
}

/** Fills `dir` with the fixture, pointed at this repository, with the run's tabular studies. */
export function fillHpoWorkspace(dir: string, tasks: TabularTask[], seeds: number[], trials: number): void {
  fillWorkspace(dir, "tabular_studies", studiesBuild(tasks, seeds, trials));
}
