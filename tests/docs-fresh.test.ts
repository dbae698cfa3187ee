// docs/ (the API reference) must match what the docstrings
// and tools/src/contract.ts generate now through `npm run docs`; `bazel test //...` checks the
// same files against the Bazel actions' outputs (docs/BUILD.bazel). Regenerate with either.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENTED, generateDocs } from "../tools/docs/generate.ts";
import { repoRoot } from "./harness/bazel.ts";

describe("API reference", () => {
  it("docs/ is fresh", async () => {
    const generated = await generateDocs();
    for (const [path, content] of generated) {
      expect(readFileSync(join(repoRoot, path), "utf8") === content, `${path} is stale: run \`npm run docs\``).toBe(true);
    }
  });

  it("documents every public rule, macro, provider and extension, and each of their attributes", async () => {
    const defs = readFileSync(join(repoRoot, "docs", "defs.md"), "utf8");
    for (const name of ["model", "evaluate", "hyperparam_search", "node_binary", "node_toolchain", "ModelInfo", "MetricsInfo", "SearchInfo", "NodeRuntimeInfo"]) {
      expect(defs).toContain(`### ${name}\n`);
    }
    // An attribute or field without a docstring renders an empty description cell.
    for (const name of DOCUMENTED) {
      const doc = readFileSync(join(repoRoot, "docs", `${name}.md`), "utf8");
      expect(doc).not.toMatch(/\| *\|$/m);
      expect(doc).not.toMatch(/^\| `[^`]+` \| (required|optional|default `[^`]*`)\. \|$/m);
    }
    expect(readFileSync(join(repoRoot, "docs", "extensions.md"), "utf8")).toContain("Tag `node.toolchain`");
    expect(readFileSync(join(repoRoot, "docs", "contract.md"), "utf8")).toContain("`--hyperparams_file PATH`");
  });
});
