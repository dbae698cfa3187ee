// `npm run build:tools`: regenerates every checked-in artifact made from TypeScript.
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bundle, bundleSets, entryPoints, repoRelative } from "./bundle.ts";
import { generateContractBzl } from "./gen-contract.ts";
import { contractBzl } from "./paths.ts";

const wanted = new Set<string>();
for (const entry of entryPoints()) {
  wanted.add(entry.bundlePath);
  mkdirSync(dirname(entry.bundlePath), { recursive: true });
  const text = await bundle(entry);
  writeFileSync(entry.bundlePath, text);
  // A bundle whose source starts with `#!` is a command (package.json "bin"): make it executable.
  if (text.startsWith("#!")) chmodSync(entry.bundlePath, 0o755);
  console.log(`wrote ${repoRelative(entry.bundlePath)}`);
}
for (const { distDir } of bundleSets) {
  if (!existsSync(distDir)) continue;
  for (const stale of readdirSync(distDir).filter((f) => f.endsWith(".cjs") && !wanted.has(join(distDir, f)))) {
    rmSync(join(distDir, stale));
    console.log(`removed stale ${repoRelative(join(distDir, stale))}`);
  }
}
writeFileSync(contractBzl, generateContractBzl());
console.log("wrote databazel/private/contract.bzl");
