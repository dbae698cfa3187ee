// `npm run build:tools`: regenerates every checked-in artifact made from TypeScript.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundle, bundleName, distDir, entryPoints } from "./bundle.ts";
import { contractBzl, generateContractBzl } from "./gen-contract.ts";

mkdirSync(distDir, { recursive: true });
const wanted = new Set<string>();
for (const entry of entryPoints()) {
  const name = bundleName(entry);
  wanted.add(name);
  writeFileSync(join(distDir, name), await bundle(entry));
  console.log(`wrote tools/dist/${name}`);
}
for (const stale of readdirSync(distDir).filter((f) => f.endsWith(".cjs") && !wanted.has(f))) {
  rmSync(join(distDir, stale));
  console.log(`removed stale tools/dist/${stale}`);
}
writeFileSync(contractBzl, generateContractBzl());
console.log("wrote databazel/private/contract.bzl");
