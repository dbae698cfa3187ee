// Every relative link and #anchor in the README, CONTRIBUTING.md, tests/README.md,
// tools/bench/README.md and docs/*.md resolves: the file exists, and the anchor is a heading's
// GitHub slug or an explicit <a id> in the target. No Bazel.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { anchorsOf, brokenLinks, githubSlug, linksOf } from "./harness/markdown-links.ts";
import { repoRoot } from "./harness/bazel.ts";

const documents = ["README.md", "CONTRIBUTING.md", "tests/README.md", "tools/bench/README.md", ...readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

describe("links in the documentation", () => {
  it("every relative link and anchor in README.md, CONTRIBUTING.md, tests/README.md, tools/bench/README.md and docs/*.md resolves", () => {
    expect(documents.length).toBeGreaterThan(10);
    const broken = brokenLinks(repoRoot, documents).map((b) => `${b.file}:${b.line}: ${b.target}: ${b.problem}`);
    expect(broken, "fix each link, or the heading it points to").toEqual([]);
  });

  it("the README links to the guides", () => {
    const readme = linksOf(readFileSync(join(repoRoot, "README.md"), "utf8")).map((l) => l.target);
    for (const guide of ["docs/getting-started.md", "docs/searching.md", "docs/caching.md", "docs/cli.md", "CONTRIBUTING.md"]) {
      expect(readme).toContain(guide);
    }
  });

  it("every docs/*.md that the rules' and helpers' sources name (docstrings, messages) exists", () => {
    const sources = ["databazel", "tools/src"].flatMap((dir) =>
      readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
        .filter((f) => /\.(bzl|ts)$/.test(f) || /(^|\/)BUILD\.bazel$/.test(f))
        .map((f) => join(dir, f)),
    );
    expect(sources.length).toBeGreaterThan(50);
    const missing = sources.flatMap((file) =>
      [...readFileSync(join(repoRoot, file), "utf8").matchAll(/\bdocs\/[\w-]+\.md\b/g)]
        .map((m) => m[0])
        .filter((doc) => !existsSync(join(repoRoot, doc)))
        .map((doc) => `${file}: ${doc}`),
    );
    expect(missing, "point each at the guide that holds it now").toEqual([]);
  });

  it("the README is a front door: at most 250 lines (guides go in docs/, repository matters in CONTRIBUTING.md)", () => {
    const lines = readFileSync(join(repoRoot, "README.md"), "utf8").replace(/\n$/, "").split("\n").length;
    expect(lines).toBeLessThanOrEqual(250);
  });
});

describe("the link checker", () => {
  const dir = mkdtempSync(join(tmpdir(), "databazel-docs-links-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("takes GitHub's slugs of headings, repeats numbered, and explicit ids", () => {
    expect(githubSlug("Bazel: tools/bazel")).toBe("bazel-toolsbazel");
    expect(githubSlug("Where an action's time goes")).toBe("where-an-actions-time-goes");
    expect(githubSlug("max_failed_trials and  more")).toBe("max_failed_trials-and--more");
    const anchors = anchorsOf(
      ["# Bazel: `tools/bazel`", "## Notes", "## Notes", "Setext", "---", '<a id="kept"></a>', "```", "# not a heading", "```", "## [Linked](x.md) *heading*"].join("\n"),
    );
    expect([...anchors].sort()).toEqual(["bazel-toolsbazel", "kept", "linked-heading", "notes", "notes-1", "setext"]);
  });

  it("finds links outside code, and not brackets inside code", () => {
    const links = linksOf(["[a](a.md) ![b](img/b.png) `[not](c.md)`", "```", "[no](d.md)", "```", "[ref]: e.md#x", '<a href="f.md">f</a>'].join("\n"));
    expect(links).toEqual([
      { line: 1, target: "a.md" },
      { line: 1, target: "img/b.png" },
      { line: 5, target: "e.md#x" },
      { line: 6, target: "f.md" },
    ]);
  });

  it("reports a missing file, a missing anchor in another file and in the same file, and nothing else", () => {
    mkdirSync(join(dir, "docs"), { recursive: true });
    writeFileSync(join(dir, "docs", "guide.md"), "# Guide\n\n## Real section\n");
    writeFileSync(join(dir, "tool.bzl"), "x = 1\n");
    writeFileSync(
      join(dir, "README.md"),
      [
        "# Top",
        "[ok](docs/guide.md) [ok](docs/guide.md#real-section) [ok](#top) [ok](docs) [ok](tool.bzl#L1) [web](https://example.com/x#y)",
        "[gone](docs/missing.md)",
        "[bad anchor](docs/guide.md#unreal-section)",
        "[bad self](#bottom)",
      ].join("\n"),
    );
    const broken = brokenLinks(dir, ["README.md", "docs/guide.md"]);
    expect(broken.map((b) => [b.line, b.target])).toEqual([
      [3, "docs/missing.md"],
      [4, "docs/guide.md#unreal-section"],
      [5, "#bottom"],
    ]);
    expect(broken[0]!.problem).toBe("docs/missing.md does not exist");
    expect(broken[1]!.problem).toBe("no heading or <a id> in docs/guide.md has the anchor #unreal-section");
  });
});
