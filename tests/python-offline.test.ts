// The offline Bazel's rules_python (tools/offline-bazel/stubs/rules_python): today's pip.parse
// and python.toolchain attributes, checked against the root's Python, with messages that say
// the fix. Only where tools/bazel runs the offline Bazel: elsewhere rules_python is the user's.
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { bazel, repoRoot } from "./harness/bazel.ts";
import { consumerModule, consumerWorkspace, pinnedNodeFromNodeModules, removeWorkspace } from "./harness/workspace.ts";

const workspaces: string[] = [];

afterAll(async () => {
  for (const ws of workspaces) await removeWorkspace(ws);
});

/** Which Bazel tools/bazel runs, as it says with DATABAZEL_VERBOSE=1. */
async function offlineBazel(): Promise<boolean> {
  const result = await execa(`${repoRoot}/tools/bazel`, ["version"], { env: { DATABAZEL_VERBOSE: "1" }, reject: false, all: true });
  return /using the offline Bazel/.test(String(result.all));
}

/**
 * Evaluates the module extension `ext` (file%name, in rules_python's extensions) of a consumer
 * whose MODULE.bazel ends with `lines`, and returns Bazel's output: it must fail.
 */
async function failingModule(ext: string, lines: string[]): Promise<string> {
  const ws = consumerWorkspace({
    "MODULE.bazel": consumerModule(['bazel_dep(name = "rules_python", version = "1.6.0")', ...pinnedNodeFromNodeModules(), ...lines, ""]),
    "BUILD.bazel": "",
    "requirements_lock.txt": "",
  });
  workspaces.push(ws);
  // Extensions are evaluated when one of their repositories is needed; this asks for them all.
  const result = await bazel(["mod", "show_extension", `@rules_python//python/extensions:${ext}`], { cwd: ws, allowFailure: true });
  expect(result.exitCode, result.all).not.toBe(0);
  return String(result.all);
}

describe("the offline Bazel's rules_python", () => {
  it("says which Python it has when pip.parse or python.toolchain asks for another", async (context) => {
    if (!(await offlineBazel())) context.skip("tools/bazel does not run the offline Bazel here: rules_python is the registry's");
    const pip = await failingModule("pip.bzl%pip", [
      'pip = use_extension("@rules_python//python/extensions:pip.bzl", "pip")',
      'pip.parse(hub_name = "pypi", python_version = "3.12", requirements_lock = "//:requirements_lock.txt")',
      'use_repo(pip, "pypi")',
    ]);
    expect(pip).toMatch(/pip\.parse\(hub_name = "pypi", python_version = "3\.12"\) asks for Python 3\.12, but the offline Bazel runs Python 3\.\d+ \(\/usr\/bin\/python3\), with no download\./);
    expect(pip).toMatch(/Fix: write python_version = "3\.\d+", and lock the requirements for it \(uv pip compile --python-version 3\.\d+ \.\.\.\)\./);

    const toolchain = await failingModule("python.bzl%python", [
      'python = use_extension("@rules_python//python/extensions:python.bzl", "python")',
      'python.toolchain(python_version = "3.11", is_default = True)',
    ]);
    expect(toolchain).toContain('python.toolchain(python_version = "3.11") asks for Python 3.11');
  });

  it("asks for hub_name when pip.parse has none, and for one name when it has two", async (context) => {
    if (!(await offlineBazel())) context.skip("tools/bazel does not run the offline Bazel here: rules_python is the registry's");
    const output = await failingModule("pip.bzl%pip", [
      'pip = use_extension("@rules_python//python/extensions:pip.bzl", "pip")',
      'pip.parse(requirements_lock = "//:requirements_lock.txt")',
    ]);
    expect(output).toContain("pip.parse needs hub_name, the repository that `requirement()` and `@<hub>//<package>` come from.");
    expect(output).toContain('Fix: pip.parse(hub_name = "pypi", python_version = "3.14", requirements_lock = "//:requirements_lock.txt").');

    const twoNames = await failingModule("pip.bzl%pip", [
      'pip = use_extension("@rules_python//python/extensions:pip.bzl", "pip")',
      'pip.parse(hub_name = "pypi", name = "deps", requirements_lock = "//:requirements_lock.txt")',
    ]);
    expect(twoNames).toContain('pip.parse(hub_name = "pypi", name = "deps"): two names for one hub.');
    expect(twoNames).toContain("Fix: keep hub_name only.");
  });
});
