// Bundles each entry point (`<src>/bin/*.ts`) into one dependency-free JavaScript file under
// `<dist>/`, which Bazel actions run with the Node toolchain: the offline Bazel's Node cannot
// run TypeScript, and ruleset consumers must not need npm.
import { build } from "esbuild";
import { existsSync, readdirSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { repoRoot } from "./paths.ts";

/** A directory of entry points and the directory their bundles are checked in to. */
export interface BundleSet {
  entryDir: string;
  distDir: string;
}

export const bundleSets: BundleSet[] = [
  { entryDir: join(repoRoot, "tools", "src", "bin"), distDir: join(repoRoot, "databazel", "private", "bundles") },
  { entryDir: join(repoRoot, "mnist", "src", "bin"), distDir: join(repoRoot, "mnist", "dist") },
];

export interface Entry {
  source: string;
  bundlePath: string;
}

/** Every entry point with the path of its bundle, sorted so the order is the same everywhere. */
export function entryPoints(): Entry[] {
  return bundleSets.flatMap(({ entryDir, distDir }) =>
    existsSync(entryDir)
      ? readdirSync(entryDir)
          .filter((f) => f.endsWith(".ts"))
          .sort()
          .map((f) => ({ source: join(entryDir, f), bundlePath: join(distDir, basename(f, ".ts") + ".cjs") }))
      : [],
  );
}

export function repoRelative(path: string): string {
  return relative(repoRoot, path);
}

/** Bundles one entry point in memory and returns the JavaScript text. */
export async function bundle(entry: Entry): Promise<string> {
  const source = repoRelative(entry.source);
  const result = await build({
    entryPoints: [entry.source],
    bundle: true,
    platform: "node",
    target: "node18",
    format: "cjs",
    write: false,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    banner: { js: `// Generated from ${source} by \`npm run build:tools\`. Do not edit.` },
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced no output for ${source}`);
  return file.text;
}
