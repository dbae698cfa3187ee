// Bundles each helper entry point (tools/src/bin/*.ts) into one dependency-free JavaScript file
// under tools/dist/, which Bazel actions run with the Node toolchain: the offline Bazel's Node
// cannot run TypeScript, and ruleset consumers must not need npm.
import { build } from "esbuild";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { repoRoot } from "./paths.ts";

export const entryDir = join(repoRoot, "tools", "src", "bin");
export const distDir = join(repoRoot, "tools", "dist");

/** The entry points, sorted so the output is the same on every machine. */
export function entryPoints(): string[] {
  return readdirSync(entryDir)
    .filter((f) => f.endsWith(".ts"))
    .sort()
    .map((f) => join(entryDir, f));
}

export function bundleName(entry: string): string {
  return basename(entry, ".ts") + ".cjs";
}

/** Bundles one entry point in memory and returns the JavaScript text. */
export async function bundle(entry: string): Promise<string> {
  const source = "tools/src/bin/" + basename(entry);
  const result = await build({
    entryPoints: [entry],
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
