// Runs the Starlark analysis tests (skylib analysistest) under the real Bazel: providers,
// action command lines, and analysis-time failures.
import { describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";

describe("analysis tests", () => {
  it("bazel test //tests/analysis:all passes", async () => {
    const result = await bazel(["test", "--nocache_test_results", "//tests/analysis:all"], { allowFailure: true });
    expect(result.all).toMatch(/Executed (\d+) out of \1 tests?: \1 tests? pass/);
    expect(result.exitCode).toBe(0);
  });
});
