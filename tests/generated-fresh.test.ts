// Checked-in files generated from TypeScript must match what their sources generate now.
// Regenerate them all with `npm run build:tools`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundle, bundleName, distDir, entryPoints } from "../tools/build/bundle.ts";
import { contractBzl, generateContractBzl } from "../tools/build/gen-contract.ts";

const fix = "stale: run `npm run build:tools` and commit the result";

describe("generated files are fresh", () => {
  for (const entry of entryPoints()) {
    const name = bundleName(entry);
    it(`tools/dist/${name}`, async () => {
      const checkedIn = readFileSync(join(distDir, name), "utf8");
      expect(checkedIn === (await bundle(entry)), fix).toBe(true);
    });
  }

  it("databazel/private/contract.bzl", () => {
    expect(readFileSync(contractBzl, "utf8") === generateContractBzl(), fix).toBe(true);
  });
});
