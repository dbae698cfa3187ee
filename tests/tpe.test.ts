// The TPE sampler (tools/src/sampler/): determinism, values inside the space, int/choice/log
// handling, no repeated configurations, the exhausted-space error, float strings as random
// search writes them, and better results than random search. The checks live in
// tests/sampler/checks.ts, which `bazel test //tests/sampler:tpe_test` runs as well.
import { describe, it } from "vitest";
import { checks } from "./sampler/checks.ts";

describe("proposeTpe", () => {
  for (const check of checks) it(check.name, () => check.run());
});
