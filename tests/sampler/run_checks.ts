// `bazel test //tests/sampler:tpe_test`: runs the sampler's checks (checks.ts) with databazel's
// Node toolchain, plus the comparison of the float formatting with live Starlark output.
// Usage: node run_checks.cjs STARLARK_FLOATS_JSON
import { readFileSync } from "node:fs";
import { type Check, runChecks } from "../harness/node-checks.ts";
import { checks, checkStarlarkFloats } from "./checks.ts";

const floats = process.argv[2];
if (!floats) throw new Error("usage: run_checks.cjs STARLARK_FLOATS_JSON");
const all: Check[] = [
  ...checks,
  {
    name: "formatValue matches Bazel's own str(round_significant(x)) for every row of starlark_floats",
    run: () => checkStarlarkFloats(JSON.parse(readFileSync(floats, "utf8")) as [string, string, string][]),
  },
];

runChecks(all);
