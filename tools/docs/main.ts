// `npm run docs`: regenerates the API reference in docs/ (the guides there are written by hand).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { generateDocs } from "./generate.ts";

for (const [path, content] of await generateDocs()) {
  writeFileSync(join(repoRoot, path), content);
  console.log(`wrote ${path}`);
}
