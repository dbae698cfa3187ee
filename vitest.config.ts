import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Bazel already uses every core; test files that each drive Bazel run one at a time.
    fileParallelism: false,
    // Real builds: the first one may provision the offline Bazel and start its server.
    testTimeout: 10 * 60_000,
    hookTimeout: 15 * 60_000,
    globalSetup: ["tests/harness/global-setup.ts"],
    reporters: ["default", "./tests/harness/summary-reporter.ts"],
  },
});
