// Renders one generated documentation file, for the Bazel actions in docs/BUILD.bazel (their
// one generator; `npm run docs` copies the outputs into docs/), one file per action:
//   module TEXTPROTO SOURCE OUT   docs/<name>.md from starlark_doc_extract's ModuleInfo of SOURCE
//   contract OUT                  docs/contract.md
import { readFileSync, writeFileSync } from "node:fs";
import { contractPage } from "./contract-page.ts";
import { renderModule } from "./render.ts";
import { parseTextproto } from "./textproto.ts";

function render(args: string[]): [string, string] {
  const [kind, ...rest] = args;
  if (kind === "module" && rest.length === 3) {
    const [textproto, source, out] = rest as [string, string, string];
    return [out, renderModule(parseTextproto(readFileSync(textproto, "utf8")), source)];
  }
  if (kind === "contract" && rest.length === 1) return [rest[0]!, contractPage()];
  throw new Error("usage: render-file (module TEXTPROTO SOURCE | contract) OUT");
}

const [out, content] = render(process.argv.slice(2));
writeFileSync(out, content);
