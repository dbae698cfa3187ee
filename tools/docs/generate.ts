// Generates the API reference (docs/<name>.md and docs/contract.md). The Starlark side
// comes from starlark_doc_extract, built through the launcher; the contract from contract.ts.
import { execa } from "execa";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../build/paths.ts";
import { contractPage } from "./contract-page.ts";
import { renderModule } from "./render.ts";
import { parseTextproto } from "./textproto.ts";

/** The .bzl files with a public API, each documented in docs/<name>.md. */
export const DOCUMENTED = ["defs", "libs", "extensions", "repositories"];

/** Every generated file: repository-relative path to its content. */
export async function generateDocs(): Promise<Map<string, string>> {
  const targets = DOCUMENTED.map((name) => `//docs:${name}_doc.textproto`);
  await execa(join(repoRoot, "tools", "bazel"), ["build", ...targets], { cwd: repoRoot, stdin: "ignore" });
  const files = new Map<string, string>();
  for (const name of DOCUMENTED) {
    const proto = readFileSync(join(repoRoot, "bazel-bin", "docs", `${name}_doc.textproto`), "utf8");
    files.set(`docs/${name}.md`, renderModule(parseTextproto(proto), `@databazel//databazel:${name}.bzl`));
  }
  files.set("docs/contract.md", contractPage());
  return files;
}
