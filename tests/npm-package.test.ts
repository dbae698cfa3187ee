// The databazel CLI as an npm package (`npm run pack:npm`, tools/npm/pack.ts): the tarball holds
// only what the CLI needs, and installed into a consumer workspace with npm, `npx databazel`
// works there as it does in this repository.
import { execa } from "execa";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launcher, repoRoot } from "./harness/bazel.ts";
import { scriptSearch } from "./harness/build-file.ts";
import { removeWorkspace, scriptTargets, scriptWorkspace } from "./harness/workspace.ts";

const out = mkdtempSync(join(tmpdir(), "databazel-npm-"));
let tarball = "";
let ws = "";

beforeAll(async () => {
  const packed = await execa("npm", ["run", "--silent", "pack:npm", "--", "--out", out], { cwd: repoRoot, stdin: "ignore" });
  tarball = packed.stdout.trim().split("\n").at(-1)!;
}, 120_000);

afterAll(async () => {
  if (ws) await removeWorkspace(ws);
  rmSync(out, { recursive: true, force: true });
});

describe("npm package", () => {
  it("is databazel-<version>.tgz with the CLI's bundle, its cquery file, a README and the LICENSE", async () => {
    const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
    expect(tarball).toBe(join(out, `databazel-${version}.tgz`));
    const listing = (await execa("tar", ["tzf", tarball])).stdout.split("\n").filter(Boolean).sort();
    expect(listing).toEqual([
      "package/LICENSE",
      "package/README.md",
      "package/databazel/private/bundles/databazel.cjs",
      "package/databazel/private/cli/targets.cquery.bzl",
      "package/package.json",
    ]);
    const unpacked = join(out, "unpacked");
    mkdirSync(unpacked);
    await execa("tar", ["xzf", tarball, "-C", unpacked]);
    const manifest = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: "databazel",
      version,
      license: "Apache-2.0",
      bin: { databazel: "databazel/private/bundles/databazel.cjs" },
    });
    // Publishable, and nothing to install with it: the bundle has no dependencies.
    expect(manifest).not.toHaveProperty("private");
    expect(manifest).not.toHaveProperty("dependencies");
    expect(manifest).not.toHaveProperty("scripts");
    // The same bytes as the checked-in files.
    for (const path of ["databazel/private/bundles/databazel.cjs", "databazel/private/cli/targets.cquery.bzl", "LICENSE"]) {
      expect(readFileSync(join(unpacked, "package", path)).equals(readFileSync(join(repoRoot, path))), path).toBe(true);
    }
  });

  it("installs into a consumer workspace with npm, and `npx databazel show` works there", async () => {
    ws = scriptWorkspace({
      "package.json": `${JSON.stringify({ name: "consumer", private: true }, null, 2)}\n`,
      "BUILD.bazel": scriptTargets() + scriptSearch({ grid: { lr: ["0.1", "0.05"] } }),
    });
    copyFileSync(tarball, join(ws, basename(tarball)));
    await execa("npm", ["install", "--no-save", "--no-audit", "--no-fund", `./${basename(tarball)}`], { cwd: ws, stdin: "ignore" });
    const installed = join(ws, "node_modules", "databazel");
    expect(realpathSync(join(ws, "node_modules", ".bin", "databazel"))).toBe(join(realpathSync(installed), "databazel", "private", "bundles", "databazel.cjs"));
    // No tools/bazel beside the installed CLI: it runs the Bazel DATABAZEL_BAZEL names.
    expect(existsSync(join(installed, "tools"))).toBe(false);

    const env = { DATABAZEL_BAZEL: launcher };
    const show = await execa("npx", ["--no-install", "databazel", "show", "//:search"], { cwd: ws, env, reject: false, stdin: "ignore" });
    expect(show.exitCode, show.stderr).toBe(0);
    expect(show.stdout).toContain("//:search: 2 trials ranked by accuracy (maximize: higher is better); * marks the best.");
    const best = show.stdout.split("\n").find((line) => line.startsWith("*"));
    expect(best).toMatch(/^\*\s+1\s+lr_0\.05\s/);
    // It built the search itself: nothing was built in the fresh workspace before.
    expect(show.stderr).toContain("databazel: building //:search");

    const json = await execa("npx", ["--no-install", "databazel", "show", "//:search", "--json"], { cwd: ws, env, stdin: "ignore" });
    expect((JSON.parse(json.stdout) as { best: string }).best).toBe("lr_0.05");

    const help = await execa("npx", ["--no-install", "databazel", "--help"], { cwd: ws, stdin: "ignore" });
    expect(help.stdout).toContain("databazel show LABEL");
  });

  it("without DATABAZEL_BAZEL or `bazel` on PATH, says how to name a Bazel", async () => {
    const bundle = join(ws, "node_modules", "databazel", "databazel", "private", "bundles", "databazel.cjs");
    const result = await execa(process.execPath, [bundle, "show", "//:search"], {
      cwd: ws,
      env: { PATH: "/nonexistent", DATABAZEL_BAZEL: "" },
      extendEnv: false,
      reject: false,
      stdin: "ignore",
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain("databazel: error: no Bazel found");
    expect(result.stderr).toContain("Set DATABAZEL_BAZEL to your Bazel (or bazelisk), or put `bazel` on PATH.");
  });
});

// The CLI's guide says how to get and install the package.
describe("docs/cli.md", () => {
  it("tells how to make and install the npm package", () => {
    const guide = readFileSync(join(repoRoot, "docs", "cli.md"), "utf8");
    expect(guide).toContain("npm run pack:npm");
    expect(guide).toContain("npm install --save-dev ./databazel-");
  });
});
