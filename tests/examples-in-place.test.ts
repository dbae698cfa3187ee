// The examples build as written: each e2e workspace in place, with the command the
// README gives (`cd e2e/<name> && ../../tools/bazel build //...`) and nothing appended to it;
// in particular the default Node toolchain fetches its Node with npm, as a user's does. And a
// consumer written from a README's marked code blocks builds the same way.
import { execa } from "execa";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { launcher, repoRoot } from "./harness/bazel.ts";
import { gitStatus } from "./harness/workspace.ts";
import { consumerBlocks, overrideDatabazelPath, writeConsumer } from "./harness/readme-consumer.ts";

/** Runs a shell command line as a user would type it, in `cwd`. */
function shell(command: string, cwd: string) {
  return execa("sh", ["-c", command], { cwd, all: true, reject: false, stdin: "ignore" });
}

describe("each e2e workspace builds in place, as the README says", () => {
  // e2e/sklearn_digits and e2e/workspace build in place in tests/sklearn-digits.test.ts and
  // tests/e2e.test.ts, whose tests read those builds.
  for (const name of ["smoke", "optuna_sampler"]) {
    it(`cd e2e/${name} && ../../tools/bazel build //...`, async () => {
      const dir = join(repoRoot, "e2e", name);
      const before = await gitStatus(dir);
      try {
        const result = await shell("../../tools/bazel build //...", dir);
        expect(result.exitCode, result.all).toBe(0);
        expect(result.all).toContain("Build completed successfully");
        // The convenience symlinks are there, and git ignores them.
        expect(existsSync(join(dir, "bazel-bin"))).toBe(true);
        expect(await gitStatus(dir)).toBe(before);
      } finally {
        // One output base per example directory, reused by the next run; its server goes.
        await shell("../../tools/bazel shutdown", dir);
      }
    });
  }
});

/**
 * Writes the consumer that `readme` spells out into a temporary directory, builds `//...` there
 * with the launcher (nothing appended), runs `check` on it, then deletes it, its output base and
 * its server. Returns the directory it used.
 */
async function buildReadmeConsumer(readme: string, check: (consumer: string) => void = () => {}): Promise<string> {
  const files = consumerBlocks(readFileSync(readme, "utf8"), readme);
  const ws = mkdtempSync(join(tmpdir(), "databazel-readme-consumer-"));
  try {
    writeConsumer(files, ws, repoRoot);
    const result = await shell(`${launcher} build //...`, ws);
    expect(result.exitCode, result.all).toBe(0);
    check(ws);
  } finally {
    // A temporary workspace has an output base of its own: delete it, or they pile up.
    const outputBase = (await shell(`${launcher} info output_base`, ws)).stdout.trim();
    await shell(`${launcher} clean --expunge`, ws);
    rmSync(ws, { recursive: true, force: true });
    expect(outputBase).not.toBe("");
    expect(existsSync(join(outputBase, "external"))).toBe(false);
  }
  return ws;
}

describe("a consumer written from a README's marked code blocks", () => {
  const scratch: string[] = [];
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it("a README without markers says so", () => {
    expect(() => consumerBlocks("# databazel\n\n```starlark\nmodule(name = \"x\")\n```\n")).toThrow(
      "README has no consumer blocks: mark each file of the consumer with a line <!-- consumer: RELATIVE/PATH --> right before its fenced code block.",
    );
  });

  it("a marker without a code block after it, or one never closed, names its line", () => {
    expect(() => consumerBlocks("a\n<!-- consumer: BUILD.bazel -->\nprose\n")).toThrow(
      'README line 2 (<!-- consumer: BUILD.bazel -->): the next line must open a fenced code block, and it is: "prose"',
    );
    expect(() => consumerBlocks("<!-- consumer: BUILD.bazel -->\n```starlark\nx = 1\n")).toThrow(
      "README line 1 (<!-- consumer: BUILD.bazel -->): its code block is never closed.",
    );
    expect(() => consumerBlocks("<!-- consumer: ../x -->\n```\n```\n")).toThrow("the path must be relative and stay inside the consumer's directory.");
  });

  it("only databazel's local_path_override gets the repository's path", () => {
    const module = [
      'bazel_dep(name = "databazel", version = "0.1.0")',
      'local_path_override(\n    module_name = "databazel",\n    path = "../..",\n)',
      'local_path_override(module_name = "other", path = "../other")',
    ].join("\n");
    const rewritten = overrideDatabazelPath(module, "/repo");
    expect(rewritten).toContain('local_path_override(\n    module_name = "databazel",\n    path = "/repo",\n)');
    expect(rewritten).toContain('local_path_override(module_name = "other", path = "../other")');
    expect(() => overrideDatabazelPath('bazel_dep(name = "databazel")\n', "/repo")).toThrow(
      'the consumer\'s MODULE.bazel has 0 local_path_override(module_name = "databazel", path = "...") calls; it needs exactly one.',
    );
  });

  it("README.md's consumer builds with the launcher and nothing appended, and ranks its trials as the README shows", async () => {
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    // The leaderboard rows the README prints after its consumer (rows that start with a rank).
    const shown = readme.split("\n").filter((line) => /^\| \**\d+\** \|/.test(line));
    expect(shown.length).toBeGreaterThan(1);
    const ws = await buildReadmeConsumer(join(repoRoot, "README.md"), (consumer) => {
      expect(readFileSync(join(consumer, "MODULE.bazel"), "utf8")).toContain(`path = ${JSON.stringify(repoRoot)}`);
      const built = readFileSync(join(consumer, "bazel-bin", "search.leaderboard.md"), "utf8");
      for (const row of shown) expect(built).toContain(row);
    });
    expect(existsSync(ws)).toBe(false);
  });
});
