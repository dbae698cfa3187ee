// Runs the fast gate under the real Bazel: `bazel test //...` holds the Starlark unit tests
// (tests/starlark), the analysis tests with every analysis-time error message
// (tests/analysis), the build-and-check tests that build small fixtures and check what they
// wrote (tests/rules), and the freshness tests of the checked-in generated files (tools/build).
import { describe, expect, it } from "vitest";
import { bazel } from "./harness/bazel.ts";

describe("bazel test //...", () => {
  it("passes: unit, analysis, build-and-check and freshness tests", async () => {
    const result = await bazel(["test", "--nocache_test_results", "//..."], { allowFailure: true });
    expect(result.all).toMatch(/Executed (\d+) out of \1 tests?: \1 tests? pass/);
    for (const pkg of ["//tests/starlark:", "//tests/analysis:", "//tests/rules:", "//tools/build:"]) expect(result.all).toContain(pkg);
    expect(result.exitCode).toBe(0);
  });
});
