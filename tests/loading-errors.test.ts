// Errors users hit when loading a ruleset, each with a message that says the fix: a wrong
// load path, no Node for the toolchain, no toolchain registered at all.
import { afterAll, describe, expect, it } from "vitest";
import { bazel, makeWorkspace, repoRoot } from "./harness/bazel.ts";
import { consumerWorkspace, removeWorkspace } from "./harness/workspace.ts";

const MODEL = `model(name = "m", training_data = "data.csv", train_executable = "train.sh")\n`;
const workspaces: string[] = [];

afterAll(async () => {
  for (const ws of workspaces) await removeWorkspace(ws);
});

function failureOf(args: string[], cwd: string): Promise<string> {
  return bazel(args, { cwd, allowFailure: true }).then((result) => {
    expect(result.exitCode, result.all).not.toBe(0);
    return result.all ?? "";
  });
}

describe("with Bzlmod", () => {
  const ws = consumerWorkspace({
    "wrong_path/BUILD.bazel": `load("@databazel//:defs.bzl", "model")\n`,
    "old_path/BUILD.bazel": `load("@databazel//databazel:databazel.bzl", "model")\n`,
  });
  workspaces.push(ws);

  it("a wrong load path", async () => {
    const output = await failureOf(["build", "//wrong_path:all"], ws);
    expect(output).toContain("databazel: there is no @databazel//:defs.bzl.");
    expect(output).toContain("Fix: load the rules from @databazel//databazel:defs.bzl");
  });

  it("the 2019 databazel's load path", async () => {
    const output = await failureOf(["build", "//old_path:all"], ws);
    expect(output).toContain("@databazel//databazel:databazel.bzl was the 2019 proof of concept's file.");
    expect(output).toContain("Fix: load the rules from @databazel//databazel:defs.bzl");
  });
});

describe("no Node for the toolchain", () => {
  it("node.toolchain(path = ...) names a missing node", async () => {
    const ws = consumerWorkspace({
      "MODULE.bazel": [
        'module(name = "consumer")',
        'bazel_dep(name = "databazel")',
        `local_path_override(module_name = "databazel", path = ${JSON.stringify(repoRoot)})`,
        'node = use_extension("@databazel//databazel:extensions.bzl", "node")',
        'node.toolchain(path = "/nonexistent/bin/node")',
        "",
      ].join("\n"),
      "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "model")\n${MODEL}`,
      "data.csv": "1\n",
      "train.sh": "#!/bin/sh\n",
    });
    workspaces.push(ws);
    const output = await failureOf(["build", "//:m"], ws);
    expect(output).toContain('no usable Node.js for the databazel Node toolchain: node.toolchain(path = "/nonexistent/bin/node") does not exist');
    expect(output).toContain("Fix: install Node.js >= 18 so that `node` is on PATH, or name one in your MODULE.bazel");
  });

  it("WORKSPACE mode without databazel_dependencies()", async () => {
    const ws = makeWorkspace({
      WORKSPACE: `local_repository(name = "databazel", path = ${JSON.stringify(repoRoot)})\n`,
      ".bazelrc": "common --enable_workspace --noenable_bzlmod\nbuild --nosandbox_debug\n",
      "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "model")\n${MODEL}`,
      "data.csv": "1\n",
      "train.sh": "#!/bin/sh\n",
    });
    workspaces.push(ws);
    const output = await failureOf(["build", "//:m"], ws);
    expect(output).toContain("databazel: //:m needs a Node.js toolchain to run its helpers, and none is registered.");
    expect(output).toContain("Fix, with WORKSPACE: call databazel_dependencies() from @databazel//databazel:repositories.bzl.");
  });
});
