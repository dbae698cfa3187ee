// The release archive (`git archive`, shaped by .gitattributes) holds the ruleset alone, and a
// consumer builds with it: nothing the rules need was left out with the tests and examples.
import { execa } from "execa";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

let release = "";
let ws = "";
let listing: string[] = [];

beforeAll(async () => {
  release = mkdtempSync(join(tmpdir(), "databazel-release-"));
  // The work tree's attributes and files, so the test covers uncommitted changes too.
  const stash = (await execa("git", ["stash", "create"], { cwd: repoRoot })).stdout.trim() || "HEAD";
  const archive = join(release, "release.tar");
  await execa("git", ["archive", "--worktree-attributes", `--output=${archive}`, stash], { cwd: repoRoot });
  listing = (await execa("tar", ["tf", archive])).stdout.split("\n");
  await execa("tar", ["xf", archive, "-C", release]);
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  rmSync(release, { recursive: true, force: true });
});

describe("release archive", () => {
  it("leaves tests, examples and development tools out", () => {
    // Only the ruleset's directory and a few root files: nothing else can leak in.
    const topLevel = [...new Set(listing.filter(Boolean).map((path) => path.split("/")[0]))].sort();
    expect(topLevel).toEqual([".bazelversion", "BUILD.bazel", "LICENSE", "MODULE.bazel", "README.md", "WORKSPACE", "databazel", "defs.bzl"]);
    expect(listing).toEqual(
      expect.arrayContaining([
        "databazel/defs.bzl",
        "databazel/libs.bzl",
        "databazel/private/bundles/train_shim.cjs",
        "databazel/private/bundles/databazel.cjs",
        "databazel/private/cli/targets.cquery.bzl",
      ]),
    );
  });

  it("is a module a consumer can build with", async () => {
    ws = scriptWorkspace(
      {
        "BUILD.bazel": scriptTargets() + scriptSearch({ grid: { lr: ["0.1", "0.05"] } }),
      },
      release,
    );
    await bazel(["build", "//:search"], { cwd: ws });
  });

  it("every target of the released module loads and builds from the consumer", async () => {
    const query = await bazel(["query", "@databazel//..."], { cwd: ws });
    expect(query.stdout).toContain("@databazel//databazel:node_toolchain_type");
    await bazel(["build", "@databazel//..."], { cwd: ws });
  });

  it("runs the CLI from the consumer with bazel run", async () => {
    const result = await bazel(["run", "@databazel//:databazel", "--", "show", "//:search", "--json"], { cwd: ws });
    expect((JSON.parse(result.stdout) as { best: string }).best).toBe("lr_0.05");
  });
});
