// The structure of tools/src (no Bazel): no import cycle, type-only imports included, and the
// layering below. The checks themselves are tried on small projects built here in memory, so a
// cycle or a breach they should see is known to fail them.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./harness/bazel.ts";
import { importCycles, importGraph, importGraphOf, layerBreaches } from "./harness/import-graph.ts";

/**
 * tools/src's layers, bottom up: a directory may import itself and the layers below it. pareto/
 * (the Pareto math of multi-objective search) is below everything, so the samplers can use it;
 * lib/ (generic helpers), sampler/ (the search algorithms' arithmetic) and contract.ts are leaves;
 * formats/ (the files the helpers read and write) builds on them; the helpers' parts on formats/;
 * report/ also draws leaderboard/'s tables, the CLI everything but the entry points; bin/ holds
 * the entry points alone.
 */
const LAYERS = [
  ["pareto"],
  ["lib", "sampler", "contract.ts"],
  ["formats"],
  ["helper", "leaderboard", "scheduler", "shim", "tensorboard"],
  ["report"],
  ["cli"],
  ["bin"],
] as const;

/** A project in memory with these files (path under /src: text). */
function projectOf(files: Record<string, string>): Project {
  const project = new Project({ useInMemoryFileSystem: true });
  for (const [path, text] of Object.entries(files)) project.createSourceFile(join("/src", path), text);
  return project;
}

describe("tools/src's imports", () => {
  const src = join(repoRoot, "tools", "src");
  const graph = importGraphOf(src);

  it("are read from every module", () => {
    const modules = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect([...graph.keys()]).toEqual(modules.sort((a, b) => a.localeCompare(b)));
    expect(graph.get("shim/contract-run.ts")).toEqual(expect.arrayContaining(["formats/outcome.ts", "shim/executable.ts"]));
  });

  it("form no cycle", () => {
    expect(importCycles(graph).map((cycle) => cycle.join(" -> ")), "move what the modules share into a module of its own").toEqual([]);
  });

  it("keep the layering: a directory imports only itself and the layers below it", () => {
    expect(layerBreaches(graph, LAYERS), "move the code to the layer it belongs to, or change LAYERS if the layering is wrong").toEqual([]);
  });
});

describe("the checks find", () => {
  it("a cycle of type-only imports, and a re-export", () => {
    const project = projectOf({
      "a.ts": 'import type { B } from "./b.ts";\nexport interface A { b: B }',
      "b.ts": 'export type { C as B } from "./c.ts";',
      "c.ts": 'import type { A } from "./a.ts";\nexport interface C { a: A }',
      "d.ts": 'import type { A } from "./a.ts";\nexport type D = A;',
    });
    expect(importCycles(importGraph(project, "/src"))).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  it("a cycle through a dynamic import and an import type, and a module importing itself", () => {
    const project = projectOf({
      "a.ts": 'export async function a() { return import("./b.ts"); }',
      "b.ts": 'export type A = import("./a.ts").Thing;',
      "self.ts": 'import * as me from "./self.ts";\nexport const x = me;',
    });
    expect(importCycles(importGraph(project, "/src"))).toEqual([["a.ts", "b.ts", "a.ts"], ["self.ts", "self.ts"]]);
  });

  it("no cycle where there is none", () => {
    const project = projectOf({ "a.ts": 'import { b } from "./b.ts";\nimport { readFileSync } from "node:fs";', "b.ts": "export const b = 1;" });
    expect(importCycles(importGraph(project, "/src"))).toEqual([]);
  });

  it("an import that names no file", () => {
    const project = projectOf({ "a.ts": 'import { b } from "./b.js";' });
    expect(() => importGraph(project, "/src")).toThrow("a.ts imports ./b.js, which is no .ts file under /src");
  });

  it("an import of a layer above, or beside, and a layer not in the list", () => {
    const project = projectOf({
      "lib/json.ts": 'import type { Run } from "../formats/run.ts";',
      "formats/run.ts": 'import { json } from "../lib/json.ts";',
      "shim/run.ts": 'import { report } from "../report/page.ts";\nimport { rung } from "../scheduler/rung.ts";',
      "scheduler/rung.ts": 'import { run } from "../formats/run.ts";',
      "report/page.ts": 'import { run } from "../formats/run.ts";',
      "extra/x.ts": "",
    });
    expect(layerBreaches(importGraph(project, "/src"), LAYERS)).toEqual([
      "extra/x.ts: its layer extra is in no layer of the list",
      "lib/json.ts imports formats/run.ts (lib may not import formats)",
      "shim/run.ts imports report/page.ts (shim may not import report)",
      "shim/run.ts imports scheduler/rung.ts (shim may not import scheduler)",
    ]);
  });
});
