import { defineConfig } from "vitest/config";
import SlowFirst from "./tests/harness/slow-first.ts";

/** Test files that start no Bazel: pure TypeScript, the static checks and the docs' links (tests/README.md). */
const UNIT = [
  "tests/docs-links.test.ts",
  "tests/formats.test.ts",
  "tests/hpo-bench.test.ts",
  "tests/hpo-mf-regret.test.ts",
  "tests/hpo-mo.test.ts",
  "tests/import-graph.test.ts",
  "tests/metrics.test.ts",
  "tests/mosampler.test.ts",
  "tests/pareto.test.ts",
  "tests/pareto-views.test.ts",
  "tests/promote.test.ts",
  "tests/static-checks.test.ts",
  "tests/tpe.test.ts",
];

export default defineConfig({
  test: {
    // Files run side by side, each in a process of its own. Those that build in a workspace of
    // this repository (the repository, e2e/*) share its Bazel server, which queues their commands.
    pool: "forks",
    maxWorkers: Number(process.env.DATABAZEL_TEST_FILES_AT_ONCE || 3),
    sequence: { sequencer: SlowFirst },
    // Real builds, and on a loaded machine a type check or a lint takes more than vitest's 5 s.
    testTimeout: 10 * 60_000,
    hookTimeout: 15 * 60_000,
    reporters: ["default", "./tests/harness/summary-reporter.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: UNIT } },
      {
        extends: true,
        test: {
          name: "bazel",
          include: ["tests/**/*.test.ts"],
          exclude: UNIT,
          // The first build may provision the offline Bazel and start its server.
          globalSetup: ["tests/harness/global-setup.ts"],
        },
      },
    ],
  },
});
