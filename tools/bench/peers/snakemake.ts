// Snakemake 9: one rule for train and one for eval, with the trial's grid values as wildcards,
// run with -j2. Editing the grid in the Snakefile adds new targets; the old ones stay up to date.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyScripts, grids, type Grid } from "./scripts.ts";
import { timed, type Measurement, type Session, type Tool } from "./run.ts";
import { venvBin } from "./venv.ts";

function snakefile(grid: Grid): string {
  return `A = ${JSON.stringify(grid.a)}
B = ${JSON.stringify(grid.b)}

wildcard_constraints:
    a = r"[^_/]+",
    b = r"[^_/]+",

rule all:
    input: expand("out/a{a}_b{b}/metrics.json", a=A, b=B)

rule train:
    input: "train.py", "train.sh", "train.csv"
    output: "out/a{a}_b{b}/model"
    shell: "sh train.sh {wildcards.a} {wildcards.b} out/a{wildcards.a}_b{wildcards.b}"

rule eval:
    input: "eval.py", "eval.sh", "test.csv", model = "out/a{a}_b{b}/model"
    output: "out/a{a}_b{b}/metrics.json"
    shell: "sh eval.sh out/a{wildcards.a}_b{wildcards.b}"
`;
}

export function snakemakeTool(python: string): Tool {
  return {
    column: "Snakemake",
    async setup(n, root): Promise<Session> {
      const dir = join(root, "snakemake");
      mkdirSync(dir);
      const { original, changed } = grids(n);
      copyScripts(dir, python);
      const run = async (cap: number): Promise<Measurement> => {
        const r = await timed("Snakemake", venvBin("snakemake"), ["-j2"], { cwd: dir, cap });
        // What it ran, to show that the no-op and the edit reran what they should.
        return { seconds: r.seconds, timedOut: r.timedOut, note: `${(r.all.match(/^(local)?rule (train|eval):/gm) ?? []).length} jobs` };
      };
      return {
        async reset() {
          // .snakemake holds its record of what ran: without it, nothing is known to be built.
          for (const d of ["out", ".snakemake"]) rmSync(join(dir, d), { recursive: true, force: true });
          writeFileSync(join(dir, "Snakefile"), snakefile(original));
        },
        full: run,
        noop: run,
        async change(cap) {
          writeFileSync(join(dir, "Snakefile"), snakefile(changed));
          return run(cap);
        },
        async dispose() {
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
}
