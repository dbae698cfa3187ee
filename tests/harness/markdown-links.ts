// Finds the relative links in Markdown files that do not resolve: a file or directory that does
// not exist, or a `#anchor` that no heading (by GitHub's slug) or `<a id/name>` in the target
// file defines. Links with a scheme (https:, mailto:) are not checked: there is no network here.
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export interface BrokenLink {
  /** The file the link is in, relative to the root given to brokenLinks. */
  file: string;
  line: number;
  target: string;
  problem: string;
}

/** GitHub's anchor for a heading's text (github-slugger): lowercase, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** A heading's text as GitHub renders it: links and images by their text, no code ticks, no tags. */
function headingText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/`/g, "")
    .trim();
}

/** Each line with fenced code blocks blanked, so that nothing inside them counts. */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split("\n").map((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker) {
      fence = marker[0]!.repeat(marker.length);
      return "";
    }
    if (fence !== undefined) {
      if (marker && marker.startsWith(fence)) fence = undefined;
      return "";
    }
    return line;
  });
}

/** Every anchor a Markdown file defines: heading slugs (repeats get -1, -2, ...) and explicit ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const addHeading = (text: string): void => {
    const slug = githubSlug(headingText(text));
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  const lines = proseLines(markdown);
  lines.forEach((line, i) => {
    const atx = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) addHeading(atx[1]!);
    else if (line.trim() && !line.trimStart().startsWith("|") && /^ {0,3}(=+|-+)\s*$/.test(lines[i + 1] ?? "")) addHeading(line);
    for (const m of line.matchAll(/<a\s[^>]*\b(?:id|name)=["']([^"']+)["']/g)) anchors.add(m[1]!);
  });
  return anchors;
}

/** Every link target in a Markdown file, with its line: inline links and images, reference definitions, HTML href/src. */
export function linksOf(markdown: string): Array<{ line: number; target: string }> {
  const links: Array<{ line: number; target: string }> = [];
  proseLines(markdown).forEach((raw, i) => {
    // Brackets inside code spans are not links: blank them, keeping the span's text.
    const line = raw.replace(/`[^`]*`/g, (span) => span.replace(/[[\]()]/g, " "));
    for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line: i + 1, target: m[1]! });
    const definition = /^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/.exec(line);
    if (definition) links.push({ line: i + 1, target: definition[1]! });
    for (const m of line.matchAll(/<(?:a|img)\s[^>]*\b(?:href|src)=["']([^"']+)["']/g)) links.push({ line: i + 1, target: m[1]! });
  });
  return links;
}

/** The links in `files` (paths relative to `root`) that do not resolve. */
export function brokenLinks(root: string, files: string[]): BrokenLink[] {
  const anchorCache = new Map<string, Set<string>>();
  const anchorsIn = (path: string): Set<string> => {
    let anchors = anchorCache.get(path);
    if (!anchors) anchorCache.set(path, (anchors = anchorsOf(readFileSync(path, "utf8"))));
    return anchors;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    const source = join(root, file);
    for (const { line, target } of linksOf(readFileSync(source, "utf8"))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) continue;
      const hash = target.indexOf("#");
      const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
      const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
      const resolved = pathPart === "" ? source : resolve(dirname(source), pathPart);
      const report = (problem: string): void => {
        broken.push({ file, line, target, problem });
      };
      if (!existsSync(resolved)) {
        report(`${relative(root, resolved)} does not exist`);
        continue;
      }
      if (anchor === undefined || anchor === "") continue;
      if (statSync(resolved).isDirectory() || !resolved.endsWith(".md")) {
        // GitHub's line anchors (#L12, #L12-L20) are the only ones a source file has.
        if (!/^L\d+(-L\d+)?$/.test(anchor)) report(`#${anchor} points into ${relative(root, resolved)}, which is not a Markdown file`);
        continue;
      }
      if (!anchorsIn(resolved).has(anchor)) {
        report(`no heading or <a id> in ${relative(root, resolved)} has the anchor #${anchor}`);
      }
    }
  }
  return broken;
}
