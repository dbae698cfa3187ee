// Static checks that every change must pass: buildifier over all Starlark, and the strict
// TypeScript type check.
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { repoRoot } from "./harness/bazel.ts";

const bin = (name: string): string => join(repoRoot, "node_modules", ".bin", name);

describe("static checks", () => {
  it("buildifier: every Starlark file is formatted and lint-clean", async () => {
    const result = await execa(bin("buildifier"), ["-mode=check", "-lint=warn", "-warnings=all", "-r", "."], {
      cwd: repoRoot,
      all: true,
      reject: false,
    });
    expect(result.all, "run `npm run fix:starlark`, then fix what remains").toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("tsc: the TypeScript type-checks under strict settings", async () => {
    const result = await execa(bin("tsc"), ["-p", "tsconfig.json"], { cwd: repoRoot, all: true, reject: false });
    expect(result.all).toBe("");
    expect(result.exitCode).toBe(0);
  });
});
