// Runs the fast gate under the real Bazel: `bazel test //...` holds the Starlark unit tests
// (tests/starlark), the analysis tests with every analysis-time error message
// (tests/analysis), and the freshness tests of the checked-in generated files (tools/build).
import { describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";

describe("bazel test //...", () => {
  it("passes: unit, analysis and freshness tests", async () => {
    const result = await bazel(["test", "--nocache_test_results", "//..."], { allowFailure: true });
    expect(result.all).toMatch(/Executed (\d+) out of \1 tests?: \1 tests? pass/);
    for (const pkg of ["//tests/starlark:", "//tests/analysis:", "//tools/build:"]) expect(result.all).toContain(pkg);
    expect(result.exitCode).toBe(0);
  });
});
