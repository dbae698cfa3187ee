// Checked-in files generated from TypeScript must match what `npm run build:tools` (esbuild's JS
// API) generates now. `bazel test //...` checks them against the Bazel actions' outputs too
// (tools/build), so the two generators cannot drift apart. Regenerate with either
// `npm run build:tools` or `tools/bazel run //tools/build:update`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, bundleSets, entryPoints, repoRelative } from "../tools/build/bundle.ts";
import { generateContractBzl } from "../tools/build/gen-contract.ts";
import { contractBzl } from "../tools/build/paths.ts";

const fix = "stale: run `npm run build:tools` and commit the result";

describe("generated files are fresh", () => {
  const entries = entryPoints();
  for (const entry of entries) {
    it(repoRelative(entry.bundlePath), async () => {
      expect(existsSync(entry.bundlePath), fix).toBe(true);
      expect(readFileSync(entry.bundlePath, "utf8") === (await bundle(entry)), fix).toBe(true);
    });
  }

  it("no bundle is left without its source", () => {
    const expected = new Set(entries.map((e) => e.bundlePath));
    const checkedIn = bundleSets.flatMap(({ distDir }) =>
      existsSync(distDir) ? readdirSync(distDir).filter((f) => f.endsWith(".cjs")).map((f) => join(distDir, f)) : [],
    );
    expect(checkedIn.filter((f) => !expected.has(f)).map(repoRelative), fix).toEqual([]);
  });

  it("databazel/private/contract.bzl", () => {
    expect(readFileSync(contractBzl, "utf8") === generateContractBzl(), fix).toBe(true);
  });
});
