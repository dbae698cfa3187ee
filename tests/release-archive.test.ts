// The release archive (`git archive`, shaped by .gitattributes) holds the ruleset alone, and a
// consumer builds with it: nothing the rules need was left out with the tests and examples.
import { execa } from "execa";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
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
    for (const dir of ["tests/", "e2e/", "mnist/", ".ci/", "tools/src/", "tools/offline-bazel/"]) {
      expect(listing.filter((path) => path.startsWith(dir))).toEqual([]);
    }
    expect(listing).toEqual(expect.arrayContaining(["MODULE.bazel", "databazel/defs.bzl", "databazel/private/bundles/train_shim.cjs"]));
  });

  it("is a module a consumer can build with", async () => {
    ws = scriptWorkspace(
      {
        "BUILD.bazel": `${scriptTargets()}hyperparam_search(
    name = "search",
    training_data = "data.csv",
    test_data = "data.csv",
    train_executable = ":train",
    eval_executable = ":eval",
    grid = {"lr": ["0.1", "0.05"]},
    metric = "accuracy",
)
`,
      },
      release,
    );
    await bazel(["build", "//:search"], { cwd: ws });
  });
});
