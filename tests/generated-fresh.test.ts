// The checked-in generated files equal what their one generator, a Bazel action, makes now. The
// freshness targets in tools/build (also in `bazel test //...`) compare them, and their failure
// names the command that rewrites them (`npm run build:tools`, `npm run docs`). Every generated
// file is marked as generated in .gitattributes, so reviews and GitHub's diffs fold it away.
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";

/** Every checked-in generated file, as the update targets know them (SourceFilesInfo). */
async function generatedFiles(): Promise<string[]> {
  const expr = '"\\n".join([c[1] for k, v in providers(target).items() if k.endswith("%SourceFilesInfo") for c in v.copies])';
  const result = await bazel(["cquery", "--ui_event_filters=-info", "--noshow_progress", "kind(source_files_test, //tools/build:all)", "--output=starlark", `--starlark:expr=${expr}`]);
  return [...new Set(result.stdout.split("\n").filter(Boolean))].sort();
}

describe("generated files", () => {
  it("the bundles and contract.bzl are what Bazel generates", async () => {
    const targets = ["//tools/build:bundles_test", "//tools/build:mnist_bundles_test", "//tools/build:contract_test"];
    const result = await bazel(["test", "--test_output=errors", ...targets], { allowFailure: true });
    // On failure the test log says which file is stale and the fix: `npm run build:tools`.
    expect(result.exitCode, result.all).toBe(0);
  });

  it(".gitattributes marks every generated file as generated, and nothing else", async () => {
    const generated = await generatedFiles();
    expect(generated).toEqual(expect.arrayContaining(["databazel/private/bundles/databazel.cjs", "databazel/private/contract.bzl", "docs/defs.md", "mnist/dist/train.cjs"]));
    const { stdout } = await execa("git", ["ls-files", "-z"], { cwd: repoRoot });
    const attrs = await execa("git", ["check-attr", "-z", "--stdin", "linguist-generated"], { cwd: repoRoot, input: stdout });
    const fields = attrs.stdout.split("\0");
    const marked: string[] = [];
    for (let i = 0; i + 2 < fields.length; i += 3) if (fields[i + 2] === "true") marked.push(fields[i]!);
    expect(marked.sort(), "mark generated files in .gitattributes with linguist-generated=true").toEqual(generated);
  });
});
