// `npm run pack:npm [-- --out DIR]`: the databazel CLI as an npm package, databazel-<version>.tgz.
//
// The repository's own package.json is private (it holds the development tools); the published
// package is made from a manifest written here into a staging directory, with only what the CLI
// needs at run time: its bundle (dependency-free), the cquery format file it reads beside it (at
// the same paths as in the repository, where the CLI looks for it), a README and the LICENSE.
// Then `npm pack` packs that directory into DIR (the current directory by default).
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../build/paths.ts";

/** The files of the package, by their path in it, from their path in the repository. */
export const PACKAGE_FILES: Record<string, string> = {
  "databazel/private/bundles/databazel.cjs": "databazel/private/bundles/databazel.cjs",
  "databazel/private/cli/targets.cquery.bzl": "databazel/private/cli/targets.cquery.bzl",
  "README.md": "tools/npm/README.md",
  LICENSE: "LICENSE",
};

interface RootManifest {
  version: string;
  description: string;
  license: string;
  engines: Record<string, string>;
}

/** The version in MODULE.bazel's module(): the CLI reads the providers of the same release. */
function moduleVersion(): string {
  const module = readFileSync(join(repoRoot, "MODULE.bazel"), "utf8");
  const match = /module\(\s*name = "databazel",\s*version = "([^"]+)"/.exec(module);
  if (!match) throw new Error("MODULE.bazel has no module(name = \"databazel\", version = ...)");
  return match[1]!;
}

/** Writes the package's files into `dir` (emptied first) and returns its manifest. */
export function stagePackage(dir: string): Record<string, unknown> {
  const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as RootManifest;
  const version = moduleVersion();
  if (root.version !== version) {
    throw new Error(`package.json has version ${root.version} and MODULE.bazel ${version}: make them the same before packing`);
  }
  const manifest = {
    name: "databazel",
    version,
    description:
      "The databazel CLI: leaderboards, diffs, lineage and HTML reports of databazel's Bazel targets " +
      "(model, evaluate, hyperparam_search), and their export to TensorBoard.",
    keywords: ["bazel", "machine-learning", "hyperparameter-search", "tensorboard", "cli"],
    license: root.license,
    bin: { databazel: "databazel/private/bundles/databazel.cjs" },
    files: Object.keys(PACKAGE_FILES).filter((f) => f !== "README.md" && f !== "LICENSE"),
    engines: root.engines,
  };
  rmSync(dir, { recursive: true, force: true });
  for (const [to, from] of Object.entries(PACKAGE_FILES)) {
    mkdirSync(dirname(join(dir, to)), { recursive: true });
    copyFileSync(join(repoRoot, from), join(dir, to));
  }
  chmodSync(join(dir, manifest.bin.databazel), 0o755);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Stages the package and packs it into `out`; returns the tarball's path. */
export function packPackage(out: string): string {
  const staging = join(repoRoot, "node_modules", ".cache", "databazel", "npm-package");
  stagePackage(staging);
  mkdirSync(out, { recursive: true });
  const packed = execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: staging, encoding: "utf8" });
  const [result] = JSON.parse(packed) as { filename: string }[];
  if (!result) throw new Error(`npm pack printed no result: ${packed}`);
  return join(out, result.filename);
}

const { values } = parseArgs({ options: { out: { type: "string" } } });
// npm runs scripts in the package's directory; INIT_CWD is where `npm run` was typed.
const out = resolve(process.env["INIT_CWD"] ?? process.cwd(), values.out ?? ".");
console.log(packPackage(out));
