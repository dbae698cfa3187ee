// The consumer a README spells out: each file of it is a fenced code block right after a line
// `<!-- consumer: RELATIVE/PATH -->`. Written into a directory as it is, except the path of
// MODULE.bazel's local_path_override of databazel, which becomes this repository's root.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, normalize } from "node:path";

export interface ConsumerFile {
  path: string;
  content: string;
}

const MARKER = /^<!--\s*consumer:\s*(\S+)\s*-->\s*$/;
const FENCE = /^(\s*)(`{3,}|~{3,})/;

/** The consumer files of `markdown`, in order; throws, saying which line, when one is malformed. */
export function consumerBlocks(markdown: string, source = "README"): ConsumerFile[] {
  const lines = markdown.split("\n");
  const files: ConsumerFile[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i] ?? "");
    if (!marker) continue;
    const path = marker[1] ?? "";
    const where = `${source} line ${i + 1} (<!-- consumer: ${path} -->)`;
    if (isAbsolute(path) || normalize(path).startsWith("..")) {
      throw new Error(`${where}: the path must be relative and stay inside the consumer's directory.`);
    }
    const open = FENCE.exec(lines[i + 1] ?? "");
    if (!open) throw new Error(`${where}: the next line must open a fenced code block, and it is: ${JSON.stringify(lines[i + 1] ?? "")}`);
    const [, indent = "", fence = "```"] = open;
    const body: string[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? "";
      if (line.trim() === fence) break;
      body.push(indent && line.startsWith(indent) ? line.slice(indent.length) : line);
    }
    if (j === lines.length) throw new Error(`${where}: its code block is never closed.`);
    if (files.some((f) => f.path === path)) throw new Error(`${where}: a second block for the same file.`);
    files.push({ path, content: body.join("\n") + "\n" });
    i = j;
  }
  if (files.length === 0) {
    throw new Error(`${source} has no consumer blocks: mark each file of the consumer with a line <!-- consumer: RELATIVE/PATH --> right before its fenced code block.`);
  }
  return files;
}

/** MODULE.bazel with databazel's local_path_override pointing at `databazelPath`. */
export function overrideDatabazelPath(module: string, databazelPath: string): string {
  const override = /local_path_override\(([^)]*?)\bpath\s*=\s*"[^"]*"([^)]*)\)/gs;
  let found = 0;
  const result = module.replace(override, (whole, before: string, after: string) => {
    if (!/module_name\s*=\s*"databazel"/.test(before + after)) return whole;
    found++;
    return `local_path_override(${before}path = ${JSON.stringify(databazelPath)}${after})`;
  });
  if (found !== 1) {
    throw new Error(`the consumer's MODULE.bazel has ${found} local_path_override(module_name = "databazel", path = "...") calls; it needs exactly one.`);
  }
  return result;
}

/**
 * Writes the consumer into `dir`, databazel loaded from `databazelPath`. A file that starts with
 * `#!` is written executable (a code block cannot carry the mode; scripts need it).
 */
export function writeConsumer(files: ConsumerFile[], dir: string, databazelPath: string): void {
  if (!files.some((f) => f.path === "MODULE.bazel")) throw new Error("the consumer has no MODULE.bazel block.");
  for (const { path, content } of files) {
    const text = path === "MODULE.bazel" ? overrideDatabazelPath(content, databazelPath) : content;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, { mode: text.startsWith("#!") ? 0o755 : 0o644 });
  }
}
