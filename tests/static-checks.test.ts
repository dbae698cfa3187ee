// Static checks that every change must pass: buildifier over all Starlark, shellcheck over
// every shell script, and the strict TypeScript type check.
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./harness/bazel.ts";
import { findOrInstall } from "./harness/install.ts";

const bin = (name: string): string => join(repoRoot, "node_modules", ".bin", name);

/** Every tracked shell script: `*.sh`, and files without the suffix whose `#!` names a shell. */
async function shellScripts(): Promise<string[]> {
  const { stdout } = await execa("git", ["ls-files", "-z"], { cwd: repoRoot });
  return stdout
    .split("\0")
    .filter((f) => f && (f.endsWith(".sh") || /^#!\S*(\/|env )(ba|da)?sh\b/.test(readFileSync(join(repoRoot, f), "latin1").slice(0, 80))));
}

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

  it("shellcheck: every shell script is clean", async () => {
    const scripts = await shellScripts();
    expect(scripts).toEqual(expect.arrayContaining(["tools/bazel", ".ci/run", "tools/offline-bazel/run.sh"]));
    // Debian's shellcheck, installed when missing (findOrInstall); a failure to install fails the check.
    const shellcheck = await findOrInstall("shellcheck", "/usr/bin/shellcheck", "shellcheck");
    if ("reason" in shellcheck) throw new Error(`${shellcheck.reason}\nFix: apt-get install shellcheck`);
    const result = await execa(shellcheck.path, ["--external-sources", ...scripts], { cwd: repoRoot, all: true, reject: false });
    expect(result.all, "fix what shellcheck reports, or disable that check on its line with a reason").toBe("");
    expect(result.exitCode).toBe(0);
  });

  it("tsc: the TypeScript type-checks under strict settings", async () => {
    const result = await execa(bin("tsc"), ["-p", "tsconfig.json"], { cwd: repoRoot, all: true, reject: false });
    expect(result.all).toBe("");
    expect(result.exitCode).toBe(0);
  });
});
