// The order test files start in. On a fresh clone vitest knows no durations and starts the
// largest files first; these take longest (in the full run of 2026-12-07 on the project's 2-core
// machine, tests/README.md), so they start first, and the run does not end waiting on one of them.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Longest first; the rest follow in vitest's own order (its recorded durations, else file size). */
const LONGEST = [
  "sklearn-digits",
  "remote",
  "hpo-bench-small",
  "loading-errors",
  "cli",
  "lost-blobs",
  "examples-in-place",
  "e2e",
  "big-data",
  "optuna-sampler",
  "scheduler",
  "resume",
  "sampler",
  "wrong-metric",
  "outcomes",
];

const rank = (spec: TestSpecification): number => {
  const name = /([\w-]+)\.test\.ts$/.exec(spec.moduleId)?.[1] ?? "";
  const at = LONGEST.indexOf(name);
  return at === -1 ? LONGEST.length : at;
};

export default class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: files of equal rank keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
