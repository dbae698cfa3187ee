import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Most of a test file's time is Bazel's: server start-up, analysis, waiting on scripts. Files
    // run side by side, each in a process of its own; those that build in a workspace of this
    // repository take its lock and run one at a time (tests/harness/workspace-lock.ts).
    pool: "forks",
    maxWorkers: Number(process.env.DATABAZEL_TEST_FILES_AT_ONCE || 3),
    setupFiles: ["tests/harness/release-workspaces.ts"],
    // Real builds: the first one may provision the offline Bazel and start its server.
    testTimeout: 10 * 60_000,
    hookTimeout: 15 * 60_000,
    globalSetup: ["tests/harness/global-setup.ts"],
    reporters: ["default", "./tests/harness/summary-reporter.ts"],
  },
});
